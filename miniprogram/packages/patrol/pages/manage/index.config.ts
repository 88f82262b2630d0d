export default definePageConfig({ navigationBarTitleText: '巡逻队、路线和班次' })
