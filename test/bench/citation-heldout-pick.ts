// Draws sentences for a new held-out citation set from corpus texts the tests have never read. The laws are
// taken in the order of a hash (seed), the latest version of each, and from each the first sentence — by the same
// hash — of a form whose quota is not yet full. Every sentence carries the article it stands in (前条 and 本条第X款
// need it). The expected targets are then written by a person reading each sentence, before the detector is run on
// them.
//
// Which texts may cite (the rule since session 21; s19 and s20 were drawn with the stricter one, kept as --strict):
// a law qualifies when no version of it has ever been read by a test — no file under test/ has one of its corpus
// file names (a fixture copy), no text under test/ contains one of those file names (an earlier set's `src`, a
// fixture manifest) — and the sentence itself is in no text under test/. Its title may be named in tests: the
// citing text is new even if the law is cited elsewhere. The strict rule (the title named nowhere under test/)
// ran out of laws in session 20: after four sets and the fixtures nearly every law's title is named somewhere,
// and quotas of 前条, 同法/该法, 《》 and ranges were left unfilled.
//   npx tsx test/bench/citation-heldout-pick.ts --seed 2222 [--strict] [--corpus DIR] > draft.jsonl
// Prints JSON lines with empty `expect` and `laws`; nothing is written to disk.

import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const N = '[零〇一二两三四五六七八九十百千]+';
const ARTICLE_LINE = new RegExp(`^\\s*(第${N}条(?:之${N})?)[\\s\\u3000]*(.*)$`);

/** Forms and how many sentences of each the set takes (the order is the order of preference). */
const QUOTAS: [form: string, quota: number, test: (s: string, own: string) => boolean][] = [
  // 前条 (the article before): 依照前条, 前条规定, 前条第二款 — not 前条件
  ['prior-article', 8, (s) => /前条(?!件)/.test(s)],
  // 本条第X款 (a paragraph of the article itself)
  ['own-paragraph', 6, (s) => new RegExp(`本条第${N}款`).test(s)],
  // 同法 / 该法 / 该条例 … (the law named before; not 合同法, 共同法) and 该条 / 同条 / 各该条 (the article cited before).
  // Since session 22 the anaphor need not carry an article (依照该法承担民事责任, 依照该条规定处理): 同法/该法第X条 is in
  // 1 corpus file of 2,590, while an anaphor after a cited law or article is in ~70; the law or article it stands for is
  // what the label expects.
  ['same-law', 6, (s) => sameLawAnaphor(s)],
  // another law in 《》 with an article
  ['quoted-other', 14, (s, own) => [...s.matchAll(new RegExp(`《([^《》]+)》(?:[（(][^）)]*[）)])?第${N}条`, 'g'))].some((m) => !own.includes(m[1]!.replace(/^中华人民共和国/, '')))],
  // another law named bare with an article (刑法第…, 行政处罚法第…)
  ['bare-other', 12, (s) => new RegExp(`[^本该《》]{2}(?:法|条例|办法|规定)第${N}条`).test(s) && !/《/.test(s) && !/本(?:法|条例|办法|规定)第/.test(s)],
  // a 司法解释's bare article (its own or the interpreted law's)
  ['judicial', 8, (s) => new RegExp(`第${N}条`).test(s)],
  // 本条例第X条 beside a 《title》
  ['self-with-quoted', 5, (s) => /《/.test(s) && new RegExp(`本(?:法|条例|办法|规定)第${N}条`).test(s)],
  // a range of articles
  ['range', 3, (s) => new RegExp(`第${N}条(?:之${N})?至第?${N}条`).test(s)],
];

/**
 * Session 27 (`--forms s27`): forms the earlier sets drew thinly from the corpus, as a local 规章 or 规范性文件 writes them —
 * a law in 《》 by its short name (中华人民共和国 dropped: 《行政许可法》第十二条), a short name it defines (（以下简称…）), a
 * list closed by 等法律法规, an anaphor (该法, 同法, 上述规定, 前述条例) after a law named, a range reaching into 款/项
 * (第X条第Y款至第Z款, 第（一）项至第（三）项), a 令 number (国务院令第N号, 参照…令), a 司法解释 by its 文号 (法释〔2015〕5号).
 */
const QUOTAS_S27: [form: string, quota: number, test: (s: string, own: string) => boolean][] = [
  ['short-quoted', 10, (s) => [...s.matchAll(/《([^《》]{2,20}?(?:法|条例))》/g)].some((m) => !/^中华人民共和国|[省市县区]/.test(m[1]!) && NATIONAL_SHORT.has(m[1]!))],
  ['abbrev-defined', 6, (s) => /以下简称/.test(s) && /《/.test(s)],
  ['generic-list', 8, (s) => /《[^》]+》/.test(s) && /等(?:有关)?(?:国家)?(?:法律|行政)[、和及]?(?:行政)?法规/.test(s)],
  ['anaphor', 8, (s) => /(?:上述|前述)(?:规定|条例|法律|办法|法规|法)|(?<![合共])同法|该法(?![律规人])|该条例/.test(s)],
  ['range-part', 8, (s) => new RegExp(`第${N}条(?:第${N}款)?(?:第[（(]?${N}[）)]?项)?(?:至|到)第?[（(]?${N}[）)]?[条款项]`).test(s) && /[款项]/.test(s)],
  ['order-number', 8, (s) => /令第?[\d零〇一二三四五六七八九十百]+号/.test(s)],
  ['judicial-number', 6, (s) => /(?:法释|法发|高检发)[〔［[]\d{4}/.test(s)],
];

/**
 * Session 28 (`--forms s28`): forms of a 规章 or 规范性文件 the earlier sets drew thinly — a law with its version written after it
 * (《…》（2019年修订）), an article in 阿拉伯数字 (第3条第2款), 本条例第X条 inside the 附则 (its own article read in the closing
 * chapter), a short name the text defined in an earlier article used again (条例第八条 after （以下简称条例） articles up), a law
 * since repealed cited by the version of the sentence's date (合同法第五十二条, 民法通则第一百零六条), a full 条/款/项 chain, and
 * 按照国家有关规定 — no citation, must link nothing.
 */
const QUOTAS_S28: [form: string, quota: number, test: (s: string, own: string, ctx: { body: string; annex: boolean }) => boolean][] = [
  ['version-note', 6, (s) => /》[（(]\d{4}年(?:修订|修正)[）)]/.test(s)],
  ['arabic', 5, (s) => /第\s*\d+\s*条/.test(s)],
  ['annex-self', 6, (s, _own, c) => c.annex && new RegExp(`本(?:条例|办法|规定|细则|法)第${N}条`).test(s)],
  ['short-later', 6, (s, _own, c) => !/以下简称|以下称/.test(s) && [...c.body.matchAll(/以下(?:简)?称[“《"]?([\u4e00-\u9fa5]{2,10}?)[”》"]?[）)]/g)].some((m) => /(?:法|条例|办法|规定|细则|解释)$/.test(m[1]!) && s.includes(`${m[1]!}`) && new RegExp(`${m[1]!}[》”]?第${N}条`).test(s))],
  ['repealed', 6, (s) => new RegExp(`(?<![劳动])(?:合同法|物权法|担保法|民法通则|婚姻法|继承法|民法总则|收养法|侵权责任法)》?第${N}条`).test(s)],
  ['item-chain', 6, (s) => new RegExp(`第${N}条第${N}款第[（(]?${N}[）)]?项`).test(s)],
  ['national-rules', 6, (s) => /(?:按照|依照|根据|参照)国家(?:有关|的有关)?规定/.test(s) && !/《/.test(s) && !new RegExp(`第${N}条`).test(s)],
];

/** The titles of the corpus's national 法律 (the manifest drops their 中华人民共和国): a 《X》 naming one is its short name (filled when run). */
const NATIONAL_SHORT = new Set<string>();

const ANAPHOR = /(?:(?<![合共应])同法|该法(?![律规人])|该条例|该办法|该规定|该解释|同条例|(?<![各])该条(?![件款约])|(?<![相不等共])同条(?![件款])|各该条(?![件约]))/g;

/** An anaphor standing for a law or article the same sentence cited before it (not 该法律案, 该条件, 各该条约). */
function sameLawAnaphor(s: string): boolean {
  return [...s.matchAll(ANAPHOR)].some((m) => {
    const before = s.slice(0, m.index);
    if (m[0].endsWith('条')) return new RegExp(`第${N}条`).test(before);
    return /《[^》]+》/.test(before) || new RegExp(`[^本该]{2}(?:法|条例|办法|规定)第${N}条`).test(before);
  });
}

function hash(seed: string, s: string): string {
  return createHash('sha256').update(`${seed}\u0000${s}`).digest('hex');
}

function filesUnder(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) filesUnder(p, out);
    else out.push(p);
  }
  return out;
}

const isText = (p: string) => /\.(?:ts|tsx|json|jsonl|md|txt|html|csv)$/.test(p) && statSync(p).size < 5_000_000;

interface Row {
  path: string;
  title: string;
  level: string;
  published: string;
  effective: string;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { seed: { type: 'string' }, corpus: { type: 'string' }, prefix: { type: 'string' }, strict: { type: 'boolean' }, forms: { type: 'string' } } });
  const quotas: [string, number, (s: string, own: string, ctx: { body: string; annex: boolean }) => boolean][] = values.forms === 's28' ? QUOTAS_S28 : values.forms === 's27' ? QUOTAS_S27 : QUOTAS;
  if (!values.seed) {
    console.error('usage: citation-heldout-pick.ts --seed N [--strict] [--corpus DIR] [--prefix U]');
    process.exit(2);
  }
  const seed = values.seed;
  const corpus = values.corpus ?? resolve(import.meta.dirname, '../../../shared/corpus');
  const testFiles = filesUnder(resolve(import.meta.dirname, '..'));
  const tests = testFiles
    .filter(isText)
    .map((f) => readFileSync(f, 'utf8'))
    .join('\n');
  const testNames = new Set(testFiles.map((f) => basename(f)));
  const rows = readFileSync(join(corpus, 'manifest.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Row);
  for (const r of rows) if (r.level === '法律') NATIONAL_SHORT.add(r.title.replace(/^中华人民共和国/, ''));
  // a version the tests have read: a copy under test/, or its file name in a test's text (an earlier set's src)
  const read = (r: Row) => testNames.has(basename(r.path)) || tests.includes(basename(r.path, '.md'));
  const readTitles = new Set(rows.filter(read).map((r) => r.title));
  // the latest version of each law no test has read (strict: whose title no test names)
  const latest = new Map<string, Row>();
  for (const r of rows) {
    if (readTitles.has(r.title) || (values.strict && tests.includes(r.title.replace(/^中华人民共和国/, '')))) continue;
    const prev = latest.get(r.title);
    if (!prev || prev.published < r.published) latest.set(r.title, r);
  }
  const laws = [...latest.values()].sort((a, b) => (hash(seed, a.path) < hash(seed, b.path) ? -1 : 1));
  const left = new Map(quotas.map(([f, q]) => [f, q]));
  const prefix = values.prefix ?? 'U';
  let n = 0;
  const taken = new Set<string>();
  // a second pass, when the first leaves the set short: one more sentence per law citing another law. The quotas of
  // 前条, 同法/该法, 《》 and ranges stay short even so: the corpus holds few (前条 in 36 of 2,590 files, 同法/该法第X条 in
  // 1, 《…》第X条 in 241, mostly versions the tests have read); a set fills them with sentences written as an office writes.
  const passes: Row[] = quotas === QUOTAS ? [...laws, ...laws] : laws;
  let second = false;
  for (const [i, law] of passes.entries()) {
    if (i === laws.length) {
      second = true;
      left.set('quoted-other', (left.get('quoted-other') ?? 0) + 5);
      left.set('bare-other', (left.get('bare-other') ?? 0) + 5);
    }
    if ([...left.values()].every((q) => q <= 0)) break;
    const text = readFileSync(join(corpus, 'laws', law.path), 'utf8');
    const end = text.indexOf('<!-- INFO END -->');
    const body = end >= 0 ? text.slice(end + 17) : text;
    const own = law.title.replace(/^中华人民共和国/, '');
    const sentences: { article: string; text: string; annex: boolean }[] = [];
    let article = '';
    let annex = false;
    for (const line of body.split('\n')) {
      const m = ARTICLE_LINE.exec(line);
      if (m) article = m[1]!;
      // the 附则 chapter (s28's annex-self): from its heading on
      if (/^\s*#/.test(line)) annex = /附\s*则/.test(line);
      if (!article || /^\s*#/.test(line)) continue;
      const rest = m ? m[2]! : line.trim();
      // a sentence ends at 。 (or the line); 第X条 inside it is kept whole
      for (const s of rest.split(/(?<=。)/)) if (s.trim().length >= 8) sentences.push({ article, text: s.trim(), annex });
    }
    const order = sentences.sort((a, b) => (hash(seed, a.text) < hash(seed, b.text) ? -1 : 1));
    let picked: { form: string; s: (typeof sentences)[number] } | undefined;
    // the scarcest form first: the law's first sentence (by the hash) of the first form in QUOTAS order whose quota is
    // not full — before session 22 it was the first sentence of any such form, so a law holding one of the few
    // 同法/该法 or 前条 sentences mostly gave a commoner form
    const open = !second || [...taken].some((t) => t.startsWith(`${law.path}\u0000`));
    for (const [form, , t] of open ? quotas : []) {
      if ((left.get(form) ?? 0) <= 0 || (form === 'judicial' && law.level !== '司法解释')) continue;
      const s = order.find((x) => !taken.has(x.text) && t(x.text, own, { body, annex: x.annex }) && !tests.includes(x.text));
      if (s) {
        picked = { form, s };
        break;
      }
    }
    if (!picked) continue;
    taken.add(picked.s.text).add(`${law.path}\u0000`);
    left.set(picked.form, left.get(picked.form)! - 1);
    n++;
    console.log(
      JSON.stringify({
        id: `${prefix}${String(n).padStart(3, '0')}`,
        form: picked.form,
        src: law.path,
        near: law.title,
        published: law.published,
        date: law.effective || law.published,
        article: picked.s.article,
        text: picked.s.text,
        expect: [],
        laws: [],
      }),
    );
  }
  console.error(`${n} sentences; quotas left: ${[...left].map(([f, q]) => `${f} ${q}`).join(', ')}`);
}
