// Every region the corpus's laws are filed under, read to a level of the 地区 facet (全国 / 省 / 市 / 县):
// the region as the import guesses it (title, then issuer, the manifest's region kept when coarser), then
// regionLevel (the gazetteer). Prints the counts per level and every region no division reads, with a title.
//
//   npx tsx test/bench/region-levels.ts [--corpus ../shared/corpus]

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { guessMetadata } from '../../electron/core/importers/document-metadata';
import { guessRegion } from '../../electron/core/library/level-and-region';
import { regionLevel } from '../../electron/core/library/region-facet';

const { values } = parseArgs({ options: { corpus: { type: 'string', default: join(import.meta.dirname, '../../../shared/corpus') } } });
const corpus = values.corpus!;
const byRegion = new Map<string, { n: number; title: string }>();
for (const line of readFileSync(join(corpus, 'manifest.jsonl'), 'utf8').split('\n')) {
  if (!line.trim()) continue;
  const m = JSON.parse(line) as { path: string; title: string; region?: string };
  const file = join(corpus, 'laws', m.path);
  const issuer = guessMetadata(readFileSync(file, 'utf8')).issuer;
  const guessed = guessRegion(m.title, issuer, file);
  // as library-import's withManifest: a manifest naming only the province keeps the finer guess
  const region = m.region && !guessed.startsWith(m.region + '·') ? m.region : guessed;
  const e = byRegion.get(region) ?? { n: 0, title: m.title };
  e.n++;
  byRegion.set(region, e);
}
const levels = new Map<string, string[]>();
for (const r of byRegion.keys()) levels.set(regionLevel(r), [...(levels.get(regionLevel(r)) ?? []), r]);
console.log(`${byRegion.size} regions over ${[...byRegion.values()].reduce((a, e) => a + e.n, 0)} files`);
console.log('| level | regions | files | examples |\n|---|---|---|---|');
for (const [level, rs] of [...levels].sort()) {
  const files = rs.reduce((a, r) => a + byRegion.get(r)!.n, 0);
  console.log(`| ${level} | ${rs.length} | ${files} | ${rs.slice(0, 6).join('、')} |`);
}
for (const r of levels.get('其他') ?? []) console.log(`  not read: ${r} (${byRegion.get(r)!.n}, e.g. ${byRegion.get(r)!.title})`);
console.log('\nall regions:', [...byRegion.keys()].sort((a, b) => a.localeCompare(b, 'zh-CN')).map((r) => `${r}=${regionLevel(r)}`).join(' '));
