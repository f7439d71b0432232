// OCR of scans end to end, on a real corpus law printed by LibreOffice and scanned at 200 dpi
// (test/fixtures/documents/make-fixtures.ts scan). OCR is CPU-heavy: few, small cases. Accuracy,
// speed and memory are measured by test/bench/ocr-bench.ts, not here.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importPaths } from '../../../electron/core/library/library-import';
import { openLibrary } from '../../../electron/core/library/open-library';
import { extractDocument } from '../../../electron/core/importers/extract-document';
import { findSuspects, layoutMixedPages } from '../../../electron/core/importers/ocr-text';
import { ofdScanImages } from '../../../electron/core/importers/ofd-text-extractor';
import type { LibraryStore } from '../../../electron/core/library/library-store';
import { readOcrRate } from '../../../electron/core/library/ocr-rate-file';
import { strToU8, unzipSync, zipSync } from 'fflate';

const DOCS = join(import.meta.dirname, '../../fixtures/documents');
const work = mkdtempSync(join(tmpdir(), 'lawdesk-ocr-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Offsets in `got` of characters that differ from `want` (LCS alignment; extra chars count). */
function wrongOffsets(got: string, want: string): number[] {
  const a = [...got];
  const b = [...want];
  const dp = Array.from({ length: a.length + 1 }, () => new Uint16Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--) for (let j = b.length - 1; j >= 0; j--) dp[i]![j] = a[i] === b[j] ? dp[i + 1]![j + 1]! + 1 : Math.max(dp[i + 1]![j]!, dp[i]![j + 1]!);
  const wrong: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length) {
    if (j < b.length && a[i] === b[j]) {
      i++;
      j++;
    } else if (j < b.length && dp[i]![j + 1]! >= dp[i + 1]![j]!) j++; // a char missing from got: flag its neighbour
    else wrong.push(i++);
  }
  return wrong;
}

describe('OCR import', () => {
  /** The one OCR'd version in `store` against the Markdown source: same articles, every wrong character a suspect. */
  async function expectTrustworthy(store: LibraryStore): Promise<void> {
    const v = store.loadVersion(store.versions()[0]!.id);
    expect(v.textSource).toBe('ocr');
    expect(v.verified).toBe(false);
    const { store: mdStore } = await openLibrary({ dir: mkdtempSync(join(work, 'lib-')), seed: false });
    await importPaths(mdStore, [join(DOCS, 'sources', 'tuizhi.md')]);
    const md = mdStore.loadVersion(mdStore.versions()[0]!.id);
    expect(v.lawId).toBe(md.lawId);
    const want = new Map(md.units.map((u) => [u.label, u.text]));
    expect(v.units.map((u) => u.label)).toEqual(md.units.map((u) => u.label));
    let chars = 0;
    let wrong = 0;
    // The source is a web transcription with half-width brackets around Chinese — (一) — which
    // OCR gives full-width, as official texts print them: width aside for the rate, never for the marks.
    const width = (t: string) => t.replace(/（/g, '(').replace(/）/g, ')');
    for (const u of v.units) {
      expect(Array.isArray(u.suspects)).toBe(true);
      const bad = wrongOffsets(u.text, want.get(u.label)!);
      chars += u.text.length;
      wrong += wrongOffsets(width(u.text), width(want.get(u.label)!)).length;
      // every character that differs from the source is among the highlighted ones
      for (const off of bad) expect(u.suspects, `${u.label} offset ${off} (${u.text[off]})`).toContain(off);
      // and the 核对 view knows where on the scan the article was read
      expect(u.ocrRegions?.length, u.label).toBe(1);
      expect(u.ocrRegions![0]!.page).toBe(1);
      expect(u.ocrRegions![0]!.bottom).toBeGreaterThan(u.ocrRegions![0]!.top);
    }
    const regions = v.units.map((u) => u.ocrRegions![0]!);
    // articles follow each other down the page
    for (let i = 1; i < regions.length; i++) expect(regions[i]!.top).toBeGreaterThanOrEqual(regions[i - 1]!.top);
    expect(wrong / chars).toBeLessThan(0.01);
  }

  it('imports a scanned PDF as an unverified OCR version whose wrong characters are all suspects', { timeout: 240_000 }, async () => {
    const { store } = await openLibrary({ dir: mkdtempSync(join(work, 'lib-')), seed: false });
    const progress: number[] = [];
    const report = await importPaths(store, [join(DOCS, 'tuizhi-scan.pdf')], { ocr: { onProgress: (p) => progress.push(p.done) } });
    expect(report.failed).toEqual([]);
    expect(report.files[0]).toMatchObject({ status: 'imported', format: 'pdf', textSource: 'ocr', ocrPages: 1 });
    expect(progress).toEqual([0, 1]);
    await expectTrustworthy(store);
  });

  it('imports a scanner-written OFD (one ImageObject a page, the JPEG in Res/) by OCR, marked like a scanned PDF', { timeout: 240_000 }, async () => {
    const { store } = await openLibrary({ dir: mkdtempSync(join(work, 'lib-')), seed: false });
    const progress: number[] = [];
    const report = await importPaths(store, [join(DOCS, 'tuizhi-scan.ofd')], { ocr: { onProgress: (p) => progress.push(p.done) } });
    expect(report.failed).toEqual([]);
    expect(report.files[0]).toMatchObject({ status: 'imported', format: 'ofd', textSource: 'ocr', ocrPages: 1 });
    expect(progress).toEqual([0, 1]);
    expect(report.warnings.map((w) => w.message)).toContain('文字由扫描页识别（OCR，共 1 页），请对照原件核对');
    await expectTrustworthy(store);
    // The run's measured rate is kept in the library and the next preview's estimate uses it.
    const rate = readOcrRate(store.dir)!;
    expect(rate).toMatchObject({ pages: 1 });
    expect(rate.cpuSecondsPerPage).toBeGreaterThan(0);
    const preview = await importPaths(store, [join(DOCS, 'tuizhi-scan.pdf')], { dryRun: true });
    expect(preview.files[0]!.ocrEstimateSeconds).toBe(Math.ceil(rate.cpuSecondsPerPage + rate.startCpuSeconds));
    expect(preview.files[0]!.reason).toContain('（按本机上次识别的速度）');
  });

  it('finds the pictures of a real image-only OFD (ofdrw, resources under DOC_0/ in another case) and refuses a package whose picture is missing, before any OCR', async () => {
    expect(ofdScanImages(readFileSync(join(DOCS, 'ofd-samples', 'containsJPEG.ofd')))).toEqual([
      { page: 1, path: 'DOC_0/Res/Image_4.JPEG', name: '第 1 页的图片 DOC_0/Res/Image_4.JPEG', widthMm: 145.3829 },
      { page: 2, path: 'DOC_0/Res/Image_8.JPEG', name: '第 2 页的图片 DOC_0/Res/Image_8.JPEG', widthMm: 145.3829 },
    ]);
    const parts = unzipSync(readFileSync(join(DOCS, 'tuizhi-scan.ofd')));
    delete parts['Doc_0/Res/image_11.jpg'];
    const t0 = process.cpuUsage();
    await expect(extractDocument(zipSync(parts), '缺图.ofd', { ocr: true })).rejects.toThrow('OFD 文件不完整：缺少第 1 页的图片 Doc_0/Res/image_11.jpg');
    // no worker was started for it (starting one costs seconds of CPU)
    expect(process.cpuUsage(t0).user).toBeLessThan(1_000_000);
    const noRes = { ...unzipSync(readFileSync(join(DOCS, 'tuizhi-scan.ofd'))), 'Doc_0/DocumentRes.xml': strToU8('<ofd:Res xmlns:ofd="http://www.ofdspec.org/2016" BaseLoc="Res"/>') };
    await expect(extractDocument(zipSync(noRes), '无资源.ofd', { ocr: true })).rejects.toThrow('第 1 页的图片（资源 11）在资源文件中找不到');
  });

  it('lays out a document whose text pages and OCR pages mix, only the OCR characters can be suspects', () => {
    const textPage = { lines: [{ page: 1, text: '第一条 为了测试，制定本规定。', x0: 72, x1: 400, y: 700, size: 14, indented: false }] };
    const ocrPage = {
      ocr: {
        width: 1654,
        height: 2339,
        dpi: 200,
        lines: [{ symbols: [...'第二条 本规定自公布之日起施行。'].map((ch) => ({ ch, conf: ch === '施' ? 50 : 97 })), x0: 200, x1: 1400, y0: 300, y1: 340, baseline: 336 }],
      },
    };
    const laid = layoutMixedPages([textPage, ocrPage])!;
    expect(laid.text).toContain('第一条 为了测试，制定本规定。\n第二条 本规定自公布之日起施行。');
    const units = [
      { label: '第一条', text: '为了测试，制定本规定。' },
      { label: '第二条', text: '本规定自公布之日起施行。' },
    ];
    expect(findSuspects(units, laid.stream, laid.confidence)).toEqual([[], [9]]);
  });

  it('previews a scan with its page count and an estimate, without running OCR', async () => {
    const { store } = await openLibrary({ dir: mkdtempSync(join(work, 'lib-')), seed: false });
    const report = await importPaths(store, [join(DOCS, 'tuizhi-scan.pdf'), join(DOCS, 'juece-layout.ofd'), join(DOCS, 'tuizhi-scan.ofd')], { dryRun: true });
    const [scan, ofd, ofdScan] = report.files;
    expect(ofdScan).toMatchObject({ format: 'ofd', textSource: 'ocr', ocrPages: 1 });
    expect(ofdScan!.reason).toMatch(/^OFD 页面只有图片（扫描件），共 1 页：导入时将进行文字识别（OCR），预计约 \d+ 秒/);
    expect(scan).toMatchObject({ format: 'pdf', textSource: 'ocr', ocrPages: 1 });
    expect(scan!.ocrEstimateSeconds).toBeGreaterThan(0);
    expect(scan!.reason).toMatch(/共 1 页：导入时将进行文字识别（OCR），预计约 \d+ 秒/);
    expect(ofd).toMatchObject({ format: 'ofd', textSource: 'ofd' });
    expect(store.versions()).toEqual([]);
  });

  it('refuses a 20,000 × 20,000 px image from its header and a blank scan, before any OCR', async () => {
    // PNG signature + IHDR claiming 20,000 × 20,000: nothing is decoded.
    const png = Buffer.alloc(64);
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]).copy(png);
    png.writeUInt32BE(20_000, 16);
    png.writeUInt32BE(20_000, 20);
    await expect(extractDocument(png, '巨幅.png', { ocr: true })).rejects.toThrow('图片过大（20000 × 20000 像素');
    const { createCanvas } = await import('@napi-rs/canvas');
    const canvas = createCanvas(1654, 2339);
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#fdfdfb';
    ctx.fillRect(0, 0, 1654, 2339);
    await expect(extractDocument(canvas.toBuffer('image/png'), '空白.png', { ocr: true })).rejects.toThrow('图片是空白页，没有可识别的文字');
  });

  it('finds suspects past dropped page furniture and never trusts a character it cannot trace', () => {
    // (第一条 closes its sentence: a paragraph that does not is a suspect at its end, ocr-plausibility.ts)
    const stream = '第一条为了测试。一3一第二条本条例自公布之日起施行。';
    const conf = [...stream].map((c) => (c === '测' ? 40 : 99));
    const units = [
      { label: '第一条', text: '为了测试。' },
      { label: '第二条', text: '本条例自公布之日起施行！' },
    ];
    expect(findSuspects(units, stream, conf)).toEqual([[2], [11]]);
  });

  it('doubts a clause mark between two doubtful characters (a damaged stretch), not one beside a single doubt or a bracket', () => {
    const text = '扶持相关生产经菅十位；「提褪安全生产技术水平，推广应用。';
    const low = new Set(['菅', '十', '位', '「', '提', '褪', '水']);
    const stream = `第十一条${text}`;
    const conf = [...stream].map((c) => (low.has(c) ? 50 : 99));
    const got = findSuspects([{ label: '第十一条', text, kind: 'article' }], stream, conf)[0]!.map((o) => text[o]).join('');
    // 位；「: the ； is doubted with its neighbours; 水平， has one doubtful neighbour only
    expect(got).toBe('菅十位；「提褪水');
    const bracket = '依照本条例（以下简称条例），制定办法。';
    const bStream = `第二条${bracket}`;
    const bConf = [...bStream].map((c) => (c === '制' || c === '）' ? 50 : 99));
    // a doubted bracket (its width is never sure) and 制 beside the ， do not make a damaged stretch
    expect(findSuspects([{ label: '第二条', text: bracket, kind: 'article' }], bStream, bConf)[0]!.map((o) => bracket[o]).join('')).toBe('）制');
  });

  it('doubts a clause mark read below full confidence beside a character read far below the suspect line (a seal reached both)', () => {
    // chaozhou 第十二条 (blind12, under a seal): 使用灯光，遇到停车 read 使用灯光；遥刺停车 — 遥 at 83, the ； at 98
    const text = '驾驶机动车按规定鸣喇叭、使用灯光；遥刺停车排队等候或者车辆缓慢行驶时，依次交替通行；不随意变道。';
    const stream = `第十二条${text}`;
    const confOf: Record<string, number> = { '；': 98, 遥: 83, 刺: 91 };
    const conf = [...stream].map((c) => confOf[c] ?? 99);
    const got = (cs: number[]) => findSuspects([{ label: '第十二条', text, kind: 'article' }], stream, cs)[0]!.map((o) => text[o]).join('');
    expect(got(conf)).toBe('；遥刺');
    // the mark read at full confidence, or its neighbour merely doubtful (88): the mark is not doubted
    expect(got([...stream].map((c) => (c === '；' ? 99 : (confOf[c] ?? 99))))).toBe('遥刺');
    expect(got([...stream].map((c) => (c === '遥' ? 88 : (confOf[c] ?? 99))))).toBe('遥刺');
  });

  it.skipIf(spawnSync('unshare', ['-n', 'true']).status !== 0)('recognises with networking disabled (unshare -n)', { timeout: 240_000 }, () => {
    const script = join(work, 'offline.mts');
    writeFileSync(
      script,
      `import { readFileSync } from 'node:fs';
import { extractDocument } from ${JSON.stringify(join(import.meta.dirname, '../../../electron/core/importers/extract-document.ts'))};
const d = await extractDocument(readFileSync(${JSON.stringify(join(DOCS, 'scans', 'yuanzhu-p2-clean.jpg'))}), 'p2.jpg', { ocr: true });
console.log(d.textSource, d.text.split('\\n').length);`,
    );
    const tsx = join(import.meta.dirname, '../../../node_modules/.bin/tsx');
    const r = spawnSync('unshare', ['-n', tsx, script], { encoding: 'utf8', cwd: work });
    expect(r.stderr).not.toMatch(/ENOTFOUND|ECONNREFUSED|fetch failed/);
    expect(r.stdout).toMatch(/^ocr \d+/);
    // nothing was cached into the working directory (tesseract.js's default cache)
    expect(readdirSync(work).filter((n) => n.endsWith('.traineddata'))).toEqual([]);
  });
});

describe('page images off the main thread', () => {
  it('decodes a scan in a worker thread to the same grey page as in-process, and reports a broken image in Chinese', async () => {
    const { PageImageMaker } = await import('../../../electron/core/importers/ocr-page-images');
    const bytes = readFileSync(join(DOCS, 'scans', 'yuanzhu-p1-seal.jpg'));
    const threaded = new PageImageMaker(true);
    const local = new PageImageMaker(false);
    try {
      expect(threaded.threaded).toBe(true);
      expect(local.threaded).toBe(false);
      const [a, b] = await Promise.all([threaded.image(bytes, 'seal.jpg'), local.image(bytes, 'seal.jpg')]);
      expect({ w: a.width, h: a.height, blank: a.blank }).toEqual({ w: b.width, h: b.height, blank: b.blank });
      expect(Buffer.from(a.data).equals(Buffer.from(b.data))).toBe(true);
      expect(bytes.length).toBe(readFileSync(join(DOCS, 'scans', 'yuanzhu-p1-seal.jpg')).length); // the caller's bytes are not transferred away
      await expect(threaded.image(Buffer.from('这不是图片'), '坏图.jpg')).rejects.toThrow('坏图.jpg 不是可识别的图片（支持 PNG、JPEG、TIFF）');
      // a PDF page is rendered there too
      expect(await threaded.openPdf(readFileSync(join(DOCS, 'tuizhi-scan.pdf')))).toBe(1);
      const page = await threaded.pdfPage(1);
      expect({ w: page.width, h: page.height, dpi: page.dpi, blank: page.blank }).toEqual({ w: 1653, h: 2339, dpi: 200, blank: false });
    } finally {
      await threaded.close();
      await local.close();
    }
  });
});
