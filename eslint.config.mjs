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
    // The pane puts text from cells into the DOM: textContent only.
    files: ['src/taskpane/**/*.ts'],
    rules: { 'no-restricted-syntax': ['error', ...noHtmlSinks] },
  },
  {
    // Every Excel call lives in the gateway (src/excel), every WPS call in the WPS door (src/wps): the engine, the
    // pane, the ribbon command and the command line touch neither.
    files: ['src/engine/**/*.ts', 'src/taskpane/**/*.ts', 'src/cli/**/*.ts', 'src/export/**/*.ts', 'src/commands/**/*.ts'],
    rules: { 'no-restricted-globals': ['error', noExcel, ...noWps] },
  },
  { files: ['src/excel/**/*.ts'], rules: { 'no-restricted-globals': ['error', ...noWps] } },
  { files: ['src/wps/**/*.ts'], rules: { 'no-restricted-globals': ['error', noExcel] } },
);
