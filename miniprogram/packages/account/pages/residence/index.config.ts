export default definePageConfig({ navigationBarTitleText: '我家住在哪' })
