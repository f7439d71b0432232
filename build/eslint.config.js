// Lint: TypeScript rules plus the import layering of STYLE.md, as no-restricted-imports so the
// rule is visible: renderer -> shared only (no core, node:, electron); core never imports
// electron; shared imports nothing runtime-specific.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'http', 'net', 'url', 'worker_threads', 'module'];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'coverage/**', 'test/.tmp/**', '**/*.gen.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-empty': ['error', { allowEmptyCatch: true }],
      // Text cleaning strips control characters and matches combining sequences on purpose.
      'no-control-regex': 'off',
      'no-misleading-character-class': 'off',
      // Legal text uses the ideographic space (U+3000) on purpose.
      'no-irregular-whitespace': ['error', { skipStrings: true, skipTemplates: true, skipJSXText: true, skipComments: true, skipRegExps: true }],
    },
  },
  {
    files: ['**/*.{js,mjs,cjs}', 'electron/**/*.ts', 'test/**/*.ts', 'build/**/*.{ts,mjs}'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: '渲染进程只通过 renderer/src/api 访问应用（window.api 或 HTTP）。' }],
          patterns: [
            { group: ['**/electron/core/**', '**/core/**'], message: '渲染进程不能导入 core：请通过 API 契约调用。' },
            { group: ['**/electron/main/**', '**/electron/preload/**', '**/electron/server/**', '**/electron/cli/**'], message: '渲染进程只能导入 electron/shared。' },
            { group: nodeBuiltins, message: '渲染进程不能使用 Node 模块。' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/core/**/*.ts', 'electron/cli/**/*.ts', 'electron/server/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'core/cli/server 是纯 Node，不能导入 electron。' }],
          patterns: [{ group: ['**/electron/main/**', '**/main/*', '**/preload/*', '**/renderer/**'], message: '导入方向：main/cli/server -> core -> shared。' }],
        },
      ],
    },
  },
  {
    files: ['electron/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'shared 不能导入 electron。' }],
          patterns: [
            { group: nodeBuiltins, message: 'shared 不能使用 Node 模块（渲染进程也要用）。' },
            { group: ['**/core/**', '**/main/**', '**/server/**', '**/renderer/**'], message: 'shared 只能导入 shared。' },
          ],
        },
      ],
    },
  },
);
