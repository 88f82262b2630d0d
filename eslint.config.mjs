// ESLint for the whole repository (`npm run lint`, part of `npm test`). Layer rules (which folder may import
// which) are dependency-cruiser's: .dependency-cruiser.cjs. Formatting is Prettier's: .prettierrc.json.
import { readFileSync } from 'node:fs'
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import jestPlugin from 'eslint-plugin-jest'
import globals from 'globals'

/** Collection names, read from the one file that may spell them (cloudfunctions/_core/collections.ts). */
const collectionsFile = readFileSync(new URL('./cloudfunctions/_core/collections.ts', import.meta.url), 'utf8')
const collectionsBody = collectionsFile.slice(collectionsFile.indexOf('export const COLLECTIONS = {'))
const collectionNames = [...collectionsBody.matchAll(/^ {2}([a-z_]+): spec</gm)].map((m) => m[1])
const collectionLiteral = `^(${collectionNames.join('|')})$`

/** `x.role === 'village_official'` either way round ('resident', the role everyone may hold, is allowed). */
const ROLE_COMPARISONS = ['left', 'right'].map((side) => {
  const other = side === 'left' ? 'right' : 'left'
  return {
    selector: `BinaryExpression[operator=/^[!=]==?$/][${side}.property.name='role'][${other}.type='Literal'][${other}.value!='resident']`,
    message: 'Compare permissions (ctx.can), not role names: roles live in the role table.',
  }
})

/**
 * Issue #20: every user-facing string goes through the message catalogue (shared/i18n): no Chinese text in page,
 * action or shared code outside catalogue files: `*.messages.ts`, `*.strings.ts`, and the error catalogues
 * (`defineErrors`) of `*.contract.ts`, `*.errors.ts` and `shared/errors.ts`. Comments are not checked.
 */
const CJK = /[\u3400-\u9fff\uf900-\ufaff]/
const linli = {
  rules: {
    'no-chinese-literal': {
      meta: {
        type: 'problem',
        messages: { cjk: 'User-facing text belongs in the message catalogue (a *.messages.ts or *.strings.ts file).' },
        schema: [],
      },
      create(context) {
        const check = (node, text) => {
          if (typeof text === 'string' && CJK.test(text)) context.report({ node, messageId: 'cjk' })
        }
        return {
          Literal: (node) => check(node, node.value),
          TemplateElement: (node) => check(node, node.value.cooked ?? node.value.raw),
          JSXText: (node) => check(node, node.value),
        }
      },
    },
  },
}

/** Areas whose strings are not yet in the catalogue (issue #20): each is removed when its strings move. */
const CATALOGUE_PENDING = []

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'dist/**',
      '.data/**',
      '.e2e-artifacts/**',
      'bench/data/**',
      'bench/results/**',
      '.swc/**',
      'coverage/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node }, ecmaVersion: 2022, sourceType: 'module' },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-constant-condition': ['error', { checkLoops: false }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['miniprogram/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    files: ['**/*.test.ts', 'e2e/**/*.ts', 'tests/**/*.ts'],
    ...jestPlugin.configs['flat/recommended'],
    rules: {
      ...jestPlugin.configs['flat/recommended'].rules,
      // a skipped or focused test checks nothing
      'jest/no-disabled-tests': 'error',
      'jest/no-focused-tests': 'error',
      // helpers like expectError(...) assert inside
      'jest/expect-expect': ['error', { assertFunctionNames: ['expect', 'expect*'] }],
      'jest/no-conditional-expect': 'off',
    },
  },
  {
    // Cloud-function code: the clock comes from ctx.now (tests move it), access from permissions (roles live
    // in the role table), collections from C.<name>.
    files: ['cloudfunctions/**/*.ts'],
    ignores: ['cloudfunctions/**/*.test.ts', 'cloudfunctions/_core/collections.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...ROLE_COMPARISONS,
        {
          selector: `Literal[value=/${collectionLiteral}/]`,
          message: 'Name collections as C.<name> from cloudfunctions/_core/collections.ts.',
        },
      ],
    },
  },
  {
    files: ['cloudfunctions/*/actions/**/*.ts'],
    ignores: ['cloudfunctions/**/*.test.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...ROLE_COMPARISONS,
        {
          selector: `Literal[value=/${collectionLiteral}/]`,
          message: 'Name collections as C.<name> from cloudfunctions/_core/collections.ts.',
        },
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'Use ctx.now, not the machine clock.',
        },
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'Use ctx.now, not the machine clock.',
        },
      ],
    },
  },
  {
    files: ['miniprogram/**/*.{ts,tsx}', 'cloudfunctions/**/*.ts', 'shared/**/*.ts'],
    ignores: [
      '**/*.messages.ts',
      '**/*.strings.ts',
      '**/*.contract.ts',
      '**/*.errors.ts',
      'shared/errors.ts',
      '**/*.test.ts',
      ...CATALOGUE_PENDING,
    ],
    plugins: { linli },
    rules: { 'linli/no-chinese-literal': 'error' },
  },
)
