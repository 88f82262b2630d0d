export default definePageConfig({ navigationBarTitleText: '漏巡与统计' })
