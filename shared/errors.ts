import {
  defineMessages,
  register,
  render,
  textOf,
  type ArgsOf,
  type Entry,
  type Lang,
  type MessageRef,
} from './i18n/i18n'

/**
 * Domain errors: every code is `DOMAIN.REASON` with a message in the catalogue (`error.DOMAIN.REASON`, Chinese
 * and Tibetan) that a resident can read, and the parameters it names. Domain code throws them (so an open
 * transaction rolls back); the function wrapper renders the message in the caller's language and returns
 * `{ ok: false, code, message }`. Anything that is not a DomainError becomes COMMON.INTERNAL.
 * No sentence is built where an error is thrown: what varies is a parameter.
 */
export class DomainError extends Error {
  readonly code: string
  readonly ref: MessageRef
  /** LEGACY (issue #20): a sentence the thrower built itself, shown as it is in every language */
  readonly literal: string | null
  readonly details?: unknown
  constructor(code: string, ref: MessageRef, details?: unknown, literal: string | null = null) {
    super(literal ?? render(ref, 'zh'))
    this.name = 'DomainError'
    this.code = code
    this.ref = ref
    this.literal = literal
    this.details = details
  }

  /** The message in a reader's language. */
  messageIn(lang: Lang): string {
    return this.literal ?? (render(this.ref, lang) || this.message)
  }
}

export interface ErrorFactory<S extends string = string> {
  (...args: [...ArgsOf<S>, details?: unknown]): DomainError
  /** LEGACY (issue #20): a sentence built by the thrower. */
  (message: string, details?: unknown): DomainError
  readonly code: string
  /** the Chinese message (for tests and logs) */
  readonly message: string
  /** the message in a reader's language */
  messageIn(lang: Lang, ...args: ArgsOf<S>): string
  /** the same code with another registered message (one reason among several for one code) */
  because(key: string, params?: Record<string, string | number>): DomainError
}

type Source = string | Entry
type ZhOf<S extends Source> = S extends string ? S : S extends { zh: infer Z extends string } ? Z : string

/**
 * `defineErrors('POINTS', { INSUFFICIENT_BALANCE: { zh: '积分不够了', bo: '…' } })`: the codes of one domain with
 * their messages, registered in the catalogue as `error.POINTS.INSUFFICIENT_BALANCE`. A message may name
 * parameters (`'库存只剩 {left} 件'`), which the factory then requires: `PointsErrors.OUT_OF_STOCK({ left: 3 })`.
 * A plain string is a Chinese message not yet translated (it shows in Chinese to every reader).
 */
export function defineErrors<P extends string, const M extends Record<string, Source>>(
  prefix: P,
  messages: M,
): { [K in keyof M]: ErrorFactory<ZhOf<M[K]>> } {
  const entries: Record<string, Entry> = {}
  for (const [key, m] of Object.entries(messages))
    entries[`error.${prefix}.${key}`] = typeof m === 'string' ? { zh: m } : m
  register(defineMessages(entries))
  const out = {} as Record<string, ErrorFactory>
  for (const key of Object.keys(messages)) {
    const code = `${prefix}.${key}`
    const entry = entries[`error.${code}`]!
    const factory = (first?: unknown, second?: unknown) => {
      if (typeof first === 'string') return new DomainError(code, { key: `error.${code}` }, second, first)
      const isParams = first !== null && typeof first === 'object' && !Array.isArray(first) && /\{\w+\}/.test(entry.zh)
      const params = isParams ? (first as Record<string, string | number>) : undefined
      const details = isParams ? second : first
      return new DomainError(code, params ? { key: `error.${code}`, params } : { key: `error.${code}` }, details)
    }
    Object.assign(factory, {
      code,
      message: entry.zh,
      because: (key: string, params?: Record<string, string | number>) =>
        new DomainError(code, params ? { key, params } : { key }),
      messageIn: (lang: Lang, params?: Record<string, string | number>) => textOf(entry, lang, params),
    })
    out[key] = factory as unknown as ErrorFactory
  }
  return out as { [K in keyof M]: ErrorFactory<ZhOf<M[K]>> }
}

export const CommonErrors = defineErrors('COMMON', {
  BAD_JSON: {
    zh: '请求格式不对，请刷新后重试',
    bo: 'འདྲི་བའི་རྣམ་གཞག་མི་འགྲིག བསྐྱར་གསོ་བྱས་རྗེས་ཡང་བསྐྱར་ཚོད་ལྟ་བྱོས།',
  },
  BAD_REQUEST: { zh: '请求内容不完整', bo: 'འདྲི་བའི་ནང་དོན་ཆ་མི་ཚང་།' },
  BAD_INPUT: { zh: '填写的内容有误', bo: 'བྲིས་པའི་ནང་དོན་ལ་ནོར་འཁྲུལ་ཡོད།' },
  UNKNOWN_FUNCTION: { zh: '没有这个服务', bo: 'ཞབས་ཞུ་འདི་མེད།' },
  UNKNOWN_ACTION: { zh: '没有这个操作', bo: 'བྱ་སྤྱོད་འདི་མེད།' },
  PAYLOAD_TOO_LARGE: { zh: '提交的内容太大了', bo: 'ཕུལ་བའི་ནང་དོན་ཆེ་དྲགས་འདུག' },
  TOO_DEEP: { zh: '提交的内容层次太多了', bo: 'ཕུལ་བའི་ནང་དོན་གྱི་རིམ་པ་མང་དྲགས་འདུག' },
  REQUEST_ID_REQUIRED: {
    zh: '缺少请求编号，请刷新后重试',
    bo: 'འདྲི་བའི་ཨང་རྟགས་མི་འདུག བསྐྱར་གསོ་བྱས་རྗེས་ཡང་བསྐྱར་ཚོད་ལྟ་བྱོས།',
  },
  REQUEST_ID_REUSED: {
    zh: '这个请求编号已经用在另一件事上了，请刷新后重试',
    bo: 'འདྲི་བའི་ཨང་རྟགས་འདི་བྱ་བ་གཞན་ཞིག་ལ་བེད་སྤྱད་ཟིན། བསྐྱར་གསོ་བྱས་རྗེས་ཡང་བསྐྱར་ཚོད་ལྟ་བྱོས།',
  },
  CONTENT_UNSAFE: {
    zh: '内容里有不能发布的词语，请修改后再提交',
    bo: 'ནང་དོན་ནང་འགྲེམས་སྤེལ་བྱེད་མི་ཆོག་པའི་ཚིག་ཡོད། བཅོས་རྗེས་ཡང་བསྐྱར་ཕུལ་རོགས།',
  },
  UNAUTHENTICATED: { zh: '请先登录', bo: 'སྔོན་ལ་ནང་འཛུལ་བྱོས།' },
  SESSION_EXPIRED: { zh: '登录已过期，请重新登录', bo: 'ནང་འཛུལ་གྱི་དུས་ཚོད་ཡོལ་སོང་། ཡང་བསྐྱར་ནང་འཛུལ་བྱོས།' },
  FORBIDDEN: { zh: '您没有权限做这件事', bo: 'ཁྱེད་ལ་བྱ་བ་འདི་བྱེད་པའི་དབང་ཚད་མེད།' },
  OUT_OF_SCOPE: { zh: '这不在您负责的范围内', bo: 'འདི་ཁྱེད་ཀྱི་འགན་ཁུར་ཁྱབ་ཁོངས་སུ་མི་གཏོགས།' },
  NOT_FOUND: { zh: '没有找到相关内容', bo: 'འབྲེལ་ཡོད་ནང་དོན་རྙེད་མ་བྱུང་།' },
  UNIT_NOT_FOUND: { zh: '没有找到相关单位', bo: 'འབྲེལ་ཡོད་ལས་ཁུངས་རྙེད་མ་བྱུང་།' },
  CONFLICT: {
    zh: '数据已被别人修改，请刷新后重试',
    bo: 'གཞི་གྲངས་མི་གཞན་གྱིས་བཅོས་ཟིན། བསྐྱར་གསོ་བྱས་རྗེས་ཡང་བསྐྱར་ཚོད་ལྟ་བྱོས།',
  },
  INTERNAL: { zh: '系统开小差了，请稍后再试', bo: 'མ་ལག་ལ་སྐྱོན་ཅུང་ཟད་ཤོར་འདུག ཅུང་ཙམ་སྒུག་ནས་ཡང་བསྐྱར་ཚོད་ལྟ་བྱོས།' },
  NETWORK: { zh: '网络不好，请稍后再试', bo: 'དྲ་བ་མི་བཟང་། ཅུང་ཙམ་སྒུག་ནས་ཡང་བསྐྱར་ཚོད་ལྟ་བྱོས།' },
  BAD_REPLY: {
    zh: '服务返回的内容不对，请稍后再试或更新小程序',
    bo: 'ཞབས་ཞུས་ཕྱིར་སློག་པའི་ནང་དོན་མི་འགྲིག ཅུང་ཙམ་སྒུག་ནས་ཚོད་ལྟ་བྱོས་སམ་བྱ་རིམ་ཆུང་ངུ་གསར་བསྒྱུར་བྱོས།',
  },
})

register(
  defineMessages({
    'auth.account_gone': { zh: '账号不存在，请重新登录', bo: 'ཐོ་ཁོངས་འདི་མི་འདུག ཡང་བསྐྱར་ནང་འཛུལ་བྱོས།' },
    'call.unknown_action': { zh: '没有这个操作：{name}', bo: 'བྱ་སྤྱོད་འདི་མེད། {name}' },
    'auth.bad_token': { zh: '登录凭证无效，请重新登录', bo: 'ནང་འཛུལ་ལག་འཁྱེར་ནུས་མེད། ཡང་བསྐྱར་ནང་འཛུལ་བྱོས།' },
    'auth.signed_out': {
      zh: '这个账号已在所有设备上退出，请重新登录',
      bo: 'ཐོ་ཁོངས་འདི་སྒྲིག་ཆས་ཚང་མའི་སྟེང་ནས་ཕྱིར་ཐོན་ཟིན། ཡང་བསྐྱར་ནང་འཛུལ་བྱོས།',
    },
  }),
)
