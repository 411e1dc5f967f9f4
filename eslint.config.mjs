import nextVitals from 'eslint-config-next/core-web-vitals';
import tseslint from 'typescript-eslint';
import { boundaries, noImportsFromApp } from './scripts/eslint/boundaries.mjs';

export default tseslint.config(
  {
    ignores: [
      'generated/**',
      '.next/**',
      '.next-e2e*/**',
      '.next-bench/**',
      '.next-scale/**',
      '.data/**',
      'node_modules/**',
      'next-env.d.ts',
      'test-results/**',
      'playwright-report/**',
    ],
  },
  ...nextVitals,
  {
    files: ['**/*.ts', '**/*.tsx'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/only-throw-error': 'error',
    },
  },
  {
    files: ['components/**/*.{ts,tsx}', 'lib/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': noImportsFromApp },
  },
  {
    files: ['**/*.tsx', '**/*.ts'],
    plugins: { boundaries },
    rules: { 'boundaries/no-server-only-in-client': 'error' },
  },
  {
    // The domain never imports the HTTP layer (lib/http/); the adapters named for it may.
    files: ['lib/**/*.{ts,tsx,js,mjs}'],
    plugins: { boundaries },
    rules: { 'boundaries/no-http-in-domain': 'error' },
  },
);
