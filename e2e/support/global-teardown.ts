import type { ChildProcess } from 'node:child_process'

export default async function globalTeardown(): Promise<void> {
  const child = (globalThis as { __LINLI_HOST__?: ChildProcess }).__LINLI_HOST__
  if (child && child.exitCode === null) {
    child.kill('SIGTERM')
    await new Promise((r) => setTimeout(r, 300))
    if (child.exitCode === null) child.kill('SIGKILL')
  }
}
