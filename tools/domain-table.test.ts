import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { withTable } from './domain-table'

it('the README layout table matches the code (run `npm run docs` to update it)', () => {
  const readme = readFileSync(join(__dirname, '..', 'README.md'), 'utf8')
  expect(readme).toBe(withTable(readme))
})
