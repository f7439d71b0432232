// Whether the history lines above a law's text are that law's. A file may carry another law's header
// (the corpus's 山东省清洁生产促进条例 carries the 清洁生产促进法's: 2002年…全国人民代表大会常务委员会…通过), and
// its organ and dates are then read as the law's own. Only a place's own law can be told apart this way: a
// local 条例/办法/规定 is passed by that place's organs (or by a city's and approved by its province), never by
// the national ones; a law titled 法 is national even when it names a place (海南自由贸易港法, 香港特别行政区基本法).

import type { HistoryEvent } from '../../shared/law-model';
import { divisionAtStart, regionOf } from '../library/region-gazetteer';

const NATIONAL_ORGAN = /全国人民代表大会|国务院|中央军事委员会|中央军委|主席令|最高人民法院|最高人民检察院/;
/** 关于修改〈X〉的决定 amending one law (not 〈X〉等十部法律: the file's law may be among the others). */
const AMENDED_ONE = /关于修改〈([^〈〉]+)〉(?!等)/g;

/** 山东, 山东·济南 or 全国 for the organ an event names; undefined when it names none. */
function organRegion(text: string): string | undefined {
  const local = divisionAtStart(text.replace(/^(?:经|由|根据)/, ''));
  if (local) return regionOf(local);
  return NATIONAL_ORGAN.test(text) ? '全国' : undefined;
}

/** One region inside the other (a city's regulation passed by the city, approved by its province). */
const fits = (a: string, b: string) => a === b || a.startsWith(`${b}·`) || b.startsWith(`${a}·`);

/**
 * The reason the header's history belongs to another law than `title`, or undefined when it may be the
 * law's own: every organ that passed, amended or published it (批准 is not counted) is of another place
 * than the title's, or the 修改决定 it names amends a law of another place.
 */
export function foreignHeader(title: string, events: readonly HistoryEvent[]): string | undefined {
  // 中华人民共和国… is national whatever place it names next (…台湾同胞投资保护法实施细则); a 公文 titled 关于…
  // (高青县科学技术局关于转发…的通知) carries the history of the text it sends on, as it should
  if (/^中华人民共和国|关于/.test(title)) return undefined;
  const plain = title.replace(/[（(][^（）()]*[)）]$/, '');
  if (/(?<!办)法$/.test(plain)) return undefined;
  const at = divisionAtStart(plain);
  // the national organs legislate for 台湾, 香港 and 澳门 (台湾同胞投资保护法实施细则): no local law of theirs is held
  if (!at || /^(?:台湾|香港|澳门)/.test(at.province)) return undefined;
  const own = regionOf(at);
  const organs = events.filter((e) => !/批准/.test(e.text)).flatMap((e) => organRegion(e.text) ?? []);
  if (organs.length && organs.every((r) => !fits(r, own))) {
    const where = organs[0] === '全国' ? '全国性机关' : `${organs[0]!.replace(/·/g, '')}的机关`;
    return `文件头记载的制定机关是${where}，而标题《${title}》是${own.replace(/·/g, '')}的法规`;
  }
  for (const e of events) {
    for (const m of e.text.matchAll(AMENDED_ONE)) {
      // a law of a place, or a national 法; a title naming neither (关于本市…的实施细则, the law's old title) tells nothing
      const named = m[1]!.replace(/^中华人民共和国/, '');
      const d = divisionAtStart(named);
      const region = d ? regionOf(d) : /(?<!办)法$/.test(named) ? '全国' : undefined;
      if (region && !fits(region, own)) return `文件头记载的修改决定修改的是《${m[1]}》，不是《${title}》`;
    }
  }
  return undefined;
}

/**
 * The history a law's text states itself right under its title, in brackets and maybe over a few lines
 * (（\n2010年7月30日山东省…通过　根据2020年11月27日…修正）): what is kept when the header is another law's.
 */
export function ownHistoryText(bodyLines: readonly string[]): string | undefined {
  const lines = bodyLines.map((l) => l.trim()).filter(Boolean).slice(0, 4);
  let joined = '';
  for (const l of lines) {
    if (/^#|^第[零〇一二两三四五六七八九十百千]+[条章节编]/.test(l)) break;
    joined += l;
    if (/[)）]$/.test(l)) break;
  }
  return /^[（(]?\s*(?:\d{4}|[０-９]{4})\s*年/.test(joined) ? joined : undefined;
}
