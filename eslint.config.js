import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Layering (README "Architecture"): lower layers never import features or the app; widget, server and SDK meet only in the contract. */
const widgetCode = ['src/**/*.{ts,tsx}'];
/** What no widget file may import, whatever layer it sits in (ESLint keeps one option list per rule, so every layer repeats these). */
/** One schema library for the project (issue #27 chose valibot: it costs the first bundle a fraction of zod's bytes). */
const oneSchemaLibrary = { group: ['zod', 'zod/*', 'zod-validation-error'], message: 'Schemas use valibot.' };

const widgetBoundaries = [
  oneSchemaLibrary,
  { group: ['**/server/**', '**/server'], message: 'Widget code never imports server code.' },
  { regex: '(^|/)sdk/(?!src/contract/)', message: 'Widget code imports only the contract from the SDK.' },
];

/** What no server file may import. */
const serverBoundaries = [
  oneSchemaLibrary,
  { regex: '^(\\.\\./)+src/', message: 'Server code never imports widget code.' },
  { regex: '(^|/)sdk/(?!src/contract/)', message: 'Server code imports only the contract from the SDK.' },
];

export default tseslint.config(
  {
    ignores: [
      'vendor',
      'dist',
      'dist-host',
      'dist-server',
      'sdk/dist',
      'node_modules',
      'test-results',
      'playwright-report',
      '.reports',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['info', 'warn', 'error'] }],
    },
  },
  {
    // the server never imports widget code; both share only the contract module in sdk/src/contract/.
    // Only the composition root (server/main.ts) chooses the mock: the rest of the server speaks to
    // an Upstream and a SandboxSite (server/upstreams/types.ts) and works the same against MX.
    files: ['server/**/*.ts'],
    ignores: ['server/**/*.test.ts', 'server/testSupport.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...serverBoundaries,
            {
              regex: '(^|/)upstreams/mock(/|$)|^\\./mock(/|$)',
              message: 'Only server/main.ts (the composition root) imports the mock; take an Upstream or SandboxSite.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['server/main.ts', 'server/upstreams/mock/**/*.ts'],
    ignores: ['server/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: serverBoundaries }] },
  },
  {
    // the partner's package stands alone: it never imports widget or server code
    files: ['sdk/**/*.ts'],
    ignores: ['sdk/**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^(\\.\\./)+src/', message: 'The SDK never imports widget code.' },
            { group: ['**/server/**'], message: 'The SDK never imports server code.' },
            oneSchemaLibrary,
          ],
        },
      ],
    },
  },
  {
    files: widgetCode,
    ignores: ['src/**/*.test.{ts,tsx}', 'src/test/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: widgetBoundaries,
        },
      ],
    },
  },
  {
    files: ['src/{api,config,flow,i18n,ui,embedding,connectionStatus,polling}/**/*.{ts,tsx}'],
    ignores: ['src/**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/features/**', '**/app/**'],
              message: 'Lower layers must not import features or the app shell.',
            },
            ...widgetBoundaries,
          ],
        },
      ],
    },
  },
  {
    // one rule for every feature folder, present and future: a feature reaches only down a level
    // (`../../flow`, `../../ui`, …) or into itself, never a sibling feature (`../<other>/…`) or the app.
    // The app's lazy screens (virtual:screens, written by src/app/screensPlugin.ts) load features with
    // dynamic import(), which this rule does not check: the app may depend on features, never the other way.
    files: ['src/features/*/**/*.{ts,tsx}'],
    ignores: ['src/**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^\\.\\./(?!\\.\\./)[^/]+(/|$)|(^|/)app(/|$)',
              message: 'A feature never imports another feature or the app: move what they share down a level.',
            },
            ...widgetBoundaries,
          ],
        },
      ],
    },
  },
  prettier,
);
