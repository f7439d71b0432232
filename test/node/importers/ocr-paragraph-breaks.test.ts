// Where the layout step breaks paragraphs on recognised pages: an article whose characters are all
// right must also have the source's paragraphs. The scan cases are the kept tesseract outputs
// (test/fixtures/documents/ocr-flags), every set.
import { describe, expect, it } from 'vitest';
import { flagCases, keptBackCase, scoreFlags } from '../../bench/ocr-flag-score';

const cases = flagCases().filter((c) => !keptBackCase(c));

describe('OCR paragraph breaks', () => {
  it('a deskewed page that sits right of the next page (and outnumbers it) keeps its paragraphs joined', () => {
    // 援助条例 p1 rotated: deskewing moved the page 11 pt right, both edges; the page has more lines
    // than p2, so the document's right edge was its own and the page read as "unmoved" (5e0b431):
    // every line started a paragraph.
    const rotated = cases.find((c) => c.name === '援助条例 p1 rotated + p2');
    expect(rotated).toBeDefined();
    expect(scoreFlags(rotated!.pages, rotated!.source).breakDiffers).toBe(0);
  });

  it('no kept case has an article right but for its paragraph breaks (renli: a line a seal stretched is still of the usual size)', () => {
    expect(cases.length).toBeGreaterThan(60);
    const differ = cases.filter((c) => scoreFlags(c.pages, c.source).breakDiffers > 0).map((c) => c.name);
    // renli 第十六条: the seal stretched two boxes of its line (y 1523–1605 where the page's lines are ≈ 40 high) and the
    // line's ink was taken from its extremes, so it looked a size apart and started a paragraph (…应当促进 | 人力资源…);
    // a line's ink is now its ideographs' median top to median bottom (inkHeight).
    expect(differ).toEqual([]);
  }, 240_000); // every kept case scored (~130 laws): 60 s is too short on a loaded 2-core machine
});
