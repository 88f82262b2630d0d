/**
 * WeChat's privacy rules against the built package (dist/weapp, `npm run build:weapp` first): every privacy API
 * the JavaScript of the whole package calls (main package and subpackages) has its declarations in app.json, and
 * docs/PRIVACY.md (the text of the MP admin's 用户隐私保护指引) names it. A call without its declaration fails.
 *
 * What each API needs, from WeChat's documentation:
 * - requiredPrivateInfos (app.json): the eight location APIs; without it the call fails and the package cannot
 *   be submitted for review. Fuzzy and precise location exclude each other.
 * - permission.<scope>.desc (app.json): the purpose shown when WeChat asks for the scope: scope.userLocation for
 *   the precise location (getLocation, startLocationUpdate, onLocationChange), scope.userLocationBackground,
 *   scope.userFuzzyLocation. chooseLocation and choosePoi ask for no scope since 2022 (the user picks a place).
 * - the privacy agreement (__usePrivacyCheck__, and the API's information declared in the guide): every API that
 *   handles personal information — location, chosen photos and videos, the clipboard, saving to the album, the
 *   phone number, avatar and nickname, address, files, the microphone, contacts.
 * scanCode and makePhoneCall need none of these: WeChat's own scanner and dialler run them.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { DIST, assertBuilt } from './support/weapp-env'

assertBuilt()

interface Needs {
  requiredPrivateInfos?: true
  scope?: string
  /** what the privacy guide must say is collected, or null when the API needs no agreement */
  guide: string | null
  /** how the guide names it, when not `wx.<api>` */
  doc?: string
}

const LOCATION = '位置信息'
const PRIVACY_APIS: Record<string, Needs> = {
  getLocation: { requiredPrivateInfos: true, scope: 'scope.userLocation', guide: LOCATION },
  startLocationUpdate: { requiredPrivateInfos: true, scope: 'scope.userLocation', guide: LOCATION },
  onLocationChange: { requiredPrivateInfos: true, scope: 'scope.userLocation', guide: LOCATION },
  startLocationUpdateBackground: {
    requiredPrivateInfos: true,
    scope: 'scope.userLocationBackground',
    guide: LOCATION,
  },
  getFuzzyLocation: { requiredPrivateInfos: true, scope: 'scope.userFuzzyLocation', guide: '模糊位置信息' },
  chooseLocation: { requiredPrivateInfos: true, guide: '选择的位置信息' },
  choosePoi: { requiredPrivateInfos: true, guide: '选择的位置信息' },
  chooseAddress: { requiredPrivateInfos: true, guide: '地址' },
  chooseImage: { guide: '选中的照片或视频' },
  chooseMedia: { guide: '选中的照片或视频' },
  chooseVideo: { guide: '选中的照片或视频' },
  chooseMessageFile: { guide: '选中的文件' },
  getClipboardData: { guide: '剪切板' },
  setClipboardData: { guide: '剪切板' },
  saveImageToPhotosAlbum: { guide: '相册' },
  saveVideoToPhotosAlbum: { guide: '相册' },
  startRecord: { guide: '麦克风' },
  getRecorderManager: { guide: '麦克风' },
  // the 同声传译 plugin's recognizer (说话输入): the plugin records with the microphone for the host
  getRecordRecognitionManager: { guide: '麦克风', doc: "requirePlugin('WechatSI').getRecordRecognitionManager" },
  addPhoneContact: { guide: '通讯录' },
  getWeRunData: { guide: '运动数据' },
  scanCode: { guide: null },
  makePhoneCall: { guide: null },
}
/** Button open-types that hand over personal information. */
const PRIVACY_OPEN_TYPES: Record<string, Needs> = {
  getPhoneNumber: { guide: '手机号' },
  getRealtimePhoneNumber: { guide: '手机号' },
  chooseAvatar: { guide: '头像' },
}
const FUZZY_AND_PRECISE = [
  ['getFuzzyLocation'],
  ['getLocation', 'onLocationChange', 'startLocationUpdate', 'startLocationUpdateBackground'],
]

function filesUnder(dir: string, ext: RegExp): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(join(dir, e.name), ext) : ext.test(e.name) ? [join(dir, e.name)] : [],
  )
}

/** Calls as Taro's build leaves them: `x().getLocation({…})`, `wx.getLocation(…)`, `x["getLocation"](…)`. */
function apisCalledIn(code: string): Set<string> {
  const found = new Set<string>()
  for (const api of Object.keys(PRIVACY_APIS)) {
    if (new RegExp(`(?:\\.${api}|\\[["'\`]${api}["'\`]\\])\\s*\\(`).test(code)) found.add(api)
  }
  return found
}

/** open-type in JSX props (`openType:"getPhoneNumber"`) or WXML (`open-type="getPhoneNumber"`), alone or in a list. */
function openTypesIn(code: string): Set<string> {
  const found = new Set<string>()
  for (const m of code.matchAll(/(?:openType|["']?open-type["']?)\s*[:=]\s*["'`]([A-Za-z|]+)["'`]/g))
    for (const t of m[1]!.split('|')) if (t in PRIVACY_OPEN_TYPES) found.add(t)
  return found
}

const app = JSON.parse(readFileSync(join(DIST, 'app.json'), 'utf8')) as {
  requiredPrivateInfos?: string[]
  permission?: Record<string, { desc?: string }>
  __usePrivacyCheck__?: boolean
}
const builtFiles = filesUnder(DIST, /\.(js|wxml)$/)
const built = builtFiles.map((f) => readFileSync(f, 'utf8')).join('\n')
const called = apisCalledIn(built)
const openTypes = openTypesIn(built)
const privacyDoc = readFileSync(resolve(__dirname, '../../docs/PRIVACY.md'), 'utf8')

const uses: Array<[string, Needs]> = [
  ...[...called].map((api): [string, Needs] => [api, PRIVACY_APIS[api]!]),
  ...[...openTypes].map((t): [string, Needs] => [`open-type ${t}`, PRIVACY_OPEN_TYPES[t]!]),
]

describe('the scan', () => {
  it('finds calls in the forms the build leaves and ignores names that are not calls', () => {
    const code = 'r().getLocation({type:"gcj02"});wx["scanCode"]({});var n=["chooseImage","getClipboardData"];'
    expect([...apisCalledIn(code)].sort()).toEqual(['getLocation', 'scanCode'])
    expect([...openTypesIn('{openType:"getPhoneNumber|agreePrivacyAuthorization"}')]).toEqual(['getPhoneNumber'])
  })

  it('finds every privacy API that the sources call through Taro', () => {
    const sources = filesUnder(resolve(__dirname, '../../miniprogram'), /\.tsx?$/)
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n')
    const inSources = Object.keys(PRIVACY_APIS).filter((api) => new RegExp(`\\bTaro\\.${api}\\s*\\(`).test(sources))
    expect(inSources.length).toBeGreaterThan(0)
    expect(inSources.filter((api) => !called.has(api))).toEqual([])
  })
})

describe('app.json declares every privacy API the package calls', () => {
  it.each(uses.filter(([, n]) => n.requiredPrivateInfos))('%s is in requiredPrivateInfos', (api) => {
    expect(app.requiredPrivateInfos ?? []).toContain(api)
  })

  it.each(uses.filter(([, n]) => n.scope))('%s: permission.<scope>.desc says why, in 30 characters', (_api, needs) => {
    const desc = app.permission?.[needs.scope!]?.desc ?? ''
    expect(desc.trim().length).toBeGreaterThan(0)
    expect([...desc].length).toBeLessThanOrEqual(30)
  })

  it.each(uses.filter(([, n]) => n.guide))(
    '%s: the privacy check is on and docs/PRIVACY.md declares it',
    (api, needs) => {
      expect(app.__usePrivacyCheck__).toBe(true)
      const name = api.startsWith('open-type ')
        ? `open-type="${api.slice('open-type '.length)}"`
        : (needs.doc ?? `wx.${api}`)
      expect(privacyDoc).toContain(name)
      expect(privacyDoc).toContain(needs.guide!)
    },
  )

  it('declares no location API it does not call, and not fuzzy and precise location together', () => {
    const declared = app.requiredPrivateInfos ?? []
    expect(declared.filter((api) => !called.has(api))).toEqual([])
    expect(FUZZY_AND_PRECISE.every((group) => group.some((api) => declared.includes(api)))).toBe(false)
  })
})
