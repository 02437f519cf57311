// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import boundaries from 'eslint-plugin-boundaries';
import globals from 'globals';

/** Layers of src/ and who may import whom (docs/ARCHITECTURE.md). */
const layers = [
  { type: 'core', pattern: 'src/core' },
  { type: 'services', pattern: 'src/services' },
  { type: 'db', pattern: 'src/db' },
  { type: 'contracts', pattern: 'src/contracts' },
  { type: 'api', pattern: 'src/api' },
  { type: 'cli', pattern: 'src/cli' },
  { type: 'web', pattern: 'src/web' },
];

/** @type {Record<string, string[]>} */
const mayImport = {
  core: ['core'],
  services: ['services', 'core'],
  db: ['db', 'core'],
  contracts: ['contracts', 'core'],
  api: ['api', 'services', 'contracts', 'core', 'config'],
  cli: ['cli', 'compose', 'services', 'core', 'config'],
  web: ['web', 'contracts', 'core'],
};

/** The three root files are not folders, so they are fenced by their import strings. */
const rootFiles = {
  'src/config.ts': ['./core'],
  'src/compose.ts': ['./config', './db', './services', './core'],
  'src/main.ts': ['./compose', './api', './config', './core'],
};
const allLayers = [
  './core',
  './services',
  './db',
  './contracts',
  './api',
  './cli',
  './web',
  './config',
  './compose',
  './main',
];

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'data', 'coverage', 'test-results', 'src/db/migrations'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['src/web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { boundaries },
    settings: {
      'boundaries/elements': layers,
      'import/resolver': { node: { extensions: ['.ts', '.tsx', '.js'] } },
      'boundaries/include': ['src/**/*'],
    },
    rules: {
      'boundaries/dependencies': [
        2,
        {
          default: 'disallow',
          policies: Object.entries(mayImport).map(([from, to]) => ({
            from: { element: { type: from } },
            allow: { to: { element: { types: { anyOf: to } } } },
          })),
        },
      ],
    },
  },
  ...Object.entries(rootFiles).map(([file, allowed]) => ({
    files: [file],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: allLayers
            .filter((l) => !allowed.includes(l))
            .map((l) => ({
              group: [`${l}/**`, `${l}.ts`, l],
              message: `${file} may import only ${allowed.join(', ')}`,
            })),
        },
      ],
    },
  })),
  {
    // The core is pure: no I/O, no clock, no process, no randomness.
    files: ['src/core/**/*.ts'],
    ignores: ['src/core/**/*.test.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-globals': [
        'error',
        'process',
        'Buffer',
        'window',
        'document',
        'setTimeout',
        'setInterval',
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='Date'][property.name='now']",
          message: 'core is pure: pass the time in',
        },
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'core is pure: pass the time in',
        },
        {
          selector: "MemberExpression[object.name='Math'][property.name='random']",
          message: 'core is pure: pass randomness in',
        },
      ],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            'node:*',
            'fs',
            'path',
            'pg',
            '@electric-sql/*',
            'drizzle-orm*',
            'fastify*',
            'react*',
            'exceljs',
          ],
        },
      ],
    },
  },
);
