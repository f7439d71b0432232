// The pre-check tells a basis that is a draft (依据的是草案, 引用草案的条文) and a law not yet in force (所引法规尚未施行)
// by the kind its resolution carries, never by the words of the reason: here every reason citation-resolve gives is
// reworded (the words 草案, 尚未施行 … taken out), and the findings are the same. Real laws: the draft-status fixtures.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type * as Resolve from '../../../electron/core/records/citation-resolve';

/** The reason in other words: what a later rewording of the messages may do. */
const reword = <T,>(r: Resolve.Resolved<T>): Resolve.Resolved<T> => (r.ok ? r : { ...r, reason: `（另一种说法）${r.reason.replace(/草案|是|尚未|施行|不是生效的法规/g, '…')}` });
vi.mock('../../../electron/core/records/citation-resolve', async (importOriginal) => {
  const real = await importOriginal<typeof Resolve>();
  return {
    ...real,
    versionOnDate: (...a: Parameters<typeof real.versionOnDate>) => reword(real.versionOnDate(...a)),
    resolveOnDate: (...a: Parameters<typeof real.resolveOnDate>) => reword(real.resolveOnDate(...a)),
    resolveInAny: (...a: Parameters<typeof real.resolveInAny>) => reword(real.resolveInAny(...a)),
  };
});

const { openLibrary } = await import('../../../electron/core/library/open-library');
const { importPaths } = await import('../../../electron/core/library/library-import');
const { precheck } = await import('../../../electron/core/review/precheck');
const { versionOnDate } = await import('../../../electron/core/records/citation-resolve');

const FIXTURES = resolve(import.meta.dirname, '../../fixtures/draft-status');
const root = mkdtempSync(join(tmpdir(), 'reason-kinds-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const article = (n: number, label: string, text: string) => ({ key: String(n), kind: 'article' as const, number: n, suffix: 0, label, path: [], paragraphs: [], text });

describe('the pre-check reads the kind of an unresolved citation, not its words', () => {
  it('a draft basis and its article, and a law not yet in force, reported as before with every reason reworded', async () => {
    const { store } = await openLibrary({ dir: join(root, 'lib'), seed: false });
    await importPaths(store, ['养犬条例.txt', '文明条例.txt'].map((f) => join(FIXTURES, f)));
    const draft = store.versions().find((v) => v.status === '草案')!;
    const enacted = store.versions().find((v) => v.status === '现行有效')!;
    const draftTitle = `《${draft.title}》`;
    const enactedTitle = `《${enacted.title}》`;
    // the words are gone, the kind is there
    const v = versionOnDate(store, draft.lawId, '2026-12-06');
    expect(v.ok || [v.kind, /草案/.test(v.reason)]).toEqual(['draft-only', false]);

    const units = [
      article(1, '第一条', `为了促进文明行为，根据${draftTitle}${enactedTitle}，结合本县实际，制定本办法。`),
      article(2, '第二条', `依照${draftTitle}第二条的规定，县科学技术局负责本办法的实施。`),
    ];
    const r = precheck(store, { title: '高青县文明行为促进办法', units, kind: '规范性文件', asOf: '2026-12-06' });
    const cited = r.findings.filter((f) => f.rule.startsWith('citation-'));
    expect(cited.map((f) => [f.article?.label, f.rule, f.ruleName, f.severity])).toEqual([
      ['第一条', 'citation-draft', '依据的是草案', '必须修改'],
      ['第二条', 'citation-draft', '引用草案的条文', '必须修改'],
    ]);

    // the enacted law cited on a day before it applied: 尚未施行, told by its kind
    const start = enacted.effective || enacted.published!;
    const before = `${Number(start.slice(0, 4)) - 1}${start.slice(4)}`;
    const early = precheck(store, { title: '高青县养犬管理办法', units: [article(1, '第一条', `依照${enactedTitle}第三条的规定，养犬人应当办理养犬登记。`)], kind: '规范性文件', asOf: before });
    expect(early.findings.filter((f) => f.rule.startsWith('citation-')).map((f) => [f.rule, f.ruleName, f.severity])).toEqual([
      ['citation-not-in-force', '依据的法规尚未施行', '必须修改'],
      ['citation-not-in-force', '所引法规尚未施行', '必须修改'],
    ]);
  });
});
