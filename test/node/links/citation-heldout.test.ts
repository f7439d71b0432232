// The held-out citation set (test/bench/citation-heldout.ts): 149 real sentences from 149 corpus laws no
// other test uses, each labelled by hand, read against a library of the laws they name
// (test/fixtures/links/heldout/laws: every corpus version of each, cut to the articles cited, with the
// corpus manifest's rows). Floors, not exact counts: a better detector may pass more; a worse one fails.
// The same score on a library of the whole corpus: `npx tsx test/bench/citation-heldout.ts --library DIR`.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatScore, readHeldout, scoreHeldout } from '../../bench/citation-heldout';
import { ROOT, makeLinkLibrary, type LinkLibrary } from './links-test-support';

let lib: LinkLibrary;
beforeAll(async () => {
  lib = await makeLinkLibrary([join(ROOT, 'test/fixtures/links/heldout/laws')]);
}, 120_000);
afterAll(() => lib?.cleanup());

const entries = readHeldout();

describe('held-out citation set (149 hand-labelled sentences)', () => {
  it('is the set the labels were written for: 149 sentences from 149 laws, every form', () => {
    expect(entries).toHaveLength(149);
    expect(new Set(entries.map((e) => e.src)).size).toBe(149);
    expect(new Set(entries.map((e) => e.form))).toEqual(
      new Set(['history', 'judicial', 'order', 'range', 'para-item', 'list', 'self', 'prior', 'generic', 'quoted-article', 'quoted-whole', 'bare-article']),
    );
  });

  it('as the link graph reads a law: detection and resolution over their floors', () => {
    const s = scoreHeldout(lib.store, entries, 'graph');
    console.log([...formatScore(s, entries.length), ...s.misses.map((m) => m.slice(0, 200))].join('\n'));
    expect(s.expected).toBe(202);
    // recall: the 6 headings the graph does not link (本法第二章第一节至第五节, 本法第四章) are its misses
    expect(s.detected).toBeGreaterThanOrEqual(196);
    expect(s.falseDetections).toBeLessThanOrEqual(0);
    expect(s.wrongLinks).toBe(0);
    expect(s.rightArticle).toBe(s.detected);
    expect(s.rightVersion).toBeGreaterThanOrEqual(s.detected - 1);
    expect(s.lawsRight).toBeGreaterThanOrEqual(s.lawsExpected - 1);
  });

  it('as a record’s text is read (headings and whole laws too; nothing linked to a version not yet in force)', () => {
    const s = scoreHeldout(lib.store, entries, 'records');
    console.log([...formatScore(s, entries.length), ...s.misses.map((m) => m.slice(0, 200))].join('\n'));
    expect(s.detected).toBeGreaterThanOrEqual(200);
    expect(s.wrongLinks).toBe(0);
    expect(s.rightArticle + s.notInForce).toBeGreaterThanOrEqual(s.detected - 2);
    expect(s.rightVersion).toBe(s.rightArticle);
    expect(s.lawsRight).toBe(s.lawsExpected);
  });
});
