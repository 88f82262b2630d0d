import { z } from 'zod'
import { resolve } from 'node:path'

/** The local host's configuration, read once and checked. */
const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().default('127.0.0.1'),
  LINLI_DATA_DIR: z.string().default('.data'),
  LINLI_H5_DIR: z.string().default('dist/h5'),
  LINLI_SESSION_SECRET: z.string().min(16).optional(),
})

export type HostEnv = z.infer<typeof EnvSchema> & { dataDir: string; h5Dir: string }

export function readEnv(env: NodeJS.ProcessEnv = process.env): HostEnv {
  const parsed = EnvSchema.parse(env)
  return { ...parsed, dataDir: resolve(parsed.LINLI_DATA_DIR), h5Dir: resolve(parsed.LINLI_H5_DIR) }
}
