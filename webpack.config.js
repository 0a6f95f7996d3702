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
 */
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const DEV_URL = 'https://localhost:3000/';
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
  return {
    mode: production ? 'production' : 'development',
    // No eval-based source maps: the page's Content-Security-Policy forbids eval.
    devtool: 'source-map',
    entry: { taskpane: './src/taskpane/index.ts' },
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
          test: /\.ts$/,
          exclude: /node_modules/,
          use: { loader: 'ts-loader', options: { configFile: 'tsconfig.web.json', onlyCompileBundledFiles: true } },
        },
      ],
    },
    performance: { hints: production ? 'warning' : false, maxEntrypointSize: 600000, maxAssetSize: 1500000 },
    plugins: [
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['taskpane'],
        scriptLoading: 'defer',
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          { from: 'src/taskpane/taskpane.css', to: 'taskpane.css' },
          { from: 'src/taskpane/unsupported.js', to: 'unsupported.js' },
          { from: 'src/taskpane/help.html', to: 'help.html' },
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            transform: (content) => (production ? content.toString().split(DEV_URL).join(addinUrl) : content),
          },
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
