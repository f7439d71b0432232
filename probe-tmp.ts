import { readFileSync } from 'node:fs';
import { extractDocument } from './electron/core/importers/extract-document';
const cpu = () => { const c = process.cpuUsage(); return (c.user + c.system) / 1e6; };
for (const f of process.argv.slice(2)) {
  const c0 = cpu();
  try {
    const d = await extractDocument(new Uint8Array(readFileSync(f)), f.split('/').pop()!, { ocr: true });
    console.log(f.split('/').pop(), 'cpu', (cpu() - c0).toFixed(1), JSON.stringify(d.warnings), JSON.stringify(d.ocr?.turnedPages), JSON.stringify(d.ocr?.doubtfulPages), JSON.stringify(d.text.slice(0, 80)));
  } catch (e) { console.log(f, 'ERR', (e as Error).message); }
}
process.exit(0);
