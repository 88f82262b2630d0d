export default definePageConfig({ navigationBarTitleText: '巡逻中' })
