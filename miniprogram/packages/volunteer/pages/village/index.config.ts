export default definePageConfig({ navigationBarTitleText: '村里审核与统计' })
