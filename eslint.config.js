import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['.output/**', '.output-*/**', '.wxt/**', 'node_modules/**', 'tests/fixtures/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node, chrome: 'readonly' } },
    rules: {
      // Page-derived text must never become HTML (see SECURITY.md).
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Never insert text as HTML; use textContent or Preact.' },
        { property: 'outerHTML', message: 'Never insert text as HTML; use textContent or Preact.' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Never insert text as HTML.' },
      ],
      // A closure may read a variable before its one assignment (e.g. an observer disconnected by a callback).
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // lib/ is browser-free: the extension APIs are reached only from entrypoints/.
    files: ['lib/**/*.ts'],
    ignores: ['lib/messaging.ts', 'lib/content/start-reader.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['wxt/*', 'webextension-polyfill'] }],
      'no-restricted-globals': ['error', 'chrome', 'browser'],
    },
  },
);
