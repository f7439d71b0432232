// Precision and recall of the citation detector on hand-labelled real sentences
// (test/fixtures/links/citation-hand-set.jsonl: sentences from the corpus, the 2020 report of the
// 高青县科学技术局 and administrative prose in the forms reviews and 规范性文件 use; each sentence's
// expected citations were written by a person reading it, before the detector ran on it).
//   npx tsx test/bench/citation-hand.ts --library DIR [--set FILE] [--verbose]
// A found citation counts as right when its law, its article (or 编/章/节, or 全文) and — where the
// label pins one with @YEAR — its version match an expected one. Unresolved mentions are not
// counted as found: they link nothing.

import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openLibrary } from '../../electron/core/library/open-library';
import { normaliseTitle } from '../../electron/core/library/law-identity';
import { detectCitations } from '../../electron/core/records/citation-detect';
import type { LibraryStore } from '../../electron/core/library/library-store';

const ROOT = resolve(import.meta.dirname, '../..');

export interface HandEntry {
  id: string;
  src: string;
  near?: string;
  date: string;
  text: string;
  /** "行政许可法 第十二条", "宪法 第三章第五节", "民法典 全文", with @YYYY to pin the version. */
  expect: string[];
}

export function readHandSet(file: string): HandEntry[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as HandEntry);
}

/** What the detector links in one sentence, as "title label@published". */
export function foundCitations(store: LibraryStore, e: HandEntry): string[] {
  const near = e.near ? store.laws().find((l) => l.title === e.near || normaliseTitle(l.title) === normaliseTitle(e.near!))?.id : undefined;
  if (e.near && !near) throw new Error(`${e.id}: the library has no ${e.near}`);
  const r = detectCitations(store, e.text, e.date, near, undefined, { wholeLaws: true });
  return r.citations.map((c) => {
    const law = store.law(c.lawId)!;
    const v = store.version(c.versionId)!;
    // a heading by its path as people write it (第四章第一节), not by its own label (第一节 申请与受理)
    const label = c.scope === 'heading' ? c.articleKey.replace(/^h:/, '').split('/').map((x) => x.split(' ')[0]).join('') : c.label;
    return `${normaliseTitle(law.title)} ${label}@${v.published || v.effective || ''}`;
  });
}

export function matches(found: string, expected: string): boolean {
  const [fTitleLabel, fDate = ''] = found.split('@');
  const [eTitleLabel, eYear] = expected.split('@');
  const [fTitle, ...fl] = fTitleLabel!.split(' ');
  const [eTitle, ...el] = eTitleLabel!.split(' ');
  if (fTitle !== eTitle) return false;
  const fLabel = fl.join(' ');
  const eLabel = el.join(' ');
  // a heading's label carries its words (第三章 立法程序): the number written is enough
  if (!(fLabel === eLabel || fLabel.startsWith(eLabel + ' ') || fLabel.replace(/\s.*$/, '') === eLabel)) return false;
  return !eYear || fDate.startsWith(eYear);
}

export function score(entries: HandEntry[], found: Map<string, string[]>) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const wrong: string[] = [];
  for (const e of entries) {
    const got = found.get(e.id) ?? [];
    const left = [...e.expect];
    for (const g of got) {
      const i = left.findIndex((x) => matches(g, x));
      if (i >= 0) {
        tp++;
        left.splice(i, 1);
      } else {
        fp++;
        wrong.push(`${e.id} 多出 ${g}`);
      }
    }
    fn += left.length;
    for (const x of left) wrong.push(`${e.id} 漏掉 ${x}`);
  }
  return { tp, fp, fn, precision: tp / Math.max(1, tp + fp), recall: tp / Math.max(1, tp + fn), wrong };
}

async function main() {
  const { values } = parseArgs({ options: { library: { type: 'string' }, set: { type: 'string' }, verbose: { type: 'boolean' } } });
  if (!values.library) throw new Error('用法：npx tsx test/bench/citation-hand.ts --library DIR [--set FILE] [--verbose]');
  const entries = readHandSet(values.set ?? join(ROOT, 'test/fixtures/links/citation-hand-set.jsonl'));
  const { store } = await openLibrary({ dir: values.library, seed: false });
  const found = new Map(entries.map((e) => [e.id, foundCitations(store, e)]));
  const s = score(entries, found);
  if (values.verbose) for (const e of entries) console.log(e.id, JSON.stringify(found.get(e.id)));
  const expected = entries.reduce((n, e) => n + e.expect.length, 0);
  console.log(`sentences ${entries.length} (${entries.filter((e) => !e.expect.length).length} citing nothing); expected citations ${expected}`);
  console.log(`right ${s.tp}, wrong ${s.fp}, missed ${s.fn}: precision ${(100 * s.precision).toFixed(1)} %, recall ${(100 * s.recall).toFixed(1)} %`);
  for (const w of s.wrong) console.log('  ' + w);
  console.log(`load ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) void main();
