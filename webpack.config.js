/* eslint-disable */
/**
 * Builds the task pane (dist/): taskpane.html + one small entry chunk, with the .docx writer in a separate chunk
 * loaded on demand. office.js is never bundled: taskpane.html loads it from Microsoft's CDN.
 *
 *   npm run build        production build
 *   npm run build:dev    development build
 *   npm run dev-server   https://localhost:3000 (office-addin-dev-certs), plain http when certificates fail
 *
 * ADDIN_URL=https://intranet.example.cn/jixiao/ npm run build writes that address instead of
 * https://localhost:3000/ into dist/manifest.xml, for deployment on a department's own web server.
 *
 * Intranet build (no internet): npm run build -- --env officejs=local copies office.js and the files it loads for
 * Excel (host scripts, strings of every locale, its telemetry shim) from the @microsoft/office-js package into
 * dist/office-js/, points the pages at that copy and narrows their Content-Security-Policy to 'self' alone.
 * Office updates its CDN copy; a local copy must be refreshed (update the package, rebuild) when Office updates.
 *
 * Pages: taskpane.html (the pane), commands.html (the function file of the ribbon's 计算得分, ExecuteFunction) and
 * outcome.html (the dialog that command opens to show what it did).
 *
 * Old web views: Office 2016/2019 volume-licensed shows add-ins in Internet Explorer 11 (Trident), older retail
 * builds without WebView2 in Edge Legacy (EdgeHTML). So the pane's own code is ES5: ts-loader type-checks and
 * compiles to ES2019, babel-loader (preset-env, IE 11) lowers that to ES5 and imports exactly the core-js
 * polyfills the code uses (useBuiltIns: 'usage'); webpack's runtime is ES5 too (target es5). The docx library
 * (node_modules) is left as it is: its chunk is modern-only, and the pane never loads it in those web views
 * (src/taskpane/webview.ts). The CSS gets a static value before every var() (postcss-custom-properties), for IE.
 * test/es5.test.ts checks both on the production build.
 */
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const postcss = require('postcss');
const postcssCustomProperties = require('postcss-custom-properties');

/** The oldest engine the pane's code must run in; Edge Legacy (EdgeHTML) is newer than IE 11. */
const BABEL_OPTIONS = {
  babelrc: false,
  configFile: false,
  presets: [
    [
      '@babel/preset-env',
      {
        targets: { ie: '11' },
        useBuiltIns: 'usage',
        corejs: require('core-js/package.json').version,
        modules: false,
        bugfixes: true,
        // 'usage' guesses from method names; these never apply here. Our lib (ES2020) has no iterator helpers,
        // Set methods, Map#getOrInsert or .at(); URL.createObjectURL is native in IE 10+ and URL is not
        // constructed; no Error is given a cause; JSON.parse is given no reviver that reads source text; the
        // String HTML methods (sub, bold, …) are matched by property names only.
        exclude: [
          /^web\.url/,
          /^(es|esnext)\.iterator\./,
          /^(es|esnext)\.set\.(difference|intersection|is-|symmetric-difference|union)/,
          /^(es|esnext)\.map\.get-or-insert/,
          /^(es|esnext)\.(array|string)\.at(-alternative)?$/,
          /^es\.string\.(anchor|big|blink|bold|fixed|fontcolor|fontsize|italics|link|small|strike|sub|sup)$/,
          'es.error.cause',
          /^(es|esnext)\.json\.parse$/,
        ],
      },
    ],
  ],
  // Babel's helpers (for-of, async, classes) once from @babel/runtime, not inlined in every module.
  plugins: [['@babel/plugin-transform-runtime', { corejs: false, helpers: true, regenerator: true, version: require('@babel/runtime/package.json').version }]],
};

/** IE 11 ignores var(): put a static value before each declaration that uses one (the var() stays for others). */
function cssWithFallbacks(content, absoluteFrom) {
  return postcss([postcssCustomProperties({ preserve: true })])
    .process(content.toString(), { from: absoluteFrom, map: false })
    .then((result) => result.css);
}

const DEV_URL = 'https://localhost:3000/';
const { LOCAL_OFFICE_DIR, officeJsSetup } = require('./scripts/office-js-setup');

/**
 * The files office.js loads in Excel, from the @microsoft/office-js package (its dist/ mirrors the CDN folder):
 * office.js, its app-to-file table and Promise polyfill, the Excel host scripts, office_strings.js of every
 * locale, and the telemetry shim it loads by relative path. Not the debug copies nor other hosts' scripts.
 */
function localOfficeJsPatterns() {
  const from = path.join(path.dirname(require.resolve('@microsoft/office-js/package.json')), 'dist');
  const noDebug = { ignore: ['**/*.debug.js'] };
  // Microsoft's files as they are: already minified, never run through terser again.
  const asIs = { info: { minimized: true } };
  return [
    { from: '{office,o15apptofilemappingtable,es6-promise}.js', context: from, to: LOCAL_OFFICE_DIR, ...asIs },
    { from: 'excel*.js', context: from, to: LOCAL_OFFICE_DIR, globOptions: noDebug, ...asIs },
    { from: '*/office_strings.js', context: from, to: LOCAL_OFFICE_DIR, ...asIs },
    { from: 'telemetry/*.js', context: from, to: LOCAL_OFFICE_DIR, globOptions: noDebug, ...asIs },
    { from: path.join(from, '..', 'LICENSE.md'), to: `${LOCAL_OFFICE_DIR}/LICENSE.md` },
  ];
}
const PORT = 3000;

async function devServerOptions() {
  const server = { type: 'http' };
  if (process.env.ADDIN_HTTP === '1') return server;
  try {
    const devCerts = require('office-addin-dev-certs');
    const options = await devCerts.getHttpsServerOptions();
    return { type: 'https', options: { ca: options.ca, cert: options.cert, key: options.key } };
  } catch (error) {
    console.warn(
      `[绩效自评助手] 无法安装或读取开发证书（${error && error.message ? error.message : error}），开发服务器改用 http://localhost:${PORT}。` +
        ' Excel 桌面版要求 https：请运行 npx office-addin-dev-certs install 后重试。',
    );
    return server;
  }
}

module.exports = async (env, argv) => {
  const production = argv.mode === 'production';
  const addinUrl = (process.env.ADDIN_URL || DEV_URL).replace(/\/?$/, '/');
  const officejs = (env && env.officejs) || 'cdn';
  if (officejs !== 'cdn' && officejs !== 'local') throw new Error(`--env officejs=${officejs}: use cdn (default) or local`);
  const local = officejs === 'local';
  const page = (filename, template, chunks) =>
    new HtmlWebpackPlugin({ filename, template, chunks, scriptLoading: 'defer', templateParameters: officeJsSetup(local) });
  return {
    mode: production ? 'production' : 'development',
    // webpack's own runtime (chunk loading, module wrappers) in ES5 as well.
    target: ['web', 'es5'],
    // No eval-based source maps: the page's Content-Security-Policy forbids eval.
    devtool: 'source-map',
    entry: {
      taskpane: './src/taskpane/index.ts',
      commands: './src/commands/commands.ts',
      outcome: './src/commands/outcomeDialog.ts',
    },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: production ? '[name].[contenthash:8].js' : '[name].js',
      chunkFilename: production ? '[name].[contenthash:8].js' : '[name].js',
      publicPath: 'auto',
      clean: true,
    },
    resolve: { extensions: ['.ts', '.js'] },
    // The .docx writer and its library load as one chunk, only when 下载 Word is clicked.
    optimization: { splitChunks: { cacheGroups: { defaultVendors: false } } },
    module: {
      rules: [
        {
          // Babel's shared helpers (for-of, spread, async …) refer to Symbol, Map, Array.from …: scan them as well,
          // so that 'usage' brings those polyfills too (without transform-runtime, which would import itself here).
          test: /\.m?js$/,
          include: path.dirname(require.resolve('@babel/runtime/package.json')),
          use: { loader: 'babel-loader', options: { ...BABEL_OPTIONS, plugins: [], sourceType: 'unambiguous' } },
        },
        {
          // The dev server's live-reload client is injected into the bundle: ES5 too, so that npm start works in
          // the Internet Explorer web view. (Nothing of this is in a production build.)
          test: /\.m?js$/,
          include: [
            path.dirname(require.resolve('webpack-dev-server/client/index.js')),
            path.join(path.dirname(require.resolve('webpack/package.json')), 'hot'),
          ],
          use: { loader: 'babel-loader', options: { ...BABEL_OPTIONS, sourceType: 'unambiguous' } },
        },
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          // Loaders run last to first: ts-loader (types, ES2019), then babel-loader (ES5 + polyfills).
          use: [
            { loader: 'babel-loader', options: BABEL_OPTIONS },
            { loader: 'ts-loader', options: { configFile: 'tsconfig.web.json', onlyCompileBundledFiles: true } },
          ],
        },
      ],
    },
    performance: { hints: production ? 'warning' : false, maxEntrypointSize: 600000, maxAssetSize: 1500000 },
    plugins: [
      page('taskpane.html', './src/taskpane/taskpane.html', ['taskpane']),
      page('commands.html', './src/commands/commands.html', ['commands']),
      page('outcome.html', './src/taskpane/outcome.html', ['outcome']),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          { from: 'src/taskpane/taskpane.css', to: 'taskpane.css', transform: cssWithFallbacks },
          { from: 'src/taskpane/unsupported.js', to: 'unsupported.js' },
          { from: 'src/taskpane/help.html', to: 'help.html' },
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            transform: (content) => (production ? content.toString().split(DEV_URL).join(addinUrl) : content),
          },
          ...(local ? localOfficeJsPatterns() : []),
        ],
      }),
    ],
    devServer: {
      // Only this computer: the pane's files are not offered to the network.
      host: 'localhost',
      port: PORT,
      hot: false,
      liveReload: true,
      headers: { 'Access-Control-Allow-Origin': '*' },
      static: false,
      // Certificates are only looked at (and installed) when serving, never for a build.
      server: env && env.WEBPACK_SERVE ? await devServerOptions() : { type: 'http' },
      client: { overlay: { warnings: false, errors: true } },
    },
  };
};

// Shared with webpack.wps.config.js (the WPS 表格 add-in): the same CSS fallbacks.
module.exports.cssWithFallbacks = cssWithFallbacks;
