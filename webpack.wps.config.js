/* eslint-disable */
/**
 * Builds the WPS 表格 add-in (npm run build:wps): the add-in folder dist-wps/jixiaoziping/ with
 *   index.html + main.*.js   the main page WPS loads when it starts (ribbon callbacks, src/wps/ribbon.ts)
 *   ribbon.xml               the 绩效自评 tab: 计算得分 and 打开任务窗格
 *   taskpane.html            the same task pane as in Excel, started with the WPS door (src/wps/paneEntry.ts)
 *   outcome.html             the dialog 计算得分 shows
 *   images/, taskpane.css    icons and styles
 * then scripts/package-wps.js writes jsplugins.xml (online) and the offline package with publish.xml.
 * The same compilation as the Excel pane (webpack.config.js: ES5 + polyfills, CSS fallbacks), no office.js, and
 * a Content-Security-Policy of 'self' only.
 */
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const base = require('./webpack.config.js');
const { officeJsSetup } = require('./scripts/office-js-setup');

const FOLDER = 'jixiaoziping';

module.exports = async (env, argv) => {
  const config = await base({ ...(env || {}), officejs: 'cdn' }, argv);
  const page = (filename, template, chunks) =>
    new HtmlWebpackPlugin({
      filename,
      template,
      chunks,
      scriptLoading: 'defer',
      templateParameters: { officeJs: '', csp: officeJsSetup(true).csp },
    });
  config.entry = {
    main: './src/wps/ribbon.ts',
    taskpane: './src/wps/paneEntry.ts',
    outcome: './src/wps/dialog.ts',
  };
  config.output = { ...config.output, path: path.resolve(__dirname, 'dist-wps', FOLDER) };
  config.plugins = [
    page('index.html', './src/wps/addin/index.html', ['main']),
    page('taskpane.html', './src/taskpane/taskpane.html', ['taskpane']),
    page('outcome.html', './src/taskpane/outcome.html', ['outcome']),
    new CopyWebpackPlugin({
      patterns: [
        { from: 'src/wps/addin/ribbon.xml', to: 'ribbon.xml' },
        { from: 'assets/icon-32.png', to: 'images/calculate.png' },
        { from: 'assets/icon-32.png', to: 'images/taskpane.png' },
        { from: 'src/taskpane/taskpane.css', to: 'taskpane.css', transform: base.cssWithFallbacks },
        { from: 'src/taskpane/unsupported.js', to: 'unsupported.js' },
      ],
    }),
  ];
  delete config.devServer;
  return config;
};
