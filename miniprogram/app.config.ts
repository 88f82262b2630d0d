import { HOME } from './pages/home/home.strings'

// the plugin's AppID; the version must be one the MP admin lists for it (设置 → 第三方设置 → 插件管理)
const WECHAT_SI = 'WechatSI'
const WECHAT_SI_PLUGIN = { version: '0.3.6', provider: 'wx069ba97219f66d99' }

function tab(pagePath: string, text: string, icon: string) {
  return {
    pagePath,
    text,
    iconPath: `assets/tab/${icon}.png`,
    selectedIconPath: `assets/tab/${icon}-on.png`,
  }
}

export default defineAppConfig({
  // H5: pages change without Taro's slide. Its timers raced a quick back (a tap on 返回 within ~50 ms of opening a
  // page): the hide of the page left behind landed after that page was shown again, and the screen went blank
  // (e2e/navigation.test.ts). Without the slide a page is hidden and shown at once.
  ...(process.env.TARO_ENV === 'h5' ? { animation: false } : {}),
  // The main package holds only the tab pages and login; each domain's pages live in its subpackage.
  pages: ['pages/home/index', 'pages/report/index', 'pages/me/index', 'pages/login/index'],
  subPackages: [
    {
      root: 'packages/incident',
      pages: [
        'pages/list/index',
        'pages/detail/index',
        'pages/overview/index',
        'pages/categories/index',
        'pages/appraisal/index',
        'pages/rounds/index',
        'pages/settings/index',
      ],
      // WeChat's 同声传译 plugin for 说话输入 (components/voice-input.tsx): declared here, not at the top, so its
      // code is downloaded with this subpackage and not counted in the main package; the report tab reaches it
      // with requirePlugin.async once the subpackage is in (preloadRule below). WeChat only.
      ...(process.env.TARO_ENV === 'weapp' ? { plugins: { [WECHAT_SI]: WECHAT_SI_PLUGIN } } : {}),
    },
    {
      root: 'packages/points',
      pages: [
        'pages/mine/index',
        'pages/publicity/index',
        'pages/store/index',
        'pages/review/index',
        'pages/keeper/index',
        'pages/goods/index',
        'pages/rules/index',
        'pages/settings/index',
      ],
    },
    {
      root: 'packages/volunteer',
      pages: [
        'pages/tasks/index',
        'pages/task/index',
        'pages/hours/index',
        'pages/need/index',
        'pages/needs/index',
        'pages/org/index',
        'pages/post-task/index',
        'pages/signups/index',
        'pages/village/index',
      ],
    },
    {
      root: 'packages/patrol',
      pages: [
        'pages/shifts/index',
        'pages/patrol/index',
        'pages/manage/index',
        'pages/poster/index',
        'pages/review/index',
        'pages/figures/index',
      ],
    },
    {
      root: 'packages/account',
      pages: [
        'pages/invite/index',
        'pages/join/index',
        'pages/residence/index',
        'pages/members/index',
        'pages/requests/index',
        'pages/household/index',
        'pages/identity/index',
        'pages/org/index',
        'pages/import/index',
        'pages/audit/index',
        'pages/console-login/index',
        'pages/pushes/index',
      ],
    },
  ],
  // In WeChat a subpackage not yet downloaded cannot open with no signal at all: the field ones (reports, patrols,
  // volunteer check-in) are fetched as soon as the home or report tab opens with a signal, on any network (they
  // are small; the rule is static, so every user gets them, whatever their roles).
  preloadRule: {
    'pages/home/index': { network: 'all', packages: ['packages/incident', 'packages/patrol', 'packages/volunteer'] },
    'pages/report/index': { network: 'all', packages: ['packages/incident'] },
  },
  // WeChat reads the window title and the tab labels from app.json when the package is built, so they are the
  // catalogue's Chinese (the default language). What a person sees follows their language at run time: the tab
  // pages set the tab labels and every page its title (services/title.ts).
  window: {
    navigationBarTitleText: HOME.app_name.zh,
    navigationBarBackgroundColor: '#0a5fb4',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f2f3f5',
    backgroundTextStyle: 'dark',
  },
  tabBar: {
    // WeChat: our own bar (custom-tab-bar/), since WeChat's labels are ~10 px whatever one sets; H5 draws Taro's
    // (a custom bar there would leave none), sized in app.css. The list stays: WeChat reads the tab pages from it.
    custom: process.env.TARO_ENV === 'weapp',
    color: '#4a4a4a',
    selectedColor: '#0a5fb4',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      // icons drawn by tools/tab-icons.mjs: a label alone was too small a target to find
      tab('pages/home/index', HOME['tab.home'].zh, 'home'),
      tab('pages/report/index', HOME['tab.report'].zh, 'report'),
      tab('pages/me/index', HOME['tab.me'].zh, 'me'),
    ],
  },
  lazyCodeLoading: 'requiredComponents',
  // WeChat's privacy rules (checked against every call in the built package by tests/weapp/privacy.test.ts):
  // each location API the code calls, the purpose shown when WeChat asks for the precise location (30
  // characters at most), and the privacy agreement before any personal information (docs/PRIVACY.md).
  requiredPrivateInfos: ['getLocation', 'chooseLocation'],
  permission: {
    // shown by WeChat itself, in Chinese
    'scope.userLocation': { desc: HOME.location_purpose.zh },
  },
  __usePrivacyCheck__: true,
})
