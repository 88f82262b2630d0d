import { z } from 'zod'

// Built-in zod messages in Chinese ("应为 number，但收到 string" and so on), on both halves.
z.config(z.locales.zhCN())

/** One plain Chinese sentence for a failed parse, naming the first few fields that are wrong. */
export function describeZodError(error: z.ZodError): string {
  const parts = error.issues.slice(0, 3).map((issue) => {
    const where = issue.path.length ? `${issue.path.map(String).join('.')}：` : ''
    return `${where}${issue.message}`
  })
  const more = error.issues.length > 3 ? ` 等 ${error.issues.length} 处` : ''
  return `填写的内容有误：${parts.join('；')}${more}`
}

export function issuesOf(error: z.ZodError): Array<{ path: string; message: string }> {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }))
}
