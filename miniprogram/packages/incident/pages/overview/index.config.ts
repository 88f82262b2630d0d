export default definePageConfig({ navigationBarTitleText: '概况与台账' })
