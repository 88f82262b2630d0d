export default definePageConfig({ navigationBarTitleText: '我家的积分' })
