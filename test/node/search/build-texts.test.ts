// The texts of a segment being built are held in chunks off the V8 heap, or spooled to a temp file
// in the index folder (issue 20: the build's peak RSS). Whatever the chunking, the segment file is
// the same bytes and answers the same as before; no spool file outlives its build.

import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { readFileSync, readdirSync } from 'node:fs';
import { Segment } from '../../../electron/core/search/segment';
import { matchSegment } from '../../../electron/core/search/matcher';
import { SearchEngine } from '../../../electron/core/search/search-engine';
import { useSegmentFixture } from './search-fixtures';

const fx = useSegmentFixture('lawdesk-build-texts-');

const spools = (d: string) => readdirSync(d).filter((n) => n.startsWith('.texts-'));

describe('segment build texts', () => {
  it('writes the same file from memory, from small chunks and from a spool, and answers exactly', () => {
    const longest = Math.max(...fx.texts.map((t) => t.length));
    // Chunks smaller than the longest article: articles fill chunks, start new ones, and one gets a chunk of its own.
    const small = Math.max(64, Math.floor(longest / 2));
    expect(fx.texts.filter((t) => t.length + 1 > small).length).toBeGreaterThan(0);
    const variants = [
      { name: 'memory', opts: {} },
      { name: 'small', opts: { textChunkUnits: small } },
      { name: 'spool', opts: { spoolDir: fx.dir, textChunkUnits: small } },
    ];
    const files = variants.map(({ name, opts }) => {
      const seg = Segment.build(name, fx.inputs, undefined, { phraseMinDf: 40, ...opts });
      // Before writing: each article's text as it was given, and verification of long terms.
      expect(fx.texts.every((t, d) => seg.docText(d) === t)).toBe(true);
      for (const term of ['人民政府', '行政机关应当', '第十二条', '许可']) {
        const want = fx.texts.flatMap((t, d) => (t.includes(term) ? [d] : []));
        expect([...matchSegment(seg, [term], []).docs], `${name} ${term}`).toEqual(want);
      }
      const path = join(fx.dir, `${name}.lds`);
      seg.write(path);
      seg.close();
      return readFileSync(path);
    });
    expect(files[1]!.equals(files[0]!)).toBe(true);
    expect(files[2]!.equals(files[0]!)).toBe(true);
    expect(spools(fx.dir)).toEqual([]);
  });

  it('a segment kept in memory after a spooled build reads its fx.texts into memory and drops the spool', () => {
    const seg = Segment.build('m', fx.inputs, undefined, { spoolDir: fx.dir, textChunkUnits: 4096 });
    expect(spools(fx.dir)).toHaveLength(1);
    expect(seg.text).toBe(fx.texts.map((t) => t + '\0').join(''));
    expect(spools(fx.dir)).toEqual([]);
    expect(seg.versionDocs(0).map((d) => d.text)).toEqual(fx.inputs[0]!.docs.map((d) => d.text));
  });

  it('an abandoned build removes its spool file', () => {
    let total = 0;
    for (const all = Segment.buildSteps('c', fx.inputs, undefined, { textChunkUnits: 4096 }); !all.next().done; ) total++;
    const steps = Segment.buildSteps('a', fx.inputs, undefined, { spoolDir: fx.dir, textChunkUnits: 4096 });
    // Half way (the posting passes, every version read), then give up as a superseded job does.
    for (let n = 0; n < total / 2; n++) expect(steps.next().done).toBe(false);
    expect(spools(fx.dir)).toHaveLength(1);
    steps.return(undefined as never);
    expect(spools(fx.dir)).toEqual([]);
  });

  it('the engine builds its index with a spool and leaves none in the index folder', async () => {
    const engine = await SearchEngine.open(fx.store);
    try {
      expect(engine.search({ q: '行政机关应当', limit: 5 }).total).toBeGreaterThan(0);
      expect(spools(join(fx.libDir, 'index'))).toEqual([]);
    } finally {
      engine.close();
    }
  });
});
