// eslint-disable-next-line linli/no-chinese-literal -- WeChat reads this title when the package is built; the page sets it in the reader's language (usePageTitle)
export default definePageConfig({ navigationBarTitleText: '积分规则' })
