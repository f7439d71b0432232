// Checks the between-articles chrome patterns (electron/core/importers/web-chrome.ts) against every
// line of the corpus laws: a law line they match would be lost from an HTML import. Then converts N
// corpus laws to HTML pages with chrome injected between random articles (text lines and DOM
// elements with chrome class names) and compares the import with the Markdown's, article by article.
// Run: npx tsx test/bench/web-chrome-sweep.ts [--n 200] [--seed 7]
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isWebChrome } from '../../electron/core/importers/web-chrome';
import { chromePage, lawUnits } from '../node/importers/web-chrome-pages';

const CORPUS = join(import.meta.dirname, '../../../shared/corpus/laws');
const args = process.argv.slice(2);
const opt = (name: string, d: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : d;
};
const files: string[] = [];
const walk = (d: string) => {
  for (const f of readdirSync(d)) {
    const p = join(d, f);
    if (statSync(p).isDirectory()) walk(p);
    else if (f.endsWith('.md')) files.push(p);
  }
};
walk(CORPUS);
files.sort();
let lines = 0;
const hits: string[] = [];
for (const f of files) {
  for (const l of readFileSync(f, 'utf8').split('\n')) {
    if (l.trim() === '' || l.startsWith('<!--')) continue;
    lines++;
    const t = l.replace(/^#+\s*/, '');
    if (isWebChrome(t)) hits.push(`${f.split('/').pop()}: ${t.slice(0, 80)}`);
  }
}
console.log(`corpus: ${files.length} laws, ${lines} lines, ${hits.length} taken for chrome`);
for (const h of hits.slice(0, 40)) console.log('  ' + h);

const n = opt('n', 200);
let seed = opt('seed', 7);
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = [...files].sort(() => rand() - 0.5).slice(0, n);
let laws = 0, exact = 0, articles = 0, articlesExact = 0, injected = 0;
const bad: string[] = [];
for (const f of pick) {
  const md = readFileSync(f, 'utf8');
  const page = chromePage(md, rand);
  if (!page) continue;
  laws++;
  injected += page.injected;
  const want = await lawUnits(new TextEncoder().encode(page.plain), 'law.html').catch(() => new Map<string, string>());
  const got = await lawUnits(new TextEncoder().encode(page.html), 'law.html').catch((e: Error) => new Map([['ERROR', e.message]]));
  let ok = true;
  for (const [label, text] of want) {
    articles++;
    if (got.get(label) === text) articlesExact++;
    else {
      ok = false;
      if (bad.length < 30) bad.push(`${f.split('/').pop()} ${label}: want ${text.slice(0, 50)} | got ${got.get(label)?.slice(0, 50)}`);
    }
  }
  if (ok) exact++;
}
console.log(`html with chrome between articles (compared with the same page without it): ${laws} laws (${injected} chrome pieces), ${exact} all articles exact, articles ${articlesExact}/${articles}`);
for (const b of bad) console.log('  ' + b);
