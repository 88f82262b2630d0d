export default definePageConfig({ navigationBarTitleText: '网格事件' })
