/** mulberry32: a small, fast, deterministic PRNG, so a scale and a seed always give the same data. */
export class Rng {
  private s: number
  constructor(seed: number) {
    this.s = seed >>> 0
  }
  next(): number {
    let t = (this.s = (this.s + 0x6d2b79f5) >>> 0)
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  int(min: number, maxInclusive: number): number {
    return min + Math.floor(this.next() * (maxInclusive - min + 1))
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T
  }
  chance(p: number): boolean {
    return this.next() < p
  }
}

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈'
const GIVEN =
  '建国秀英志强桂兰德明丽华文斌淑珍玉兰国强红梅立新小红海燕春花明华永红子涵雨桐浩然卓玛扎西格桑次仁央金多吉泽仁拉姆'
const TIBETAN = [
  '卓玛',
  '扎西',
  '格桑',
  '次仁',
  '央金',
  '多吉',
  '泽仁',
  '拉姆',
  '降央',
  '白玛',
  '洛桑',
  '达瓦',
  '尼玛',
  '益西',
  '贡布',
  '四郎',
]

export function personName(rng: Rng): string {
  if (rng.chance(0.45)) return rng.pick(TIBETAN) + (rng.chance(0.4) ? rng.pick(TIBETAN) : '')
  const g = GIVEN.length / 2
  const i = rng.int(0, g - 1)
  return rng.pick([...SURNAMES]) + GIVEN.slice(i * 2, i * 2 + (rng.chance(0.3) ? 1 : 2))
}
