/**
 * Text that others will read passes a check first: WeChat's msgSecCheck on CloudBase, a word list
 * locally. The port answers "pass" or "block"; a platform failure is the adapter's to decide.
 */
export interface ContentSafetyPort {
  check(text: string, userOpenid?: string | null): Promise<{ pass: true } | { pass: false; reason: string }>
}

/** A deliberately small local list: enough to exercise the path in the local host and tests. */
// eslint-disable-next-line linli/no-chinese-literal -- words to match text against, never shown to anyone
const LOCAL_BLOCKED_WORDS = ['法轮功', '六合彩', '赌博网站', '代开发票', '办证刻章', '枪支弹药', '冰毒出售']

export function wordListChecker(words: readonly string[] = LOCAL_BLOCKED_WORDS): ContentSafetyPort {
  return {
    async check(text) {
      const compact = text.replace(/\s+/g, '')
      const hit = words.find((w) => compact.includes(w))
      return hit ? { pass: false, reason: `word list: ${hit}` } : { pass: true }
    },
  }
}
