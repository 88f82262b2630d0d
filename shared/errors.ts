/**
 * Domain errors: every code is `DOMAIN.REASON` with a Chinese message a resident can read.
 * Domain code throws them (so an open transaction rolls back); the function wrapper turns them
 * into `{ ok: false, code, message }`. Anything that is not a DomainError becomes COMMON.INTERNAL.
 */
export class DomainError extends Error {
  readonly code: string
  readonly details?: unknown
  constructor(code: string, message: string, details?: unknown) {
    super(message)
    this.name = 'DomainError'
    this.code = code
    this.details = details
  }
}

export type ErrorFactory = ((message?: string, details?: unknown) => DomainError) & { code: string; message: string }

export function defineErrors<P extends string, M extends Record<string, string>>(
  prefix: P,
  messages: M,
): { [K in keyof M]: ErrorFactory } {
  const out = {} as { [K in keyof M]: ErrorFactory }
  for (const key of Object.keys(messages) as Array<keyof M & string>) {
    const code = `${prefix}.${key}`
    const defaultMessage = messages[key] as string
    const factory = ((message?: string, details?: unknown) =>
      new DomainError(code, message ?? defaultMessage, details)) as ErrorFactory
    factory.code = code
    factory.message = defaultMessage
    out[key] = factory
  }
  return out
}

export const CommonErrors = defineErrors('COMMON', {
  BAD_JSON: '请求格式不对，请刷新后重试',
  BAD_REQUEST: '请求内容不完整',
  BAD_INPUT: '填写的内容有误',
  UNKNOWN_FUNCTION: '没有这个服务',
  UNKNOWN_ACTION: '没有这个操作',
  PAYLOAD_TOO_LARGE: '提交的内容太大了',
  REQUEST_ID_REQUIRED: '缺少请求编号，请刷新后重试',
  REQUEST_ID_REUSED: '这个请求编号已经用在另一件事上了，请刷新后重试',
  CONTENT_UNSAFE: '内容里有不能发布的词语，请修改后再提交',
  UNAUTHENTICATED: '请先登录',
  SESSION_EXPIRED: '登录已过期，请重新登录',
  FORBIDDEN: '您没有权限做这件事',
  OUT_OF_SCOPE: '这不在您负责的范围内',
  NOT_FOUND: '没有找到相关内容',
  CONFLICT: '数据已被别人修改，请刷新后重试',
  INTERNAL: '系统开小差了，请稍后再试',
  NETWORK: '网络不好，请稍后再试',
})
