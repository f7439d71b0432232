import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PageImageMaker } from '../electron/core/importers/ocr-page-images';
import { imagePdf } from '../test/fixtures/documents/image-pdf';
const SCANS = join(import.meta.dirname, '../test/fixtures/documents/scans');
const file = join(mkdtempSync(join(tmpdir(), 'probe-')), 'p.pdf');
imagePdf(['yuanzhu-p1-clean.jpg', 'yuanzhu-p2-clean.jpg'].map((f) => join(SCANS, f)), file);
const bytes = readFileSync(file);
const cpu = () => { const c = process.cpuUsage(); return (c.user + c.system) / 1e6; };
for (let round = 1; round <= Number(process.argv[2] ?? 3); round++) {
  const t = new PageImageMaker();
  const out: Record<string, string> = { round: String(round) };
  let c = cpu();
  const lap = (k: string) => { const n = cpu(); out[k] = (n - c).toFixed(2); c = n; };
  await t.readPdf(bytes, 50, 60000); lap('threadAndTextLayer');
  await t.startOcr(); lap('startOcr');
  await t.recognisePdfPage(1); lap('page1');
  await t.recognisePdfPage(2); lap('page2');
  await t.recognisePdfPage(1); lap('page1again');
  await t.close();
  out.rss = String(Math.round(process.memoryUsage().rss / 1048576));
  console.log(JSON.stringify(out));
}
