// Lint: TypeScript rules, React hooks rules, and the import layering of STYLE.md as an ALLOW-list
// per folder (eslint-plugin-boundaries): anything a folder is not explicitly allowed to import is
// refused, static `import`, `export … from` and dynamic `import()` alike. The layering is
//   shared   -> shared (+ zod)                 runs in every runtime, renderer included
//   core     -> core, shared (+ Node, npm)      plain Node, never electron
//   cli      -> cli, core, shared, server (+ Node, npm)   `lawdesk start` launches the browser face
//   server   -> server, core, shared (+ Node, npm)
//   main     -> main, core, shared, server (+ Node, npm, electron)   the Electron glue
//   preload  -> preload, shared (+ electron)    the sandboxed bridge
//   renderer -> renderer, shared (+ browser npm packages; no Node, no electron)
// test/layering.test.ts runs this config on small snippets and proves each refusal.
import js from '@eslint/js';
import boundaries from 'eslint-plugin-boundaries';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const element = (type) => ({ to: { element: { type } } });
const local = (...types) => types.map(element);
const npm = { to: { module: { origin: 'external' } } };
const nodeBuiltin = { to: { module: { origin: 'core' } } };
const electron = { to: { module: { origin: 'external', source: 'electron' } } };

/** Per folder: what it may import. Everything else is refused. */
const allowed = {
  shared: [...local('shared'), { to: { module: { origin: 'external', source: 'zod' } } }],
  core: [...local('core', 'shared'), npm, nodeBuiltin],
  cli: [...local('cli', 'core', 'shared', 'server'), npm, nodeBuiltin],
  server: [...local('server', 'core', 'shared'), npm, nodeBuiltin],
  main: [...local('main', 'core', 'shared', 'server'), npm, nodeBuiltin],
  preload: [...local('preload', 'shared'), electron],
  renderer: [...local('renderer', 'shared'), npm],
};

/** npm packages that only some runtimes may use, refused after the allow above. */
const refused = {
  core: ['electron', 'react', 'react-dom', 'antd', '@ant-design/*'],
  cli: ['electron', 'react', 'react-dom', 'antd', '@ant-design/*'],
  server: ['electron', 'react', 'react-dom', 'antd', '@ant-design/*'],
  main: ['react', 'react-dom', 'antd', '@ant-design/*'],
  renderer: ['electron'],
};

const policies = [];
for (const [from, allows] of Object.entries(allowed)) {
  for (const allow of allows) policies.push({ from: { element: { type: from } }, allow });
}
for (const [from, sources] of Object.entries(refused)) {
  for (const source of sources) policies.push({ from: { element: { type: from } }, disallow: { to: { module: { origin: 'external', source } } } });
}

export const layeringMessage =
  '导入方向不允许：{{from.element.type}} 不能导入 {{to.element.type}}{{to.module.source}}。允许的方向见 build/eslint.config.js 顶部的说明。';

export const featureImportMessage =
  '页面之间不互相导入：一个页面（renderer/src/features/<页面>/）只导入自己的文件和 renderer/src/components、api 等公共部分；几个页面都要用的组件放进 renderer/src/components/。';
/** A page folder may not reach into another page folder (a sibling `../<page>/…`, or any path through `features/`). */
export const featureImportRule = ['error', { patterns: [{ regex: '^\\.\\./[^./]|(^|/)features/', message: featureImportMessage }] }];

export const useCallKeyMessage =
  'useCall 自己生成缓存键（频道 + 输入 + 法规库版本）：第三个参数只能是页面自己递增的刷新计数变量，不要手写键。';
export const useCallKeyRule = ['error', { selector: "CallExpression[callee.name='useCall'] > .arguments:nth-child(3):not(Identifier)", message: useCallKeyMessage }];

export const toastMessage =
  '提示框只经 renderer/src/components/notify.tsx 的 useNotify() 显示（出错的一直留到用户关闭、可复制，成功的几秒后消失）：不要直接用 antd 的 message / notification。';
/** antd's message / notification, imported statically or taken from App.useApp(), anywhere but notify.tsx. */
export const toastSelectors = [
  { selector: "ImportDeclaration[source.value='antd'] > ImportSpecifier[imported.name=/^(message|notification)$/]", message: toastMessage },
  { selector: "VariableDeclarator[init.callee.property.name='useApp'] > ObjectPattern > Property[key.name=/^(message|notification)$/]", message: toastMessage },
];
export const TOAST_HOME = 'renderer/src/components/notify.tsx';
export const selectMessage =
  '下拉框用 renderer/src/components/tab-leaving-select.tsx 的 TabLeavingSelect（Tab 总能离开字段）：不要直接用 antd 的 Select。';
/** antd's Select anywhere but the wrapper that keeps Tab from rc-select (and the style keeper, which only mounts it). */
export const selectSelectors = [{ selector: "ImportDeclaration[source.value='antd'] > ImportSpecifier[imported.name='Select']", message: selectMessage }];
export const SELECT_HOMES = ['renderer/src/components/tab-leaving-select.tsx', 'renderer/src/components/style-keeper.tsx'];

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
  },
  {
    files: ['electron/**/*.{ts,tsx,mjs}', 'renderer/**/*.{ts,tsx}'],
    plugins: { boundaries },
    settings: {
      'boundaries/elements': [
        { type: 'shared', pattern: 'electron/shared' },
        { type: 'core', pattern: 'electron/core' },
        { type: 'cli', pattern: 'electron/cli' },
        { type: 'server', pattern: 'electron/server' },
        { type: 'main', pattern: 'electron/main' },
        { type: 'preload', pattern: 'electron/preload' },
        { type: 'renderer', pattern: 'renderer' },
      ],
      'boundaries/dependency-nodes': ['import', 'export', 'dynamic-import'],
      'import/resolver': { node: { extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] } },
    },
    rules: {
      'boundaries/dependencies': ['error', { default: 'disallow', checkAllOrigins: true, checkUnknownLocals: true, message: layeringMessage, policies }],
      // A file outside every element would escape the allow-list.
      'boundaries/no-unknown-files': 'error',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // These three are React Compiler advisories: the renderer is not compiled by it, and the
      // patterns they flag (resetting the page when a filter changes, a ref holding the latest
      // callback, a heading cursor local to one render) are correct without it. Kept visible.
      'react-hooks/set-state-in-effect': 'warn',
      'react-hooks/refs': 'warn',
      'react-hooks/immutability': 'warn',
      // useCall makes its own key (renderer/src/api/call-key.ts: channel, input by value, library
      // generation); its third argument is only a refresh counter the page bumps after its own
      // writes. A key built in the call (a template, a concatenation, JSON.stringify, a literal)
      // is the hand-made key that once forgot the generation.
      // Toasts: one helper with one rule for how long each kind stays (toastSelectors).
      'no-restricted-syntax': [...useCallKeyRule, ...toastSelectors, ...selectSelectors],
    },
  },
  {
    files: [TOAST_HOME],
    rules: { 'no-restricted-syntax': [...useCallKeyRule, ...selectSelectors] },
  },
  {
    files: SELECT_HOMES,
    rules: { 'no-restricted-syntax': [...useCallKeyRule, ...toastSelectors] },
  },
  {
    // Pages share components through renderer/src/components, never by importing each other.
    files: ['renderer/src/features/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': featureImportRule },
  },
);
