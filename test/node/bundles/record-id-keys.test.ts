// Record ids are data, not object members: a bundle whose records are called toString, valueOf
// and hasOwnProperty imports like any other (it used to crash with an uncaught DataCloneError,
// because the merge looked ids up in plain objects and found Object.prototype's functions).
import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exportBundle } from '../../../electron/core/bundles/bundle-export';
import { importBundle } from '../../../electron/core/bundles/bundle-import';
import { ZipReader, ZipWriter } from '../../../electron/core/bundles/zip-file';
import { RecordsService } from '../../../electron/core/records/records-service';
import { makeLibrary, tmp } from './bundle-helpers';

const work = tmp('lawdesk-record-ids-');
afterAll(() => rmSync(work, { recursive: true, force: true }));
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

describe('record ids that are names of Object.prototype members', () => {
  it('import as ordinary records, into an empty library and into one that has them', async () => {
    const { store: src } = await makeLibrary(join(work, 'src'), { records: true });
    const plain = join(work, 'plain.lawdesk');
    await exportBundle(src, { records: true, out: plain });
    // Rename three reviews to toString / valueOf / hasOwnProperty, manifest re-signed.
    const r = new ZipReader(plain);
    const entries = r.entries.map((e) => ({ name: e.name, data: Buffer.from(r.readEntry(e)) }));
    r.close();
    const recEntry = entries.find((e) => e.name === 'records/records.json')!;
    const rec = JSON.parse(recEntry.data.toString());
    const ids = Object.keys(rec.reviews).slice(0, 3);
    const names = ['toString', 'valueOf', 'hasOwnProperty'];
    ids.forEach((id, i) => {
      const to = names[i]!;
      rec.reviews[to] = { ...rec.reviews[id], id: to };
      delete rec.reviews[id];
      if (rec.log[id]) {
        rec.log[to] = rec.log[id];
        delete rec.log[id];
      }
    });
    recEntry.data = Buffer.from(JSON.stringify(rec));
    const m = entries.find((e) => e.name === 'manifest.json')!;
    const manifest = JSON.parse(m.data.toString());
    manifest.entries['records/records.json'] = { sha256: sha(recEntry.data), size: recEntry.data.length };
    m.data = Buffer.from(JSON.stringify(manifest));
    const forged = join(work, 'ids.lawdesk');
    const w = new ZipWriter(forged);
    for (const e of entries) w.add(e);
    w.finish();

    const { store } = await makeLibrary(join(work, 'dst'));
    const first = await importBundle(store, forged);
    expect(first.records.filter((p) => names.includes(p.id)).map((p) => p.outcome)).toEqual(['new', 'new', 'new']);
    const svc = await RecordsService.open(store, { actor: '测试' });
    const titles = (await svc.listReviews()).filter((x) => names.includes(x.id)).map((x) => x.id).sort();
    expect(titles).toEqual([...names].sort());
    // Again: now the library has them, the merge compares instead of crashing.
    const again = await importBundle(store, forged);
    expect(again.records.filter((p) => names.includes(p.id)).map((p) => p.outcome)).toEqual(['identical', 'identical', 'identical']);
  }, 120_000);
});
