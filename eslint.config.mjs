// ESLint flat config: typescript-eslint over src/ and test/ (npm run lint).
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const noHtmlSinks = [
  {
    selector: "AssignmentExpression[left.property.name=/^(innerHTML|outerHTML)$/]",
    message: '单元格文字只能以 textContent 写入页面：不要使用 innerHTML/outerHTML。',
  },
  {
    selector: "CallExpression[callee.property.name=/^(insertAdjacentHTML|write|writeln)$/]",
    message: '单元格文字只能以 textContent 写入页面：不要使用 insertAdjacentHTML/document.write。',
  },
];

// The engine's boundary (issue 11): doors reach the engine only through src/engine/index.ts; the doors do not
// reach each other; the engine reaches no door. Tests may import engine internals.
const engineThroughIndex = {
  group: ['**/engine/*', '!**/engine/index', '!**/engine/index.ts'],
  message: '引擎只能通过 src/engine/index.ts 引入（from "../engine"）；需要的名称请从 index.ts 导出。',
};
const noCommandLine = {
  group: ['**/cli', '**/cli/*', '**/xlsx', '**/xlsx/*'],
  message: '任务窗格不得引入命令行（src/cli、src/xlsx）。',
};
const noExcelDoor = {
  group: ['**/excel', '**/excel/*'],
  message: '命令行（src/cli、src/xlsx）不得引入 Excel 网关（src/excel）。',
};
const noDoor = {
  group: ['**/excel', '**/excel/*', '**/taskpane', '**/taskpane/*', '**/cli', '**/cli/*', '**/xlsx', '**/xlsx/*', '**/export', '**/export/*', '**/wps', '**/wps/*', 'exceljs', 'docx'],
  message: '引擎不得引入任何入口（Excel 网关、任务窗格、命令行、导出、WPS）或其依赖。',
};
const restrictImports = (...patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });
// import('…') is not seen by no-restricted-imports.
const dynamicEngineImport = {
  selector: "ImportExpression[source.value=/(^|\\/)engine\\/(?!index(\\.ts)?$)/]",
  message: engineThroughIndex.message,
};
const noExcel = { name: 'Excel', message: '只有 src/excel 中的网关可以调用 Excel.*。' };
const noWps = ['Application', 'wps'].map((name) => ({ name, message: '只有 src/wps 中的 WPS 门可以调用 WPS 的 Application。' }));

export default tseslint.config(
  { ignores: ['dist/**', 'dist-cli/**', 'dist-wps/**', 'coverage/**', 'out/**', 'test-output/**', 'node_modules/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-explicit-any': 'warn',
      'no-constant-condition': ['error', { checkLoops: false }],
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    // Plain ES5 script loaded before office.js (taskpane.html).
    files: ['src/taskpane/**/*.js'],
    languageOptions: { ecmaVersion: 5, sourceType: 'script', globals: { ...globals.browser } },
    rules: { '@typescript-eslint/no-unused-vars': ['error', { caughtErrors: 'none' }] },
  },
  {
    // The boundary. A rule's options are not merged between config objects: the later, narrower ones repeat
    // what they keep of the earlier.
    files: ['src/**/*.ts'],
    ignores: ['src/engine/**'],
    rules: { ...restrictImports(engineThroughIndex), 'no-restricted-syntax': ['error', dynamicEngineImport] },
  },
  {
    // The pane puts text from cells into the DOM: textContent only. And it is not the command line.
    files: ['src/taskpane/**/*.ts'],
    rules: { ...restrictImports(engineThroughIndex, noCommandLine), 'no-restricted-syntax': ['error', ...noHtmlSinks, dynamicEngineImport] },
  },
  { files: ['src/cli/**/*.ts', 'src/xlsx/**/*.ts'], rules: restrictImports(engineThroughIndex, noExcelDoor) },
  { files: ['src/engine/**/*.ts'], rules: restrictImports(noDoor) },
  {
    // Every Excel call lives in the gateway (src/excel), every WPS call in the WPS door (src/wps): the engine, the
    // pane, the ribbon command, the command line and the Excel session (which only reads through the gateway, calls
    // the engine and applies) touch neither.
    files: [
      'src/engine/**/*.ts', 'src/taskpane/**/*.ts', 'src/cli/**/*.ts', 'src/xlsx/**/*.ts', 'src/export/**/*.ts', 'src/commands/**/*.ts',
      'src/excel/session.ts',
    ],
    rules: { 'no-restricted-globals': ['error', noExcel, ...noWps] },
  },
  { files: ['src/excel/**/*.ts'], rules: { 'no-restricted-globals': ['error', ...noWps] } },
  { files: ['src/wps/**/*.ts'], rules: { 'no-restricted-globals': ['error', noExcel] } },
);
