// Type-aware lint for the whole workspace. Layering rules keep the dependency direction of
// style.md: http → services → repositories / crypto / providers, never the reverse.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const restrict = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: patterns.map((group) => ({ group: [group], message })) }],
});

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'test-results/**', 'bench/results/**', 'data/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['vitest.config.ts'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message: 'Only config/ reads process.env.',
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      parserOptions: { projectService: false, project: false },
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly' },
    },
  },
  {
    files: ['apps/server/src/**/*.ts'],
    ignores: ['apps/server/src/crypto/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: ['node:crypto', 'crypto'].map((name) => ({ name, message: 'Only crypto/ imports node:crypto.' })) },
      ],
    },
  },
  {
    files: [
      'apps/server/src/services/**/*.ts',
      'apps/server/src/repositories/**/*.ts',
      'apps/server/src/providers/**/*.ts',
      'apps/server/src/crypto/**/*.ts',
      'apps/server/src/db/**/*.ts',
    ],
    rules: restrict(['**/http/**', '**/http', 'fastify'], 'Lower layers never import the HTTP layer.'),
  },
  {
    files: ['apps/server/src/repositories/**/*.ts'],
    rules: restrict(['**/services/**', '**/http/**', '**/providers/**'], 'Repositories only talk to the database.'),
  },
  {
    files: ['apps/server/src/providers/**/*.ts'],
    rules: restrict(
      ['**/services/**', '**/http/**', '**/repositories/**', '**/db/**'],
      'Provider adapters know nothing of storage or HTTP routes.',
    ),
  },
  {
    files: [
      'apps/server/src/config/**/*.ts',
      'apps/server/test/**/*.ts',
      'scripts/**',
      'bench/**',
      '**/*.test.ts',
      'apps/web/test/**',
    ],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['apps/server/test/**/*.ts', '**/*.test.ts', 'apps/web/test/**'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
);
