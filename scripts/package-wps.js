#!/usr/bin/env node
/**
 * After the WPS build (npm run build:wps): the two ways of installing the add-in folder dist-wps/jixiaoziping/,
 * in the formats of WPS's own toolkit (wpsjs):
 *   dist-wps/jsplugins.xml        online (intranet server): WPS reads it from the address in oem.ini's
 *                                 [Server] JSPluginsServer and loads the add-in from WPS_ADDIN_URL;
 *   dist-wps/offline/             offline: jixiaoziping_<version>/ (the add-in folder), publish.xml, and
 *                                 install.bat (Windows) / install.sh (Linux: 统信 UOS, 麒麟) that copy both into
 *                                 the user's jsaddons folder; the same as dist-wps/jixiaoziping-<version>-offline.zip.
 * WPS_ADDIN_URL=http://intranet.example.cn/jixiaoziping/ npm run build:wps sets the online address (default: a
 * placeholder to replace, as docs/wps.md says).
 */
'use strict';
const fs = require('fs');
const path = require('path');
const JSZip = require('jszip');

const root = path.resolve(__dirname, '..');
const NAME = 'jixiaoziping';
const version = require(path.join(root, 'package.json')).version;
const out = path.join(root, 'dist-wps');
const addin = path.join(out, NAME);
const url = (process.env.WPS_ADDIN_URL || `http://加载项服务器/${NAME}/`).replace(/\/?$/, '/');
const folder = `${NAME}_${version}`;

if (!fs.existsSync(path.join(addin, 'ribbon.xml'))) {
  console.error(`未找到 ${path.relative(root, addin)}/ribbon.xml：请先运行 npm run build:wps。`);
  process.exit(1);
}

const xmlAttr = (s) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

fs.writeFileSync(
  path.join(out, 'jsplugins.xml'),
  `<?xml version="1.0" encoding="UTF-8"?>\n<jsplugins>\n  <jspluginonline name="${NAME}" type="et" url="${xmlAttr(url)}"/>\n</jsplugins>\n`,
);

const publishEntry = `<jsplugin name="${NAME}" type="et" url="${folder}" version="${version}" enable="enable_dev" install="null" customDomain=""/>`;
const publishXml = `<?xml version="1.0" encoding="UTF-8"?>\n<jsplugins>\n  ${publishEntry}\n</jsplugins>\n`;

// The scripts keep other add-ins' entries: a publish.xml that exists gets this entry added (or replaced).
const installBat = [
  '@echo off',
  'rem 绩效自评助手 WPS 表格加载项：离线安装（复制到 %APPDATA%\\kingsoft\\wps\\jsaddons）',
  'chcp 65001 >nul',
  'set "TARGET=%APPDATA%\\kingsoft\\wps\\jsaddons"',
  'if not exist "%TARGET%" mkdir "%TARGET%"',
  `xcopy /E /I /Y "%~dp0${folder}" "%TARGET%\\${folder}" >nul`,
  'if not exist "%TARGET%\\publish.xml" (',
  '  copy /Y "%~dp0publish.xml" "%TARGET%\\publish.xml" >nul',
  ') else (',
  `  powershell -NoProfile -Command "$p='%TARGET%\\publish.xml'; $x=[IO.File]::ReadAllText($p); $x=[regex]::Replace($x,'<jsplugin [^>]*name=\\"${NAME}\\"[^>]*/>\\s*',''); $x=$x.Replace('</jsplugins>','  ${publishEntry.replace(/"/g, '\\"')}' + [char]10 + '</jsplugins>'); [IO.File]::WriteAllText($p,$x)"`,
  ')',
  'echo 已安装。请关闭所有 WPS 窗口后重新打开 WPS 表格，功能区中出现“绩效自评”选项卡。',
  'pause',
  '',
].join('\r\n');

const installSh = `#!/bin/sh
# 绩效自评助手 WPS 表格加载项：离线安装（Linux：统信 UOS、麒麟），复制到 ~/.local/share/Kingsoft/wps/jsaddons
set -e
here=$(cd "$(dirname "$0")" && pwd)
target="$HOME/.local/share/Kingsoft/wps/jsaddons"
mkdir -p "$target"
rm -rf "$target/${folder}"
cp -R "$here/${folder}" "$target/${folder}"
if [ ! -f "$target/publish.xml" ] || ! grep -q "</jsplugins>" "$target/publish.xml"; then
  cp "$here/publish.xml" "$target/publish.xml"
else
  sed -i '/<jsplugin [^>]*name="${NAME}"/d' "$target/publish.xml"
  sed -i 's#</jsplugins>#  ${publishEntry.replace(/#/g, '\\#')}\\n</jsplugins>#' "$target/publish.xml"
fi
echo "已安装到 $target。请关闭所有 WPS 窗口后重新打开 WPS 表格，功能区中出现“绩效自评”选项卡。"
`;

function copyDir(from, to) {
  fs.mkdirSync(to, { recursive: true });
  for (const e of fs.readdirSync(from, { withFileTypes: true })) {
    const a = path.join(from, e.name);
    const b = path.join(to, e.name);
    if (e.isDirectory()) copyDir(a, b);
    else if (!e.name.endsWith('.map')) fs.copyFileSync(a, b);
  }
}

const offline = path.join(out, 'offline');
fs.rmSync(offline, { recursive: true, force: true });
copyDir(addin, path.join(offline, folder));
fs.writeFileSync(path.join(offline, 'publish.xml'), publishXml);
fs.writeFileSync(path.join(offline, 'install.bat'), installBat);
fs.writeFileSync(path.join(offline, 'install.sh'), installSh, { mode: 0o755 });

async function zipOffline() {
  const zip = new JSZip();
  const add = (dir, prefix) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) add(p, `${prefix}${e.name}/`);
      else zip.file(`${prefix}${e.name}`, fs.readFileSync(p), e.name === 'install.sh' ? { unixPermissions: 0o755 } : {});
    }
  };
  add(offline, '');
  const data = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', platform: 'UNIX' });
  const file = path.join(out, `${NAME}-${version}-offline.zip`);
  fs.writeFileSync(file, data);
  return file;
}

zipOffline().then((file) => {
  console.log(`WPS 加载项：${path.relative(root, addin)}/`);
  console.log(`  在线部署：${path.relative(root, path.join(out, 'jsplugins.xml'))}（加载项地址 ${url}）`);
  console.log(`  离线安装：${path.relative(root, offline)}/ 与 ${path.relative(root, file)}`);
});
