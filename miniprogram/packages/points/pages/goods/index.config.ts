export default definePageConfig({ navigationBarTitleText: '商品管理' })
