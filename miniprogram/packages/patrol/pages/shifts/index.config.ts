export default definePageConfig({ navigationBarTitleText: '巡逻打卡' })
