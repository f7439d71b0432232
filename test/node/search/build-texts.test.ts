// The texts of a segment being built are held in chunks off the V8 heap, or spooled to a temp file
// in the index folder (issue 20: the build's peak RSS). Whatever the chunking, the segment file is
// the same bytes and answers the same as before; no spool file outlives its build.

import { describe, expect, it, afterAll, beforeAll } from 'vitest';
import { join } from 'node:path';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { Segment, type SegmentVersionInput } from '../../../electron/core/search/segment';
import { matchSegment } from '../../../electron/core/search/matcher';
import { SearchEngine } from '../../../electron/core/search/search-engine';
import type { LibraryStore } from '../../../electron/core/library/library-store';
import { fixtureLibrary, segmentInputs } from './search-fixtures';

let store: LibraryStore;
let libDir: string;
let cleanup: () => void;
let inputs: SegmentVersionInput[];
let texts: string[];
const dir = mkdtempSync(join(tmpdir(), 'lawdesk-build-texts-'));

beforeAll(async () => {
  const lib = await fixtureLibrary();
  store = lib.store;
  libDir = lib.dir;
  cleanup = lib.cleanup;
  inputs = segmentInputs(store);
  texts = inputs.flatMap((v) => v.docs.map((d) => d.text));
});
afterAll(() => {
  cleanup?.();
  rmSync(dir, { recursive: true, force: true });
});

const spools = (d: string) => readdirSync(d).filter((n) => n.startsWith('.texts-'));

describe('segment build texts', () => {
  it('writes the same file from memory, from small chunks and from a spool, and answers exactly', () => {
    const longest = Math.max(...texts.map((t) => t.length));
    // Chunks smaller than the longest article: articles fill chunks, start new ones, and one gets a chunk of its own.
    const small = Math.max(64, Math.floor(longest / 2));
    expect(texts.filter((t) => t.length + 1 > small).length).toBeGreaterThan(0);
    const variants = [
      { name: 'memory', opts: {} },
      { name: 'small', opts: { textChunkUnits: small } },
      { name: 'spool', opts: { spoolDir: dir, textChunkUnits: small } },
    ];
    const files = variants.map(({ name, opts }) => {
      const seg = Segment.build(name, inputs, undefined, { phraseMinDf: 40, ...opts });
      // Before writing: each article's text as it was given, and verification of long terms.
      expect(texts.every((t, d) => seg.docText(d) === t)).toBe(true);
      for (const term of ['人民政府', '行政机关应当', '第十二条', '许可']) {
        const want = texts.flatMap((t, d) => (t.includes(term) ? [d] : []));
        expect([...matchSegment(seg, [term], []).docs], `${name} ${term}`).toEqual(want);
      }
      const path = join(dir, `${name}.lds`);
      seg.write(path);
      seg.close();
      return readFileSync(path);
    });
    expect(files[1]!.equals(files[0]!)).toBe(true);
    expect(files[2]!.equals(files[0]!)).toBe(true);
    expect(spools(dir)).toEqual([]);
  });

  it('a segment kept in memory after a spooled build reads its texts into memory and drops the spool', () => {
    const seg = Segment.build('m', inputs, undefined, { spoolDir: dir, textChunkUnits: 4096 });
    expect(spools(dir)).toHaveLength(1);
    expect(seg.text).toBe(texts.map((t) => t + '\0').join(''));
    expect(spools(dir)).toEqual([]);
    expect(seg.versionDocs(0).map((d) => d.text)).toEqual(inputs[0]!.docs.map((d) => d.text));
  });

  it('an abandoned build removes its spool file', () => {
    let total = 0;
    for (const all = Segment.buildSteps('c', inputs, undefined, { textChunkUnits: 4096 }); !all.next().done; ) total++;
    const steps = Segment.buildSteps('a', inputs, undefined, { spoolDir: dir, textChunkUnits: 4096 });
    // Half way (the posting passes, every version read), then give up as a superseded job does.
    for (let n = 0; n < total / 2; n++) expect(steps.next().done).toBe(false);
    expect(spools(dir)).toHaveLength(1);
    steps.return(undefined as never);
    expect(spools(dir)).toEqual([]);
  });

  it('the engine builds its index with a spool and leaves none in the index folder', async () => {
    const engine = await SearchEngine.open(store);
    try {
      expect(engine.search({ q: '行政机关应当', limit: 5 }).total).toBeGreaterThan(0);
      expect(spools(join(libDir, 'index'))).toEqual([]);
    } finally {
      engine.close();
    }
  });
});
