export default definePageConfig({ navigationBarTitleText: '事件类别设置' })
