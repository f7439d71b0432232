#!/usr/bin/env bash
# Visual check of briefing-pack exports (issue 8): exports test/fixtures/packs/bureau-pack.json
# from a temporary library of test/fixtures/laws to PDF (Chromium) and DOCX, renders the DOCX to
# PDF with LibreOffice (only for this check: the pack PDF never comes from LibreOffice), and writes
# small PNGs of the first pages to resources/screenshots/pack-*.png. Look at them after a change.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$root"
lawdesk() { node electron/cli/bin.mjs "$@"; }
LAWDESK_STARTER_DIR=/nonexistent lawdesk import test/fixtures/laws --library "$work/lib" >/dev/null
pack=test/fixtures/packs/bureau-pack.json
lawdesk pack export "$pack" --format pdf --out "$work/pack.pdf" --library "$work/lib"
lawdesk pack export "$pack" --format docx --out "$work/pack.docx" --library "$work/lib"
lawdesk pack export "$pack" --format html --out "$work/pack.html" --library "$work/lib"
# As on a user's Linux machine after LawDesk's first start: its font aliases installed (else
# LibreOffice sets 仿宋_GB2312 in the default sans face).
mkdir -p "$work/xdg/fontconfig/conf.d"
cp resources/fonts/65-lawdesk-gov-fonts.conf "$work/xdg/fontconfig/conf.d/"
XDG_CONFIG_HOME="$work/xdg" soffice --headless -env:UserInstallation="file://$work/lo-profile" --convert-to pdf --outdir "$work/lo" "$work/pack.docx" >/dev/null 2>&1
out=resources/screenshots
mkdir -p "$out"
rm -f "$out"/pack-*.png
pdftoppm -png -r 40 -f 1 -l 4 "$work/pack.pdf" "$work/pdf"
pdftoppm -png -r 40 -f 1 -l 4 "$work/lo/pack.pdf" "$work/docx"
# One strip per format: cover, TOC, first two body pages side by side.
montage "$work"/pdf-*.png -tile 4x1 -geometry +4+4 -background '#bbb' "$out/pack-pdf.png"
montage "$work"/docx-*.png -tile 4x1 -geometry +4+4 -background '#bbb' "$out/pack-docx.png"
pdftoppm -png -r 110 -f 3 -l 3 -x 0 -y 0 -W 910 -H 640 "$work/pack.pdf" "$work/detail"
cp "$work"/detail-*.png "$out/pack-pdf-detail.png"
pdftoppm -png -r 110 -f 3 -l 3 -x 0 -y 0 -W 910 -H 640 "$work/lo/pack.pdf" "$work/lodetail"
cp "$work"/lodetail-*.png "$out/pack-docx-libreoffice-detail.png"
pdffonts "$work/lo/pack.pdf"
echo "PDF: $(pdfinfo "$work/pack.pdf" | awk '/^Pages/{print $2}') 页；DOCX（LibreOffice 排版）：$(pdfinfo "$work/lo/pack.pdf" | awk '/^Pages/{print $2}') 页"
ls -l "$out"/pack-*.png
