// ESLint: typescript-eslint's strict, type-aware rules, and the layers of docs/decisions/0021-layers.md kept by
// eslint-plugin-boundaries. Prettier owns formatting (eslint-config-prettier turns off the rules it would fight).
import boundaries from 'eslint-plugin-boundaries';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

/**
 * The features, lowest first: a feature may import only the features listed before it (never one after it, so
 * features can never import each other in a circle). Pages that stand on their own come last.
 */
const FEATURES = [
  'annex-a',
  'reference',
  'children',
  'indicators',
  'ingest',
  'exports',
  'data',
  'trackers',
  'inspections',
  'improvement',
  'quality',
  'reports',
  'home',
  'auth',
  'users',
  'access-log',
  'api-docs',
];

/** The layers beneath the features, and what each may import. */
const BELOW_FEATURES = ['documents', 'web', 'accounts', 'db', 'domain', 'core'];

const elements = [
  { type: 'app', pattern: 'src/app/**', partialMatch: false },
  { type: 'cli', pattern: 'src/cli/**', partialMatch: false },
  { type: 'bench', pattern: 'bench/**', partialMatch: false },
  { type: 'test', pattern: 'test/**', partialMatch: false },
  { type: 'harness', pattern: 'harness/**', partialMatch: false },
  { type: 'synth', pattern: 'src/synth/**', partialMatch: false },
  ...FEATURES.map((name) => ({ type: `feature-${name}`, pattern: `src/features/${name}/**`, partialMatch: false })),
  { type: 'documents', pattern: 'src/documents/**', partialMatch: false },
  { type: 'web', pattern: 'src/web/**', partialMatch: false },
  { type: 'accounts', pattern: 'src/accounts/**', partialMatch: false },
  { type: 'db', pattern: 'src/db/**', partialMatch: false },
  { type: 'domain', pattern: 'src/domain/**', partialMatch: false },
  { type: 'core', pattern: 'src/core/**', partialMatch: false },
];

const features = FEATURES.map((name) => `feature-${name}`);

/** Who may import whom; anything not listed is refused. */
const allowed = [
  { from: 'app', allow: ['app', 'synth', ...features, ...BELOW_FEATURES] },
  { from: 'cli', allow: ['cli', 'app', 'synth', ...features, ...BELOW_FEATURES] },
  { from: 'bench', allow: ['bench', 'harness', 'app', 'cli', 'synth', ...features, ...BELOW_FEATURES] },
  { from: 'harness', allow: ['harness'] },
  { from: 'synth', allow: ['synth', ...features, ...BELOW_FEATURES] },
  ...features.map((type, i) => ({ from: type, allow: [type, ...features.slice(0, i), ...BELOW_FEATURES] })),
  { from: 'documents', allow: ['documents', 'db', 'domain', 'core'] },
  { from: 'web', allow: ['web', 'accounts', 'db', 'domain', 'core'] },
  { from: 'accounts', allow: ['accounts', 'db', 'domain', 'core'] },
  { from: 'db', allow: ['db', 'domain', 'core'] },
  { from: 'domain', allow: ['domain'] },
  { from: 'core', allow: ['core'] },
];

export default tseslint.config(
  { ignores: ['node_modules/**', 'data/**', 'src/db/migrations/**', '**/*.mjs', '**/*.js', '.bench/**'] },
  ...tseslint.configs.strictTypeChecked,
  ...tseslint.configs.stylisticTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // Numbers and booleans in template strings are everyday text here ("3 of 20", "Page 2").
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
      // `_name` marks a parameter kept for its position.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      // T[] for simple types, Array<…> for the rest.
      '@typescript-eslint/array-type': ['error', { default: 'array-simple' }],
      // node:test's describe() and test() return promises the runner itself awaits.
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          allowForKnownSafeCalls: [
            {
              from: 'package',
              package: 'node:test',
              name: ['describe', 'it', 'test', 'suite', 'before', 'after', 'beforeEach', 'afterEach'],
            },
          ],
        },
      ],
      // Off, because strict also forbids the `!` this rule asks for (no-non-null-assertion): a cast names the type.
      '@typescript-eslint/non-nullable-type-assertion-style': 'off',
      // Off: rows read with raw SQL are typed by hand, and the drivers hand back bigint and numeric columns as
      // strings; Number(x) on a value typed number is that guard, not a mistake.
      '@typescript-eslint/no-unnecessary-type-conversion': 'off',
      // An empty form field or text cell is "missing" here: `||` on strings is meant.
      '@typescript-eslint/prefer-nullish-coalescing': ['error', { ignorePrimitives: { string: true } }],
      // Off: route handlers and report kinds implement async interfaces; an async function with nothing to await is
      // how such a function returns its promise.
      '@typescript-eslint/require-await': 'off',
      // A deliberate no-op (a stream's end, a progress bar off the terminal, a swallowed rejection) is an empty arrow.
      '@typescript-eslint/no-empty-function': ['error', { allow: ['arrowFunctions', 'methods'] }],
      // `err ? reject(err) : resolve()` is the Node callback idiom.
      '@typescript-eslint/no-unused-expressions': ['error', { allowTernary: true }],
      // Off: rows read with raw SQL carry their columns as unknown, and are text or numbers; String() is how they
      // become text (an object would never come back from these queries).
      '@typescript-eslint/no-base-to-string': 'off',
      // Off: `!a || a.b === null` and `a?.b === null` differ when `a` is missing; the explicit form is kept.
      '@typescript-eslint/prefer-optional-chain': 'off',
      // Off: row shapes read with raw SQL are type aliases, which satisfy Record<string, unknown>; interfaces do not.
      '@typescript-eslint/consistent-type-definitions': 'off',
    },
  },
  {
    files: ['**/*.test.ts', 'test/**/*.ts'],
    rules: {
      // Assertions read rows through `?.` on purpose: a missing row fails the assertion with a readable diff.
      '@typescript-eslint/no-unnecessary-condition': 'off',
      // In a test, `rows[0]!` is an assertion that the row is there: a missing row fails the test either way.
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Tests read raw rows, JSON and workbook cells as unknown and print them in their assertions.
      '@typescript-eslint/no-base-to-string': 'off',
      '@typescript-eslint/restrict-template-expressions': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      // Browser tests' callbacks run in the page, whose DOM types Node's lib does not have.
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unnecessary-type-assertion': 'off',
    },
  },
  {
    files: ['src/**/*.ts', 'bench/**/*.ts', 'harness/**/*.ts'],
    ignores: ['**/*.test.ts'],
    plugins: { boundaries },
    settings: {
      'boundaries/elements': elements,
      'boundaries/include': ['src/**/*.ts', 'bench/**/*.ts', 'test/**/*.ts', 'harness/**/*.ts'],
      'import/resolver': { node: { extensions: ['.ts', '.mjs', '.js'] } },
    },
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'disallow',
          message: '{{from.type}} may not import {{to.type}}: see the layers in docs/decisions/0021-layers.md',
          policies: allowed.map(({ from, allow }) => ({
            from: { element: { type: from } },
            allow: { to: { element: { types: { anyOf: allow } } } },
          })),
        },
      ],
    },
  },
  prettier,
);
