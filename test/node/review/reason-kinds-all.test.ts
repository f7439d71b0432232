// Every reason a citation does not resolve is reworded here — those citation-resolve gives and those the detector makes
// (no law named, a 文号, an order, a version the library lacks, a law it lacks) — and the pre-check's findings stay the
// same: rule, severity, excerpt, suggestion, and whether it asks the adviser to import (未能核实…). It reads the kind
// set where each reason is made, never the words. Real laws: the review fixtures (test/fixtures/review/laws).
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type * as Resolve from '../../../electron/core/records/citation-resolve';
import type * as Detect from '../../../electron/core/records/citation-detect';

const state = vi.hoisted(() => ({ reword: false, kindless: [] as string[] }));
/** A reason in words that share nothing with the original: what a later rewording of the messages may do. */
const OTHER_WORDS = '（改写后的说明）';
const reword = <T,>(r: Resolve.Resolved<T>): Resolve.Resolved<T> => (r.ok || !state.reword ? r : { ...r, reason: OTHER_WORDS });

vi.mock('../../../electron/core/records/citation-resolve', async (importOriginal) => {
  const real = await importOriginal<typeof Resolve>();
  const wrap =
    <A extends unknown[], T>(f: (...a: A) => Resolve.Resolved<T>) =>
    (...a: A) =>
      reword(f(...a));
  return {
    ...real,
    versionOnDate: wrap(real.versionOnDate),
    resolveOnDate: wrap(real.resolveOnDate),
    resolveInAny: wrap(real.resolveInAny),
    citeArticle: wrap(real.citeArticle),
    citeLaw: wrap(real.citeLaw),
    citeHeading: wrap(real.citeHeading),
    lawByName: wrap(real.lawByName),
    resolveRef: wrap(real.resolveRef),
  };
});
vi.mock('../../../electron/core/records/citation-detect', async (importOriginal) => {
  const real = await importOriginal<typeof Detect>();
  return {
    ...real,
    detectCitations: (...a: Parameters<typeof real.detectCitations>) => {
      const r = real.detectCitations(...a);
      for (const m of r.unresolved) if (!m.reasonKind) state.kindless.push(`${m.text}：${m.reason}`);
      if (!state.reword) return r;
      const mentions = r.mentions.map((m) => (m.reason === undefined ? m : { ...m, reason: OTHER_WORDS }));
      return { ...r, mentions, unresolved: mentions.filter((m) => m.status === 'unresolved'), laws: r.laws.map((l) => (l.reason === undefined ? l : { ...l, reason: OTHER_WORDS })) };
    },
  };
});

const { precheck } = await import('../../../electron/core/review/precheck');
const { loadRuleSet } = await import('../../../electron/core/review/review-rules');
const { RULES, makeReviewLibrary } = await import('./review-test-support');
type ReviewLibrary = Awaited<ReturnType<typeof makeReviewLibrary>>;

let lib: ReviewLibrary;
const rules = loadRuleSet(RULES);
beforeAll(async () => {
  lib = await makeReviewLibrary();
});
afterAll(() => lib?.cleanup());

const article = (n: number, text: string) => ({ key: String(n), kind: 'article' as const, number: n, suffix: 0, label: `第${n}条`, path: [], paragraphs: [], text });
const UNITS = [
  article(1, '为了规范科技服务，根据《中华人民共和国行政许可法》《高青县科技市场管理办法》，结合本县实际，制定本办法。'),
  article(2, '依照《中华人民共和国行政许可法》第九十条的规定，县科学技术局负责受理。'),
  article(3, '统计调查对象依照《中华人民共和国统计法》（2017年修正）第七条的规定报送资料。'),
  article(4, '依照《高青县科技市场管理条例》第三条的规定，建立服务机构名录。'),
  article(5, '按照鲁政办发〔2021〕5号文件第四条的规定执行。符合第十五条规定条件的，予以登记。'),
  article(6, '依照公安部令第146号第十条的规定办理。依照该条例第三条的规定公示。'),
  article(7, '本条依据《高青县科技市场管理条例》制定。科技服务机构未按期报送年度报告的，由县科学技术局处以五千元罚款。'),
  article(8, '本办法自2026年4月1日起施行，有效期二年。'),
];

/** What the pre-check decided, without the reason's own words (which it quotes). */
function decided() {
  const r = precheck(lib.store, { title: '高青县科技服务机构管理办法', units: UNITS, kind: '规范性文件', asOf: '2026-03-01' }, { rules });
  return r.findings
    .filter((f) => f.rule.startsWith('citation-') || f.rule === 'penalty-create')
    .map((f) => ({
      rule: f.rule,
      ruleName: f.ruleName,
      severity: f.severity,
      article: f.article?.label,
      excerpt: f.excerpt,
      suggestion: f.suggestion,
      asksImport: f.reason.startsWith('未能核实') || (f.hint ?? '').includes('导入') || (f.hint ?? '').includes('不在资料库中'),
      bases: f.bases.map((b) => b.citation),
    }));
}

describe('the pre-check reads every unresolved citation by its kind, not its words', () => {
  it('the same findings with every reason reworded, and every unresolved mention carries a kind', () => {
    state.reword = false;
    const plain = decided();
    // the draft reaches every branch the words used to decide
    expect(new Set(plain.map((f) => f.rule))).toEqual(
      new Set(['citation-law-missing', 'citation-article-missing', 'citation-version-missing', 'citation-other-document', 'citation-internal-missing', 'citation-unresolved', 'penalty-create']),
    );
    expect(plain.find((f) => f.rule === 'penalty-create')).toMatchObject({ severity: '必须修改', asksImport: true });
    expect(plain.filter((f) => f.rule === 'citation-unresolved').map((f) => [f.excerpt, f.asksImport])).toEqual([
      ['依照公安部令第146号第十条', true],
      ['依照该条例第三条', false],
    ]);
    expect(state.kindless).toEqual([]);
    state.reword = true;
    expect(decided()).toEqual(plain);
  });
});
