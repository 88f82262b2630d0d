export default definePageConfig({ navigationBarTitleText: '审核存疑打卡' })
