/** Runs a request function at a given concurrency for a count of requests and reports latency figures. */
export interface LoadResult {
  count: number
  concurrency: number
  errors: number
  p50: number
  p95: number
  p99: number
  mean: number
  throughput: number
  firstError?: string
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return 0
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[i] as number
}

export async function runLoad(
  count: number,
  concurrency: number,
  request: (i: number) => Promise<{ ok: boolean; message?: string }>,
): Promise<LoadResult> {
  const latencies: number[] = []
  let errors = 0
  let firstError: string | undefined
  let next = 0
  const started = performance.now()
  async function worker(): Promise<void> {
    for (;;) {
      const i = next++
      if (i >= count) return
      const t = performance.now()
      try {
        const r = await request(i)
        if (!r.ok) {
          errors += 1
          firstError ??= r.message
        }
      } catch (err) {
        errors += 1
        firstError ??= err instanceof Error ? err.message : String(err)
      }
      latencies.push(performance.now() - t)
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker))
  const elapsed = (performance.now() - started) / 1000
  latencies.sort((a, b) => a - b)
  const round = (n: number) => Math.round(n * 100) / 100
  return {
    count,
    concurrency,
    errors,
    p50: round(percentile(latencies, 50)),
    p95: round(percentile(latencies, 95)),
    p99: round(percentile(latencies, 99)),
    mean: round(latencies.reduce((a, b) => a + b, 0) / Math.max(1, latencies.length)),
    throughput: round(count / elapsed),
    ...(firstError ? { firstError } : {}),
  }
}
