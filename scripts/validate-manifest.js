#!/usr/bin/env node
/**
 * npm run validate: checks manifest.xml offline against the XSDs (../shared/manifest-schemas, or the copy in
 * schemas/manifest) with xmllint; without them, runs the online check of office-addin-manifest (needs the internet).
 * Cross-platform (no shell syntax in package.json).
 */
'use strict';
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

const root = path.resolve(__dirname, '..');
const manifest = path.join(root, process.argv[2] || 'manifest.xml');
// The shared copy when this checkout sits beside it; else the same XSDs vendored in schemas/manifest.
const schema = [
  path.resolve(root, '..', 'shared', 'manifest-schemas', 'OfficeAppManifestV1_1.xsd'),
  path.join(root, 'schemas', 'manifest', 'OfficeAppManifestV1_1.xsd'),
].find((p) => fs.existsSync(p));

let result;
if (schema) {
  result = spawnSync('xmllint', ['--noout', '--schema', schema, manifest], { stdio: 'inherit' });
  if (result.error) {
    console.error(`无法运行 xmllint（${result.error.message}）：请安装 libxml2-utils，或在可上网时运行 npx office-addin-manifest validate manifest.xml。`);
    process.exit(1);
  }
} else {
  console.log('未找到清单架构文件（../shared/manifest-schemas 或 schemas/manifest），改用 office-addin-manifest 在线校验（需要联网）。');
  result = spawnSync('npx', ['office-addin-manifest', 'validate', manifest], { stdio: 'inherit', shell: process.platform === 'win32' });
}
process.exit(result.status === null ? 1 : result.status);
