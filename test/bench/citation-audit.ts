// An audit of the link graph's citation reading on articles of the whole corpus, to read by hand.
// Samples, with a fixed seed, articles that cite something (第X条, 《…》, 本法/本条例…) from every
// 分类 of the library in turn (round-robin, so 宪法 and 刑法 are not drowned by 行政法规), runs the
// detector as the link graph does (the citing law as context, its 施行 date, the TargetResolver) and
// prints each article with every mention: what was read, the law/version/article it points at and
// the first words of that article, or why nothing. Then, over every article of the library, the
// unresolved mentions grouped by reason, and the 《titles》 the detector could not find although a
// version of a law with that title (after 中华人民共和国, （试行）… are set aside) is in the library.
//   npx tsx test/bench/citation-audit.ts --library DIR [--seed 1205] [--n 120] [--category 刑法]

import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { openLibrary } from '../../electron/core/library/open-library';
import { LibraryTargetResolver } from '../../electron/core/links/link-resolver';
import { detectCitations, type DefinedName } from '../../electron/core/records/citation-detect';
import { startOf } from '../../electron/core/records/citation-resolve';
import type { LibraryStore } from '../../electron/core/library/library-store';
import { seededRandom } from './seeded-random';

const { values } = parseArgs({
  options: { library: { type: 'string' }, seed: { type: 'string' }, n: { type: 'string' }, category: { type: 'string' }, all: { type: "boolean" }, examples: { type: "string" } },
});
if (!values.library) throw new Error('用法：npx tsx test/bench/citation-audit.ts --library DIR [--seed 1205] [--n 120]');
const seed = Number(values.seed ?? 1205);
const n = Number(values.n ?? 120);
const { store } = await openLibrary({ dir: values.library, seed: false });
const resolver = new LibraryTargetResolver(store);

/** What makes an article worth auditing: it names an article, a law, or its own law. */
const CITING = /第[^条\n]{1,12}条|《[^》\n]+》|本(?:法|条例|规定|办法|细则|解释)/;
const flat = (s: string) => s.replace(/\s+/g, ' ');

interface Site {
  versionId: string;
  key: string;
}

function citingArticles(s: LibraryStore, category?: string): Map<string, Site[]> {
  const byCat = new Map<string, Site[]>();
  for (const v of s.versions()) {
    const cat = v.category ?? '（无分类）';
    if (category && cat !== category) continue;
    for (const u of s.readUnits(v.id)) {
      if (u.kind !== 'article' || !CITING.test(u.text)) continue;
      const list = byCat.get(cat) ?? [];
      list.push({ versionId: v.id, key: u.key });
      byCat.set(cat, list);
    }
  }
  return byCat;
}

/** Each article of a version with its detection, short names defined earlier carried as the link graph does. */
function* detectVersion(s: LibraryStore, versionId: string) {
  const meta = s.version(versionId)!;
  const date = startOf(meta) || s.today();
  let definedNames: DefinedName[] = [];
  for (const u of s.readUnits(versionId)) {
    if (u.kind !== 'article') continue;
    const d = detectCitations(s, u.text, date, meta.lawId, resolver, { definedNames });
    definedNames = [...definedNames, ...d.definedNames];
    yield { u, d, date };
  }
}

function describe(s: LibraryStore, site: Site): string[] {
  const meta = s.version(site.versionId)!;
  let found: { u: ReturnType<LibraryStore['readUnits']>[number]; d: ReturnType<typeof detectCitations>; date: string } | undefined;
  for (const x of detectVersion(s, site.versionId)) if (x.u.key === site.key) found = x;
  const { u: unit, d, date } = found!;
  const out = [`【${meta.category ?? ''}】${meta.title} (${meta.id}, ${date}) ${unit.label}`, `  ${flat(unit.text).slice(0, 400)}`];
  for (const m of d.mentions) {
    const head = `  · ${m.text}${m.text === m.label ? '' : ` [${m.label}]`} via ${m.via}${m.lawText ? ` ${m.lawText}` : ''}`;
    if (m.target) {
      const t = m.target;
      const to = s.readUnits(t.versionId).find((u) => u.key === t.articleKey);
      out.push(`${head}\n      → ${s.version(t.versionId)!.title} ${t.versionId.split('@')[1]} ${to?.label ?? t.articleKey}${t.approx ? ' [approx]' : ''}: ${flat(to?.text ?? '').slice(0, 50)}`);
    } else out.push(`${head}\n      ✗ ${m.reason}`);
  }
  for (const l of d.laws) if (!l.lawId) out.push(`  · 法规 ${l.text} ✗ ${l.reason ?? ''}`);
  return out;
}

const byCat = citingArticles(store, values.category);
const rnd = seededRandom(seed);
const cats = [...byCat.keys()].sort();
const pools = new Map(cats.map((c) => [c, [...byCat.get(c)!]]));
const sample: Site[] = [];
for (let i = 0; sample.length < n && [...pools.values()].some((p) => p.length); i++) {
  const pool = pools.get(cats[i % cats.length]!)!;
  if (!pool.length) continue;
  sample.push(pool.splice(Math.floor(rnd() * pool.length), 1)[0]!);
}
console.log(`seed ${seed}: ${sample.length} articles from ${cats.length} categories (${cats.map((c) => `${c} ${byCat.get(c)!.length}`).join('，')})\n`);
for (const [i, site] of sample.entries()) console.log(`#${i + 1} ${describe(store, site).join('\n')}\n`);

if (values.all) {
  // every article of the library: unresolved mentions by reason, titles missed though in the library
  const reasons = new Map<string, number>();
  const examples = new Map<string, string[]>();
  const missedTitles = new Map<string, number>();
  let mentions = 0;
  let resolved = 0;
  const titles = new Set(store.laws().map((l) => l.title.replace(/^中华人民共和国/, '').replace(/[（(](?:试行|暂行)[）)]$/, '')));
  for (const v of store.versions()) {
    for (const { u, d } of detectVersion(store, v.id)) {
      if (!CITING.test(u.text)) continue;
      for (const m of d.mentions) {
        mentions++;
        if (m.target) resolved++;
        else {
          const r = (m.reason ?? "").replace(/《[^》]*》/g, "《…》").replace(/[\w@-]+ 没有第.*$/, "VERSION 没有该条").replace(/第[^条]+条/g, "第X条").replace(/“[^”]*?([^”]{0,5})”不是/, "“…$1”不是");
          reasons.set(r, (reasons.get(r) ?? 0) + 1);
          const ex = examples.get(r) ?? [];
          if (ex.length < Number(values.examples ?? 4)) ex.push(`${v.title} ${u.label}: …${flat(u.text.slice(Math.max(0, m.start - 30), m.end + 10))}… (${m.reason})`);
          examples.set(r, ex);
        }
      }
      for (const l of d.laws) {
        if (l.lawId) continue;
        const t = l.text.replace(/^《|》$/g, '').replace(/^中华人民共和国/, '').replace(/[（(](?:试行|暂行)[）)]$/, '');
        if (titles.has(t)) missedTitles.set(l.text, (missedTitles.get(l.text) ?? 0) + 1);
      }
    }
  }
  console.log(`all articles: ${mentions} mentions, ${resolved} resolved (${((100 * resolved) / mentions).toFixed(1)} %)`);
  for (const [r, c] of [...reasons].sort((a, b) => b[1] - a[1]).slice(0, 25)) {
    console.log(`  ${c}\t${r}`);
    for (const x of examples.get(r) ?? []) console.log(`      ${x}`);
  }
  console.log(`titles in the library the detector did not find: ${[...missedTitles.values()].reduce((a, b) => a + b, 0)}`);
  for (const [t, c] of [...missedTitles].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`  ${c}\t${t}`);
}
console.log(`load ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
