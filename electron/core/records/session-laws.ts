// The laws a 学法/普法 session covered: one rule for every count of "laws studied" (the year's
// statistics, the yearly report). What the record says it covered as a whole (`laws`), the laws of
// the articles it cites, and the laws its topic names — 集体学习《中华人民共和国科学技术进步法》,
// 学习行政许可法 — when the library holds them, each anchored to the version in force on the
// session's day (the text the office studied then, not whatever came later). A law the library holds
// only as a draft (时效性 草案: 学习《…条例（征求意见稿）》) is no law studied: it is left out.

import { DRAFT_STATUS, displayTitle, shortTitleOf } from '../../shared/law-model';
import type { LibraryStore } from '../library/library-store';
import { officeRegionIn } from '../office/office-region';
import { LAW_NOUN, detectCitations } from './citation-detect';
import { versionOnDate } from './citation-resolve';
import type { Lecture } from './record-types';

export interface SessionLaw {
  /** The law's id when the library holds it, else the name as the record wrote it. */
  key: string;
  lawId?: string;
  /** The version in force on the session's day (the cited version for a cited article). */
  versionId?: string;
  /** The title to show when the library does not hold the law: the record's name, the citation's. */
  writtenTitle: string;
}

/**
 * The session's laws in the order the record gives them: `laws`, the cited articles' laws, then the topic's. The topic is the
 * office's text: 学习《省专利条例》 is the office's province's (`officeRegion`, 单位信息's; read from the library when not given —
 * a caller going over many sessions reads it once).
 */
export function lawsOfSession(store: LibraryStore, l: Pick<Lecture, 'laws' | 'citations' | 'topic' | 'date'>, officeRegion: string = officeRegionIn(store.dir)): SessionLaw[] {
  const out = new Map<string, SessionLaw>();
  const onlyDrafts = (lawId: string) => store.law(lawId)?.versionIds.every((id) => store.version(id)?.status === DRAFT_STATUS) === true;
  const add = (s: SessionLaw) => {
    if (!out.has(s.key) && !(s.lawId && onlyDrafts(s.lawId))) out.set(s.key, s);
  };
  const inForce = (lawId: string) => {
    const v = versionOnDate(store, lawId, l.date);
    return v.ok ? { versionId: v.value.id } : {};
  };
  for (const idOrName of l.laws) {
    const law = store.law(idOrName);
    if (law) add({ key: law.id, lawId: law.id, ...inForce(law.id), writtenTitle: displayTitle(law) });
    else add({ key: idOrName, writtenTitle: idOrName.replace(/[《》]/g, '') });
  }
  for (const c of l.citations) {
    const law = store.law(c.lawId);
    add({ key: c.lawId, lawId: c.lawId, versionId: c.versionId, writtenTitle: law ? displayTitle(law) : c.citation.replace(/^《([^》]+)》.*$/s, '$1') });
  }
  // The topic names the laws studied more often than the form's fields do: read as a citation would
  // be. A 《…》 the library lacks still counts when it reads as a law (学习《消费者权益保护法》), by its
  // name and without a link; a book or a notice in 《》 does not.
  const shortNames = () => new Set([...out.values()].map((s) => shortTitleOf(s.writtenTitle)));
  for (const m of detectCitations(store, l.topic, l.date, undefined, undefined, { officeRegion }).laws) {
    const law = m.lawId ? store.law(m.lawId) : undefined;
    // 《民法典》 of a code the library holds as parts (继承编 …) is the code, not the part it resolved to
    if (law?.subtitle && !m.text.includes(law.subtitle)) {
      if (!shortNames().has(shortTitleOf(law.title))) add({ key: law.title, writtenTitle: law.title });
    } else if (law) add({ key: law.id, lawId: law.id, ...inForce(law.id), writtenTitle: displayTitle(law) });
    else if (/^《[^《》]+》$/.test(m.text)) {
      const name = m.text.slice(1, -1);
      // 《…管理办法（试行）》: the kind is read before a closing note, as 该办法 reads it
      if (LAW_NOUN.test(name.replace(/（[^（）]*）$/, '')) && !shortNames().has(shortTitleOf(name))) add({ key: name, writtenTitle: name });
    }
  }
  return [...out.values()];
}
