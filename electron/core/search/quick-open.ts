// Quick open over law titles (a few thousand, so fuse.js fits): full and short titles, common
// abbreviations (行诉法), pinyin initials (xzxkf) and small typos, plus a trailing article
// reference (行政许可法12, 行政许可法第十二条) that opens that article. Exact names win outright;
// fuse.js ranks the rest. Pinyin of a title is computed once and cached on disk (pinyin-pro needs
// ~80 µs a title, too slow to redo at every start).

import Fuse from 'fuse.js';
import { pinyin } from 'pinyin-pro';
import { existsSync, readFileSync } from 'node:fs';
import type { Law, Level } from '../../shared/law-model';
import { LEVELS } from '../../shared/law-model';
import { writeFileAtomic } from '../library/atomic-file';
import { parseArticleRef } from '../library/law-lookup';

export interface TitleEntry {
  law: Law;
  /** 行政许可法, 民法典·总则 */
  shortTitle: string;
  names: string[];
  abbrev: string[];
  initials: string[];
}

export interface ArticleTarget {
  versionId: string;
  articleKey?: string;
  articleLabel?: string;
}

/** Common short names that no rule derives. Keys are what people type. */
const ABBREVIATIONS: Record<string, string[]> = {
  行政诉讼法: ['行诉法'],
  民事诉讼法: ['民诉法'],
  刑事诉讼法: ['刑诉法'],
  个人信息保护法: ['个保法', '个人信息法'],
  网络安全法: ['网安法'],
  数据安全法: ['数安法'],
  消费者权益保护法: ['消法', '消保法'],
  反不正当竞争法: ['反不法', '反不正当法'],
  税收征收管理法: ['税收征管法', '征管法'],
  政府信息公开条例: ['政府信息公开', '信息公开条例', '政信条例'],
  重大行政决策程序暂行条例: ['重大行政决策条例', '决策条例'],
  优化营商环境条例: ['营商环境条例'],
  道路交通安全法: ['道交法', '交通安全法'],
  安全生产法: ['安生法', '安法'],
  劳动合同法: ['劳合法'],
  治安管理处罚法: ['治安法', '治安处罚法'],
  中华人民共和国宪法: ['宪法'],
  监察法: ['监察法'],
  立法法: ['立法法'],
};

/** Conventional 2-character-word abbreviation: 行政处罚法 → 行罚法? no: 行政/处罚/法 → 行处法. */
function ruleAbbrev(short: string): string | undefined {
  const m = /^(.+?)(法|条例)$/.exec(short);
  if (!m) return undefined;
  const body = m[1]!;
  if (body.length < 4 || body.length % 2 || body.length > 8 || !/^[\u4e00-\u9fff]+$/.test(body)) return undefined;
  let out = '';
  for (let i = 0; i < body.length; i += 2) out += body[i];
  return out + m[2];
}

export function initialsOf(text: string): string {
  const arr = pinyin(text, { pattern: 'first', toneType: 'none', type: 'array' }) as string[];
  return arr
    .join('')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** Title → initials, persisted in the index folder. */
export class PinyinCache {
  private map = new Map<string, string>();
  private dirty = false;
  constructor(private readonly path: string | undefined) {
    if (path && existsSync(path)) {
      try {
        const data = JSON.parse(readFileSync(path, 'utf8')) as Record<string, string>;
        for (const [k, v] of Object.entries(data)) if (typeof v === 'string') this.map.set(k, v);
      } catch {
        /* a damaged cache is just recomputed */
      }
    }
  }
  get(title: string): string {
    let v = this.map.get(title);
    if (v === undefined) {
      v = initialsOf(title);
      this.map.set(title, v);
      this.dirty = true;
    }
    return v;
  }
  save(): void {
    if (!this.dirty || !this.path) return;
    try {
      writeFileAtomic(this.path, JSON.stringify(Object.fromEntries(this.map)), { fsync: false });
      this.dirty = false;
    } catch {
      /* a cache: losing it costs time, not data */
    }
  }
}

export function normaliseName(s: string): string {
  return s.replace(/[《》〈〉<>“”"'‘’\s\u3000]/g, '').replace(/[（(]([^（()）]*)[)）]/g, '$1');
}

const PRC = '中华人民共和国';

export function titleEntry(law: Law, py: PinyinCache): TitleEntry {
  const short = law.shortTitle;
  const display = law.subtitle ? `${short}·${law.subtitle}` : short;
  const names = new Set([law.title, short, display, normaliseName(law.title), normaliseName(display)]);
  if (law.subtitle) names.add(`${short}${law.subtitle}`);
  const abbrev = new Set<string>();
  const core = short.startsWith(PRC) ? short.slice(PRC.length) : short;
  for (const a of ABBREVIATIONS[core] ?? ABBREVIATIONS[law.title] ?? []) abbrev.add(a);
  const rule = ruleAbbrev(core);
  if (rule && rule !== core) abbrev.add(rule);
  const initials = new Set([py.get(short)]);
  if (law.subtitle) initials.add(py.get(display));
  return { law, shortTitle: display, names: [...names], abbrev: [...abbrev], initials: [...initials].filter(Boolean) };
}

const LEVEL_RANK = new Map<Level, number>(LEVELS.map((l, i) => [l, i]));
function lawOrder(a: Law, b: Law): number {
  const na = a.region === '全国' ? 0 : 1;
  const nb = b.region === '全国' ? 0 : 1;
  return na - nb || (LEVEL_RANK.get(a.level) ?? 99) - (LEVEL_RANK.get(b.level) ?? 99) || a.title.length - b.title.length;
}

export interface QuickOpenMatch {
  entry: TitleEntry;
  score: number;
}

const REF_TAIL = /^(.+?)\s*((?:第[零〇一二两三四五六七八九十百千0-9]+条(?:之[零〇一二三四五六七八九十0-9]+)?)|(?:[0-9]{1,4}(?:(?:之|-)[0-9]{1,2})?))$/;

/** Splits 行政许可法12 / 《统计法》第七条 / 行政许可法 第十二条 into title and article. */
export function splitArticleRef(text: string): { title: string; number: number; suffix: number } | undefined {
  const m = REF_TAIL.exec(text.trim());
  if (!m) return undefined;
  const ref = parseArticleRef(m[2]!);
  const title = normaliseName(m[1]!);
  if (!ref || !title) return undefined;
  return { title, number: ref.number, suffix: ref.suffix };
}

/**
 * fuse.js scans every title on every call (≈7 ms for 2,600 titles here), so each call first keeps
 * the titles sharing at least half of the typed characters (a typo leaves most of them) and runs
 * fuse.js over those only.
 */
export class QuickOpenIndex {
  private readonly exact = new Map<string, TitleEntry[]>();
  private readonly byChar = new Map<string, number[]>();
  private readonly overlap: Uint16Array;
  private readonly stamp: Uint32Array;
  private call = 0;

  constructor(readonly entries: TitleEntry[]) {
    entries.forEach((e, i) => {
      for (const n of [...e.names, ...e.abbrev, ...e.initials]) {
        const list = this.exact.get(n) ?? [];
        if (!list.includes(e)) list.push(e);
        this.exact.set(n, list);
      }
      const chars = new Set<string>();
      for (const n of [...e.names, ...e.abbrev, ...e.initials]) for (const ch of n.toLowerCase()) chars.add(ch);
      for (const ch of chars) {
        const list = this.byChar.get(ch) ?? [];
        list.push(i);
        this.byChar.set(ch, list);
      }
    });
    for (const list of this.exact.values()) list.sort((a, b) => lawOrder(a.law, b.law));
    this.overlap = new Uint16Array(entries.length);
    this.stamp = new Uint32Array(entries.length);
  }

  /** Laws whose exact name (title, short title, abbreviation, initials) is `name`. */
  exactMatches(name: string): TitleEntry[] {
    const n = normaliseName(name);
    return this.exact.get(n) ?? this.exact.get(n.toLowerCase()) ?? [];
  }

  private candidates(q: string, max = 400): TitleEntry[] {
    const call = ++this.call;
    const chars = [...new Set(q.toLowerCase())];
    const need = Math.max(1, Math.ceil(chars.length / 2));
    const hits: number[] = [];
    for (const ch of chars) {
      for (const i of this.byChar.get(ch) ?? []) {
        if (this.stamp[i] !== call) {
          this.stamp[i] = call;
          this.overlap[i] = 0;
        }
        if (++this.overlap[i]! === need) hits.push(i);
      }
    }
    hits.sort((a, b) => this.overlap[b]! - this.overlap[a]!);
    return hits.slice(0, max).map((i) => this.entries[i]!);
  }

  search(text: string, limit: number): QuickOpenMatch[] {
    const q = normaliseName(text).slice(0, 64);
    if (!q) return [];
    const out: QuickOpenMatch[] = [];
    const seen = new Set<string>();
    for (const e of this.exactMatches(q)) {
      out.push({ entry: e, score: 0 });
      seen.add(e.law.id);
    }
    const latin = /^[a-z0-9]+$/i.test(q);
    const pool = this.candidates(q);
    const fuse = new Fuse(pool, {
      keys: latin
        ? [{ name: 'initials', weight: 1 }]
        : [
            { name: 'shortTitle', weight: 3 },
            { name: 'names', weight: 1 },
            { name: 'abbrev', weight: 2 },
          ],
      includeScore: true,
      threshold: 0.4,
      ignoreLocation: true,
      minMatchCharLength: 1,
    });
    const fuzzy = fuse.search(latin ? q.toLowerCase() : q, { limit: limit * 3 + 10 });
    const rest: QuickOpenMatch[] = [];
    for (const r of fuzzy) {
      if (seen.has(r.item.law.id)) continue;
      seen.add(r.item.law.id);
      // Never 0 for a fuzzy match: 0 means an exact name.
      rest.push({ entry: r.item, score: Math.max(0.001, Math.round((r.score ?? 1) * 1000) / 1000) });
    }
    rest.sort((a, b) => a.score - b.score || lawOrder(a.entry.law, b.entry.law));
    return [...out, ...rest].slice(0, limit);
  }
}
