import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Layering (shared/layout.md): lower layers never import features or the app; the mock stays out of the widget. */
const widgetCode = ['src/**/*.{ts,tsx}'];

export default tseslint.config(
  { ignores: ['dist', 'dist-host', 'dist-sdk', 'node_modules', 'test-results', 'playwright-report', '.reports'] },
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
    // the server never imports widget code (the mock backend is server code that still lives in src/)
    files: ['server/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/src/*', '!**/src/mock-backend'],
              message: 'Server code never imports widget code.',
            },
          ],
        },
      ],
    },
  },
  {
    files: widgetCode,
    ignores: ['src/mock-backend/**', 'src/**/*.test.{ts,tsx}', 'src/test/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/mock-backend/**', '**/mock-backend'],
              message: 'Widget code never imports the mock backend.',
            },
            {
              group: ['**/server/**', '**/server'],
              message: 'Widget code never imports server code.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/{api,config,flow,i18n,ui,embedding,host-sdk}/**/*.{ts,tsx}'],
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
            { group: ['**/mock-backend/**'], message: 'Widget code never imports the mock backend.' },
          ],
        },
      ],
    },
  },
  ...['search', 'method', 'credentials', 'oauth', 'mfa', 'status', 'connected'].map((feature) => ({
    files: [`src/features/${feature}/**/*.{ts,tsx}`],
    ignores: ['src/**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['../*/**', '!../../**', '**/app/**'],
              message: 'A feature never imports another feature or the app: move what they share down a level.',
            },
            { group: ['**/mock-backend/**'], message: 'Widget code never imports the mock backend.' },
          ],
        },
      ],
    },
  })),
  prettier,
);
