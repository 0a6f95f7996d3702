/** Builds what the browser test loads: the production pane (as npm run build does) and the fake host bundle. */
import { execFileSync } from 'child_process';
import * as path from 'path';
import webpack from 'webpack';

export const REPO = path.resolve(__dirname, '..', '..');

/**
 * Runs the production build into outDir (same config as npm run build; extra: e.g. ['--env', 'officejs=local'], or
 * ['--config', 'webpack.wps.config.js'] for the WPS add-in folder).
 */
export function buildPane(outDir: string, extra: string[] = []): void {
  const cli = require.resolve('webpack-cli/bin/cli.js', { paths: [REPO] });
  try {
    execFileSync(process.execPath, [cli, '--mode', 'production', '--output-path', outDir, ...extra], {
      cwd: REPO,
      stdio: 'pipe',
      env: { ...process.env, ADDIN_URL: '' },
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (e) {
    const out = e as { stdout?: Buffer; stderr?: Buffer };
    const log = `${out.stdout?.toString() ?? ''}\n${out.stderr?.toString() ?? ''}`;
    const errors = log.split('\n').filter((l) => /ERROR|error TS|TS\d{4}/.test(l));
    throw new Error(`npm run build failed:\n${(errors.length ? errors : log.split('\n').slice(-40)).join('\n')}`);
  }
}

/** Bundles test/fakehost/browser.ts into one script that stands in for office.js (or another entry, e.g. WPS's). */
export function buildFakeHost(outDir: string, filename = 'fake-office.js', entry = path.join(REPO, 'test', 'fakehost', 'browser.ts')): Promise<string> {
  const compiler = webpack({
    mode: 'development',
    devtool: false,
    target: 'web',
    context: REPO,
    entry,
    output: { path: outDir, filename, iife: true },
    resolve: { extensions: ['.ts', '.js'] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          loader: 'ts-loader',
          options: { configFile: path.join(REPO, 'tsconfig.web.json'), transpileOnly: true },
        },
      ],
    },
  });
  return new Promise((resolve, reject) => {
    compiler.run((err, stats) => {
      compiler.close(() => undefined);
      if (err) return reject(err);
      if (!stats || stats.hasErrors()) return reject(new Error(stats ? stats.toString('errors-only') : 'no stats'));
      resolve(path.join(outDir, filename));
    });
  });
}
