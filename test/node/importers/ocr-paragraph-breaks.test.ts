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

  it('no kept case has an article right but for its paragraph breaks (one known: a line a seal stretched)', () => {
    expect(cases.length).toBeGreaterThan(60);
    const differ = cases.filter((c) => scoreFlags(c.pages, c.source).breakDiffers > 0).map((c) => c.name);
    // renli 第十六条: the seal stretches its line's box (y 1523–1605 where the page's lines are ≈ 40 high), so the layout starts a
    // paragraph at that line (…应当促进 | 人力资源…). The wrong break was there before session 30, hidden by the seal's own text
    // read after 开放。 (代表大会/); correctLine's dropSealDots cuts that text and leaves the break alone in the article. Open:
    // judge a line's size from its ideographs' median box rather than the line's.
    expect(differ).toEqual(['renli (serif; noisy + seal)']);
  }, 240_000); // every kept case scored (~130 laws): 60 s is too short on a loaded 2-core machine
});
