export default definePageConfig({ navigationBarTitleText: '公示和领取期限' })
