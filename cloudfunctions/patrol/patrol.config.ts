import { z } from 'zod'
import type { Runtime } from '../_core/runtime'

/**
 * The patrol function's configuration, read once from the environment and checked.
 * LINLI_PATROL_CODE_KEY signs checkpoint codes. On CloudBase it must be set (as a function environment
 * variable); the local host and the tests use a fixed development key, so posters printed from a local
 * demo never verify in production and vice versa. The key never travels in a request.
 */
const EnvSchema = z.object({
  LINLI_PATROL_CODE_KEY: z.string().min(32, 'LINLI_PATROL_CODE_KEY needs at least 32 characters').optional(),
})

export const DEV_CODE_KEY = 'linli-local-dev-patrol-code-key-not-for-production'

export interface PatrolConfig {
  codeKey: string
}

let cached: PatrolConfig | null = null

export function patrolConfig(rt: Pick<Runtime, 'mode'>, env: NodeJS.ProcessEnv = process.env): PatrolConfig {
  if (cached) return cached
  const parsed = EnvSchema.parse(env)
  if (!parsed.LINLI_PATROL_CODE_KEY && rt.mode === 'cloudbase') {
    throw new Error('LINLI_PATROL_CODE_KEY is required on CloudBase')
  }
  cached = { codeKey: parsed.LINLI_PATROL_CODE_KEY ?? DEV_CODE_KEY }
  return cached
}
