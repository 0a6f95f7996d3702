#!/usr/bin/env bash
# Renders report .docx files the way a reader sees them, to check the 公文 layout (GB/T 9704-2012) by eye and by
# measure: LibreOffice (headless) → PDF → PNG pages, then scripts/measure-pages.js prints, per page, the lines and
# characters per line, where the page number sits (7 mm below the text, odd pages right, even pages left, one
# character in), and the 落款's indents; it exits 1 when one is off.
#
#   scripts/render-docx.sh [OUT_DIR] [FILE.docx ...]
#
# Without files it first writes sample drafts (scripts/sample-docx.ts: the example, 98分 优, with 附件 label and
# date; and a 中 variant without material). Output in OUT_DIR (default test-output/render): NAME.pdf,
# NAME-N.png (look at these), NAME.bbox.html and NAME-N.pgm (measured).
# Needs: apt-get install -y libreoffice-writer-nogui poppler-utils fonts-noto-cjk
# The 公文 fonts are not on this machine: scripts/render-fonts.conf draws them with Noto CJK (same em metrics).
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-test-output/render}"
shift || true
mkdir -p "$out"
for tool in soffice pdftoppm pdftotext; do
  command -v "$tool" >/dev/null || { echo "missing $tool: apt-get install -y libreoffice-writer-nogui poppler-utils" >&2; exit 2; }
done
if [ $# -eq 0 ]; then
  mapfile -t files < <(npx ts-node --transpile-only scripts/sample-docx.ts "$out")
else
  files=("$@")
fi
export FONTCONFIG_FILE="$PWD/scripts/render-fonts.conf"
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
status=0
for f in "${files[@]}"; do
  name="$(basename "${f%.docx}")"
  soffice --headless "-env:UserInstallation=file://$profile" --convert-to pdf --outdir "$out" "$f" >/dev/null 2>&1
  pdf="$out/$name.pdf"
  rm -f "$out/$name"-*.png "$out/$name"-*.pgm
  pdftoppm -r 100 -png "$pdf" "$out/$name"
  pdftoppm -r 150 -gray "$pdf" "$out/$name"
  pdftotext -bbox-layout "$pdf" "$out/$name.bbox.html"
  node scripts/measure-pages.js "$pdf" "$out/$name" || status=1
done
exit $status
