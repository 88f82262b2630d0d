export default definePageConfig({ navigationBarTitleText: '点位张贴码' })
