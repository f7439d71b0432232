// Every citation in a 送审稿 checked against the library as it stood on the review date: the
// article mentions the detector finds (《…》第X条, 本法…, ranges, lists), the laws named in the
// 制定依据 ("根据《A》《B》等法律法规，制定本办法"), the draft's references to itself (本办法第X条),
// an explicit version ("（2009年修订）") and quoted text ("依照…第X条规定：“…”"). Each mention
// ends as resolved, internal, or reported with a finding — none is dropped.

import { partLabel, type ArticlePart } from '../../shared/article-part';
import type { Article } from '../../shared/law-model';
import { paragraphsFromText } from '../../shared/law-text';
import { displayTitle } from '../../shared/law-model';
import type { Basis, DraftCitation, Finding, Severity } from '../../shared/review-workbench';
import type { LibraryStore } from '../library/library-store';
import { detectCitations } from '../records/citation-detect';
import { titleKey } from '../library/law-lookup';
import { citeArticle, LIBRARY_LACKS, lawByName, officePlace, placeLeftOut, versionOnDate } from '../records/citation-resolve';
import type { Citation } from '../records/record-types';
import { NUMERAL_CHARS, parseChineseNumber } from '../text/chinese-numerals';
import { toChineseNumber } from '../../shared/chinese-number';
import { flagCitation } from '../versions/version-compare';
import { selfWord, splitSentences } from './draft-sentences';
import { findingId } from './finding-id';
import { repealedLaw, repealedLawFinding } from './repealed-laws';

/** A basis that is a drafted text (征求意见稿, 送审稿, 草案): never in force, so never a basis — not a law still to come. */
const draftBasisReason = (why: string) => `${why}：征求意见稿、送审稿等草案不是现行有效的法律、法规或规章，不能作为制定依据。`;
const DRAFT_BASIS_SUGGESTION = '删除该依据，或改引现行有效的规定；草案正式公布施行后，再按公布的文本引用';

/** A draft citing its own article, 款 or 项 that it does not have (本办法第二十条 in a draft of twelve; 前条 in its first article). */
const INTERNAL_MISSING = { rule: 'citation-internal-missing', ruleName: '引用本文件不存在的条文', severity: '必须修改', category: '内容' } as const;

const N = `[${NUMERAL_CHARS}]+`;
/** Titles of legal and policy documents (a 书名号 title not ending so is a form, certificate, book …). */
const LEGAL_DOC = /(?:法|法典|条例|规定|办法|细则|规则|决定|通知|意见|措施|纲要|规划|方案|指引|准则|标准|公约|决议)(?:（[^）]*）)?$/;
/** What follows a 《…》 the draft repeals or replaces (《…》（高科发〔2021〕5号）同时废止, 《甲》《乙》停止执行). */
const REPEALED_HERE = /^(?:[、和及与]?《[^》]{1,60}》|[（(][^）)]{0,40}[）)])*[，,]?(?:同时|即行|一并|自行|予以)?(?:废止|停止执行|不再执行|失效)/u;

/** An item number as drafts write it: （三）, (3), 三. */
const ITEM_NO = `[（(]?${N}[)）]?`;
/**
 * 前条 / 前两条 / 本条第二款 / 前款第（三）项、第（四）项 / 本款第三项 in a draft: its own articles and their parts, never a
 * law's (the detector reads them only in a law's text, where it knows the article). Not 前条件, 本条例, 本条款 (a contract's
 * "this clause"), 款项 (funds), nor after 目前/当前/提前/此前/之前/事前… (前 is then no ordinal).
 */
const DRAFT_OWN_REF = new RegExp(
  `(?<![目当提此之事空眼年日])(前([两二三四五])?条|本条|前([两二三四五])?款|本款)(?![件例款项])(?:第(${N})款)?(?:第(${ITEM_NO}(?:项?[、至和]第?${ITEM_NO})*)项)?`,
  'g',
);

/** Where a draft names one of its own articles (本办法第十三条, 前条, 前款第（二）项): the finding on that sentence links it. */
export interface OwnReference {
  unitKey: string;
  start: number;
  end: number;
  target: { key: string; label: string };
}

export interface CitationCheck {
  findings: Finding[];
  citations: DraftCitation[];
  /** The draft's references to its own articles, by position (the article it stands in, offsets in its text). */
  ownReferences: OwnReference[];
}

/** The numbers of 三, （一）至（三）, （一）、（三）和（五）. */
function itemNumbers(written: string): number[] {
  const out: number[] = [];
  for (const piece of written.split(/[、和]/)) {
    const ends = piece.split('至').map((x) => parseChineseNumber(x.replace(/[（()）第项\s]/g, '')));
    if (ends.some((x) => !x)) continue;
    const [from, to] = [ends[0]!, ends.at(-1)!];
    for (let k = from; k <= Math.min(to, from + 30); k++) out.push(k);
  }
  return out;
}

/** The 款 (1-based) a position of an article's text stands in: each line that is no item (（一）…) begins one. */
function paragraphOfPosition(text: string, pos: number): number {
  const before = text.slice(0, pos).split('\n');
  return Math.max(1, paragraphsFromText(before.join('\n')).length);
}

interface OwnTarget extends ArticlePart {
  unit: Article;
}

/**
 * The draft's own articles `written` (a DRAFT_OWN_REF match at `start` of `articles[at]`) names, or why it names nothing
 * there (前条 in the first article, a 项 its 款 lacks). Undefined for 本条 / 本款 alone: the sentence's own article.
 */
function ownTargets(articles: readonly Article[], at: number, m: RegExpMatchArray): { targets: OwnTarget[]; missing?: string } | undefined {
  const unit = articles[at]!;
  const word = m[1]!;
  const paragraph = m[4] ? parseChineseNumber(m[4]) : undefined;
  const items = m[5] ? itemNumbers(m[5]) : [];
  const back = (w: string | undefined) => (w ? parseChineseNumber(w) : 1);
  let base: OwnTarget[];
  if (word.endsWith('条')) {
    if (word === '本条') {
      if (!paragraph && !items.length) return undefined;
      base = [{ unit }];
    } else {
      const n = back(m[2]);
      if (at - n < 0) return { targets: [], missing: `${unit.label}之前没有${n === 1 ? '条文' : `${n}条`}` };
      base = articles.slice(at - n, at).map((u) => ({ unit: u }));
    }
    if (paragraph) base.at(-1)!.paragraph = paragraph;
  } else {
    const here = paragraphOfPosition(unit.text, m.index!);
    if (word === '本款') {
      if (!items.length) return undefined;
      base = [{ unit, paragraph: here }];
    } else {
      const n = back(m[3]);
      // 前款 in an article's first 款: its 款 were not told apart (a pasted text), so which 款 is not known — the article itself
      if (here - n < 1) return { targets: [{ unit }] };
      base = Array.from({ length: n }, (_, i) => ({ unit, paragraph: here - n + i }));
    }
  }
  const last = base.at(-1)!;
  const paragraphs = paragraphsFromText(last.unit.text);
  if (last.paragraph && last.paragraph > paragraphs.length) {
    return { targets: [], missing: `${last.unit.label}只有 ${paragraphs.length} 款，没有第${toChineseNumber(last.paragraph)}款` };
  }
  if (items.length) {
    // 本条第（三）项 without its 款: the 款 with a list (the first, when several have one)
    const listed = last.paragraph ? paragraphs[last.paragraph - 1] : paragraphs.find((p) => p.items.length);
    const count = listed?.items.length ?? 0;
    const over = items.find((k) => k > count);
    if (over) {
      const where = `${last.unit.label}${last.paragraph && paragraphs.length > 1 ? `第${toChineseNumber(last.paragraph)}款` : ''}`;
      return { targets: [], missing: count ? `${where}只有 ${count} 项，没有第（${toChineseNumber(over)}）项` : `${where}没有分项列举，没有第（${toChineseNumber(over)}）项` };
    }
    return { targets: [...base.slice(0, -1), ...items.map((item) => ({ ...last, item }))] };
  }
  return { targets: base };
}

const norm = (s: string) => s.replace(/[\s\u3000，。；：、,.;:“”"‘’'（）()《》【】]/g, '');

function basisOf(c: Citation): Basis {
  return { lawId: c.lawId, versionId: c.versionId, articleKey: c.articleKey, citation: c.citation, text: c.textSnapshot };
}

function isRepealed(store: LibraryStore, lawId: string): boolean {
  const law = store.law(lawId);
  if (!law) return false;
  const versions = law.versionIds.map((id) => store.version(id)).filter((v) => !!v);
  return versions.length > 0 && versions.every((v) => v!.expired || v!.status === '已废止');
}

/**
 * “《中华人民共和国行政处罚法》（2021年公布的版本）共 86 条，没有第九十条” when the library's latest version of the law
 * `lawText` names lacks the article `label` — undefined when it has it, or the law is not found.
 */
function latestLacking(store: LibraryStore, lawText: string | undefined, label: string, officeRegion?: string): string | undefined {
  const name = lawText?.replace(/^《|》$/g, '').replace(/[（(][^）)]*[）)]$/, '');
  const art = /^第(.+?)条(?:之(.+))?/.exec(label);
  if (!name || !art) return undefined;
  const law = lawByName(store, name, 'cited', officePlace(officeRegion));
  if (!law.ok) return undefined;
  const versions = law.value.versionIds.map((id) => store.version(id)).filter((v) => !!v);
  const newest = versions.sort((a, b) => (a!.published || a!.effective || a!.id).localeCompare(b!.published || b!.effective || b!.id)).at(-1);
  if (!newest) return undefined;
  const n = parseChineseNumber(art[1]!);
  const suffix = art[2] ? parseChineseNumber(art[2]) : 0;
  const articles = store.loadVersion(newest.id).units.filter((u) => u.kind === 'article');
  if (articles.some((u) => u.number === n && u.suffix === suffix)) return undefined;
  const max = articles.reduce((k, u) => Math.max(k, u.number), 0);
  const when = newest.published || newest.effective;
  return `《${newest.title}》${when ? `（${when.slice(0, 4)}年${newest.published ? '公布' : '施行'}的版本）` : ''}共 ${max} 条，没有${label.replace(/第.+?款.*$/, '')}`;
}

/** A title as the laws loop keys it: 《X》, whether the mention carried its 书名号 or not. */
const bracketed = (title: string): string => `《${title.replace(/^《|》$/g, '')}》`;

/** Where a draft cites a law the library lacks: the article, and the law's articles it names there (none: named bare). */
interface MissingPlace {
  unitKey: string;
  label: string;
  cited: string[];
}

/** 第二条、第五条（所引第十条、第十二条）: every place a missing law is cited, in the draft's order. */
function placesText(places: readonly MissingPlace[]): string {
  return places.map((p) => (p.cited.length ? `${p.label}（所引${p.cited.join('、')}）` : p.label)).join('、');
}

/**
 * `resolve` links a basis the check names (the provision repealing a law) to the library's article. `officeRegion` (单位信息's)
 * reads 《省专利条例》 as the office's own province's.
 */
export function checkCitations(store: LibraryStore, units: Article[], title: string, asOf: string, resolve?: (ref: { law: string; article: string }) => Basis, officeRegion?: string): CitationCheck {
  const findings: Finding[] = [];
  const citations: DraftCitation[] = [];
  const ownReferences: OwnReference[] = [];
  const self = selfWord(title);
  const selfRef = new RegExp(`本${self}(?:第${N}条(?:之${N})?(?:第${N}款)?(?:第[（(]?${N}[)）]?项)?(?:(?:、|和|及|至|到|或者|以及)第?${N}条(?:之${N})?)*)`, 'g');
  const ownArticles = units.filter((u) => u.kind === 'article' || u.kind === 'section');
  const articleNumbers = new Set(ownArticles.map((u) => u.number));
  // laws already reported: by id, or (a law the library lacks) by its title in 《》 as written
  const reportedLaws = new Set<string>();
  // A law the library lacks is one finding, wherever and however often the draft cites it (named bare in 第二条, by article
  // in 第五条, in either order): keyed by the title looked for — the place left out completed, 中华人民共和国 and a version
  // note dropped — its finding says every article citing it once there is more than one.
  const missingLaws = new Map<string, { finding: Finding; reason: string; places: MissingPlace[] }>();
  const missingKey = (written: string) => {
    const name = written.replace(/^《|》$/g, '').replace(/[（(][^）)]*[）)]$/, '');
    return titleKey(placeLeftOut(name, officeRegion)?.name ?? name);
  };
  /** Adds where `unit` cites the missing law (`cited`: the article named, if any); undefined when it is not known yet. */
  const citedAgain = (key: string, unit: Article, cited?: string): string | undefined => {
    const known = missingLaws.get(key);
    if (!known) return undefined;
    const place = known.places.find((p) => p.unitKey === unit.key);
    if (!place) known.places.push({ unitKey: unit.key, label: unit.label, cited: cited ? [cited] : [] });
    else if (cited && !place.cited.includes(cited)) place.cited.push(cited);
    if (known.places.length > 1 || known.places[0]!.cited.length > 1) known.finding.reason = `${known.reason}送审稿${placesText(known.places)}均引用该法规。`;
    return known.finding.id;
  };
  const firstMissing = (key: string, unit: Article, fid: string, cited?: string) => {
    const finding = findings.at(-1)!; // the one `add` just made (ids are not unique across articles)
    if (finding.id !== fid) return;
    missingLaws.set(key, { finding, reason: finding.reason, places: [{ unitKey: unit.key, label: unit.label, cited: cited ? [cited] : [] }] });
  };
  // 《中华人民共和国合同法》 the library never held: repealed by name in a later law, so no basis.
  const repealedIds = new Map<string, string>();
  const reportRepealed = (unit: Article, written: string, start: number, end: number): string | undefined => {
    const known = repealedIds.get(written);
    if (known) return known;
    const law = repealedLaw(written, asOf);
    if (!law) return undefined;
    reportedLaws.add(bracketed(written));
    const { reason, suggestion, basis } = repealedLawFinding(law, written, resolve?.(law.by));
    const id = add({ rule: 'citation-repealed', ruleName: '依据的法规已废止', severity: '必须修改', category: '权限', article: { key: unit.key, label: unit.label }, excerpt: written, reason, suggestion, bases: [basis] }, unit, start, end);
    repealedIds.set(written, id);
    return id;
  };

  const add = (f: Omit<Finding, 'id' | 'source' | 'basis'> & { basis?: Basis | null }, unit: Article, start: number, end: number) => {
    const sentences = splitSentences(unit.text);
    const sentence = Math.max(0, sentences.findIndex((s) => start >= s.start && start < s.end + 1));
    const finding: Finding = {
      ...f,
      id: findingId(f.rule, unit.key, f.excerpt),
      source: 'citation',
      basis: f.basis ?? f.bases[0] ?? null,
      sentence,
      start,
      end,
    };
    findings.push(finding);
    return finding.id;
  };
  const checkInternal = (unit: Article, written: string, start: number) => {
    for (const m of written.matchAll(new RegExp(`第(${N})条`, 'g'))) {
      const n = parseChineseNumber(m[1]!);
      const article = { key: unit.key, label: unit.label };
      if (articleNumbers.has(n)) {
        const target = ownArticles.find((u) => u.number === n && !u.suffix) ?? ownArticles.find((u) => u.number === n)!;
        citations.push({ article, text: `本${self}${m[0]}`, status: 'internal', articleKey: target.key, citation: `送审稿${target.label}` });
        const at = start + (m.index ?? 0);
        ownReferences.push({ unitKey: unit.key, start: at, end: at + m[0].length, target: { key: target.key, label: target.label } });
        continue;
      }
      const id = add(
        {
          ...INTERNAL_MISSING,
          bases: [],
          article,
          excerpt: written,
          reason: `送审稿引用本${self}${m[0]}，但送审稿共 ${articleNumbers.size} 条，没有这一条。`,
          suggestion: '核对条文序号，改为实际引用的条文',
        },
        unit,
        start,
        start + written.length,
      );
      citations.push({ article, text: `本${self}${m[0]}`, status: 'reported', findingId: id });
    }
  };

  for (const unit of units) {
    const article = { key: unit.key, label: unit.label };
    // References to the draft itself are checked here, then hidden (same length) from the detector,
    // which would otherwise read 本办法 as the last law named before it.
    const selfMasked = unit.text.replace(selfRef, (m, offset: number) => {
      checkInternal(unit, m, offset);
      return '＿'.repeat(m.length);
    });
    // 前条 / 本条第二款 / 前款第（三）项: the draft's own articles, checked here and hidden from the detector as 本办法 is
    // (a bare 第（三）项 after 前款第（二）项、 would be read as a part of a law cited earlier in the sentence)
    const at = ownArticles.indexOf(unit);
    const masked = at < 0 ? selfMasked : selfMasked.replace(DRAFT_OWN_REF, (...args) => {
      const m = Object.assign([...args.slice(0, 6)], { index: args[6] as number }) as unknown as RegExpMatchArray;
      const written = m[0];
      const start = m.index!;
      const read = ownTargets(ownArticles, at, m);
      if (!read) return written;
      if (read.missing) {
        const id = add(
          {
            ...INTERNAL_MISSING,
            bases: [],
            article,
            excerpt: written,
            reason: `送审稿${unit.label}所引“${written}”不存在：${read.missing}。`,
            suggestion: '核对所引条文、款、项的序号，改为实际引用的条文',
          },
          unit,
          start,
          start + written.length,
        );
        citations.push({ article, text: written, status: 'reported', findingId: id });
      }
      for (const t of read.targets) {
        citations.push({ article, text: written, status: 'internal', articleKey: t.unit.key, citation: `送审稿${t.unit.label}${partLabel(t)}` });
        if (!ownReferences.some((r) => r.unitKey === unit.key && r.start === start && r.target.key === t.unit.key)) {
          ownReferences.push({ unitKey: unit.key, start, end: start + written.length, target: { key: t.unit.key, label: t.unit.label } });
        }
      }
      return '＿'.repeat(written.length);
    });
    const det = detectCitations(store, masked, asOf, undefined, undefined, officeRegion ? { officeRegion } : {});
    const lawsWithArticles = new Set<string>();

    for (const m of det.mentions) {
      const excerpt = unit.text.slice(Math.max(0, m.start - (m.lawText?.length ?? 0) - 2), m.end).replace(/^[，。；]/, '');
      if (m.status === 'resolved' && m.citation) {
        const c = m.citation;
        lawsWithArticles.add(c.lawId);
        const resolved: DraftCitation = { article, text: `${m.lawText ?? ''}${m.label}`, status: 'resolved', citation: c.citation, lawId: c.lawId, versionId: c.versionId, articleKey: c.articleKey };
        let fid: string | undefined;
        if (isRepealed(store, c.lawId)) {
          fid = add({ rule: 'citation-repealed', ruleName: '引用已废止的法规', severity: '必须修改', category: '内容', article, excerpt, reason: `所引${c.citation}所属法规已废止，不能作为依据。`, bases: [basisOf(c)], suggestion: '删除该引用，或改引现行有效的规定' }, unit, m.start, m.end);
        } else if (m.partMissing && m.warning) {
          // 第三十九条第三款 of an article of two 款, 第十二条第（七）项 of one of six items: the detector links the
          // whole article and says what it left out (the link graph's EDGE_PART_MISSING); here it is the draft's error.
          const what = m.warning.replace(/，已链接到整条$/, '');
          fid = add(
            {
              rule: 'citation-part-missing',
              ruleName: '所引款、项不存在',
              severity: '必须修改',
              category: '内容',
              article,
              excerpt,
              reason: `“${excerpt}”：审查日 ${asOf} 施行的${what}，所引款、项序号有误。`,
              bases: [basisOf(c)],
              suggestion: `按${c.citation}的条文核对所引的款、项，改为实际引用的款、项`,
            },
            unit,
            m.start,
            m.end,
          );
        } else {
          fid = checkVersionTag(m, c) ?? checkQuote(m, c);
        }
        citations.push(fid ? { ...resolved, status: 'reported', findingId: fid } : resolved);
        continue;
      }
      // 物业管理条例第十条 written without 书名号, of a 《物业管理条例》 the draft names elsewhere: the law the library lacks, not
      // some other document (the detector reads only held laws' names bare)
      const namedElsewhere = m.reasonKind === 'other-document' && m.lawText && LEGAL_DOC.test(m.lawText) && units.some((u) => u.text.includes(`《${m.lawText}》`));
      const reason = namedElsewhere ? `资料库中没有《${m.lawText}》` : (m.reason ?? '无法解析');
      // what the reason says is read from its kind, set where it was made: the words may be reworded
      const kind = namedElsewhere ? 'law-missing' : m.reasonKind;
      if (m.via === 'none' && kind === 'no-law-named') {
        // a bare 第X条 with no law named: the draft's own article
        checkInternal(unit, m.label, m.start);
        continue;
      }
      let severity: Severity = '需核实';
      let rule = 'citation-unresolved';
      let ruleName = '引用无法核对';
      if (kind === 'article-missing') {
        severity = '必须修改';
        rule = 'citation-article-missing';
        ruleName = '所引条文不存在';
      } else if (kind === 'draft-only') {
        // 《…（征求意见稿）》第五条: a drafted text's article is no rule in force on any day, nor one to come
        severity = '必须修改';
        rule = 'citation-draft';
        ruleName = '引用草案的条文';
      } else if (kind === 'not-yet-in-force') {
        severity = '必须修改';
        rule = 'citation-not-in-force';
        ruleName = '所引法规尚未施行';
      } else if (kind === 'version-missing') {
        rule = 'citation-version-missing';
        ruleName = '所引版本不在资料库中';
      } else if (kind === 'law-missing') {
        rule = 'citation-law-missing';
        ruleName = '所引法规不在资料库中';
      } else if (kind === 'other-document' || kind === 'own-document') {
        severity = '提示';
        rule = 'citation-other-document';
        ruleName = '引用其他文件的条文';
      }
      // An article number no version at hand has: say what the latest version in the library holds, so
      // a number left over from before a revision (第九十条 of a law now of 86 articles) is caught even
      // when the library keeps one version only and the draft names another.
      if (rule === 'citation-law-missing' && m.lawText) {
        const from = Math.max(0, unit.text.lastIndexOf(m.lawText, m.start));
        const repealed = reportRepealed(unit, m.lawText, from, from + m.lawText.length);
        if (repealed) {
          citations.push({ article, text: `${m.lawText}${m.label}`, status: 'reported', findingId: repealed });
          continue;
        }
        // the article's finding says the law is missing (and which completed name was tried): the laws loop below
        // does not report the same law again as named
        reportedLaws.add(bracketed(m.lawText));
        const again = citedAgain(missingKey(m.lawText), unit, m.label);
        if (again) {
          citations.push({ article, text: `${m.lawText}${m.label}`, status: 'reported', findingId: again });
          continue;
        }
      }
      const latest = rule === 'citation-article-missing' || rule === 'citation-version-missing' ? latestLacking(store, m.lawText, m.label, officeRegion) : undefined;
      if (latest) {
        severity = '必须修改';
        if (rule === 'citation-version-missing') {
          rule = 'citation-article-missing';
          ruleName = '所引条文不存在';
        }
      }
      // What the library lacks is the adviser's to fix (import it), not the drafting unit's: the 意见书
      // asks the unit to check the citation, the workbench says why it could not be checked here.
      const libraryLacks = !!kind && LIBRARY_LACKS.has(kind);
      const unchecked = libraryLacks && !latest;
      const wording = latest
        ? { reason: `“${excerpt}”：${latest}，条文序号可能是修订前的，请按现行版本核对所引条文。`, hint: `这是资料库中该法规最新的版本${libraryLacks ? `；${reason}` : ''}。` }
        : unchecked
        ? { reason: `未能核实“${excerpt}”，请确认所引法规的名称、版本和条文序号准确，且现行有效。`, hint: `${reason}：导入该法规（或该版本）后重新预审即可核对。` }
        : rule === 'citation-draft'
        ? { reason: `“${excerpt}”：${draftBasisReason(reason)}` }
        : { reason: `“${excerpt}”：${reason}。` };
      // an article the law lacks is text to change: the 对照表 row says what to change it to
      const fix =
        rule === 'citation-article-missing'
          ? { suggestion: '按现行版本核对所引条文，改为实际引用的条文序号' }
          : rule === 'citation-draft'
            ? { suggestion: DRAFT_BASIS_SUGGESTION }
            : {};
      const fid = add({ rule, ruleName, severity, category: '内容', article, excerpt, ...wording, ...fix, bases: [] }, unit, m.start, m.end);
      if (rule === 'citation-law-missing' && m.lawText) firstMissing(missingKey(m.lawText), unit, fid, m.label);
      citations.push({ article, text: `${m.lawText ?? ''}${m.label}`, status: 'reported', findingId: fid });
    }

    // Laws named without an article (制定依据 and the like): in the library, and in force that day?
    for (const law of det.laws) {
      const written = unit.text.slice(law.start, law.end);
      if (written.startsWith('《') === false) continue; // bare names are only read with an article
      // 《高青县科技服务机构资格证》, 《申请表》: a certificate or form in 书名号 is not a legal document
      if (!law.lawId && !LEGAL_DOC.test(written.slice(1, -1))) continue;
      // 《高青县科学技术奖励办法》同时废止: the document this draft replaces is no basis to check
      if (REPEALED_HERE.test(unit.text.slice(law.end))) continue;
      if (law.lawId && lawsWithArticles.has(law.lawId)) continue;
      const key = law.lawId ?? bracketed(written);
      // a law the library lacks, named bare after an earlier article cited it (bare or by article): that finding, this
      // article listed in it (named again in the same article: nothing more)
      const known = law.lawId ? undefined : missingLaws.get(missingKey(written));
      if (known) {
        if (!known.places.some((p) => p.unitKey === unit.key)) citations.push({ article, text: written, status: 'reported', findingId: citedAgain(missingKey(written), unit)! });
        continue;
      }
      if (reportedLaws.has(key)) continue;
      const base = { article, excerpt: written, category: '权限' as const };
      if (!law.lawId) {
        const repealed = reportRepealed(unit, written, law.start, law.end);
        if (repealed) {
          citations.push({ article, text: written, status: 'reported', findingId: repealed });
          continue;
        }
        if (law.reasonKind === 'law-ambiguous') {
          reportedLaws.add(key);
          const fid = add({ ...base, rule: 'citation-law-ambiguous', ruleName: '所引法规名称不明确', severity: '需核实', reason: `${written}：${law.reason}。`, bases: [] }, unit, law.start, law.end);
          citations.push({ article, text: written, status: 'reported', findingId: fid });
          continue;
        }
        reportedLaws.add(key);
        // 《市物业管理条例》 read as the office's city's: say the title looked for, as the article's finding does
        const tried = law.reasonKind === 'law-missing' ? placeLeftOut(written.slice(1, -1), officeRegion) : undefined;
        const missing = tried ? `${written}（按单位所在${tried.level}补全为《${tried.name}》）` : written;
        const fid = add({ ...base, rule: 'citation-law-missing', ruleName: '所引法规不在资料库中', severity: '需核实', reason: `未能核实${written}的名称、效力和现行版本，请确认名称准确、现行有效。`, hint: `${missing}不在资料库中：导入后重新预审即可核对所引条文。`, bases: [] }, unit, law.start, law.end);
        firstMissing(missingKey(written), unit, fid);
        citations.push({ article, text: written, status: 'reported', findingId: fid });
        continue;
      }
      const lawRec = store.law(law.lawId)!;
      const v = versionOnDate(store, law.lawId, asOf);
      const lawBasis: Basis = v.ok ? { lawId: law.lawId, versionId: v.value.id, citation: `《${v.value.title}》` } : { lawId: law.lawId, citation: `《${lawRec.title}》` };
      if (isRepealed(store, law.lawId)) {
        reportedLaws.add(key);
        const fid = add({ ...base, rule: 'citation-repealed', ruleName: '依据的法规已废止', severity: '必须修改', reason: `《${displayTitle(lawRec)}》已废止，不能作为制定依据。`, bases: [lawBasis], suggestion: `删除${written}，或改为现行有效的依据` }, unit, law.start, law.end);
        citations.push({ article, text: written, status: 'reported', findingId: fid });
      } else if (!v.ok && v.kind === 'draft-only') {
        // 根据《…条例（征求意见稿）》: the basis is a drafted text, not a law that is yet to come into force
        reportedLaws.add(key);
        const fid = add({ ...base, rule: 'citation-draft', ruleName: '依据的是草案', severity: '必须修改', reason: draftBasisReason(v.reason), bases: [lawBasis], suggestion: DRAFT_BASIS_SUGGESTION }, unit, law.start, law.end);
        citations.push({ article, text: written, status: 'reported', findingId: fid });
      } else if (!v.ok) {
        reportedLaws.add(key);
        const fid = add({ ...base, rule: 'citation-not-in-force', ruleName: '依据的法规尚未施行', severity: '必须修改', reason: `${v.reason}，审查日 ${asOf} 不能作为依据。`, bases: [lawBasis] }, unit, law.start, law.end);
        citations.push({ article, text: written, status: 'reported', findingId: fid });
      } else {
        citations.push({ article, text: written, status: 'resolved', citation: `《${v.value.title}》`, lawId: law.lawId, versionId: v.value.id });
      }
    }

    // （2009年修订）after the title: the detector resolves that version; flag it when it is not the
    // one in force on the review date, with the article it became (renumbered articles followed).
    function checkVersionTag(m: (typeof det.mentions)[number], c: Citation): string | undefined {
      const inForce = versionOnDate(store, c.lawId, asOf);
      if (!inForce.ok || inForce.value.id === c.versionId) return undefined;
      const cited = store.version(c.versionId)!;
      const year = (cited.published || cited.effective || '').slice(0, 4);
      const flag = flagCitation(store, { lawId: c.lawId, versionId: c.versionId, articleKey: c.articleKey });
      const units = store.loadVersion(inForce.value.id).units;
      const to = units.find((u) => u.key === (flag.currentVersionId === inForce.value.id && flag.currentKey ? flag.currentKey : c.articleKey));
      const cur = to ? citeArticle(store, inForce.value.id, to.number, to.suffix) : undefined;
      const from = m.lawText ? Math.max(0, unit.text.lastIndexOf(m.lawText, m.start)) : m.start;
      const now = cur?.ok ? cur.value.citation : `《${inForce.value.title}》（${inForce.value.published || inForce.value.effective}）`;
      return add(
        {
          rule: 'citation-superseded',
          ruleName: '引用已被修改的版本',
          severity: '必须修改',
          category: '内容',
          article,
          excerpt: unit.text.slice(from, m.end),
          reason: `送审稿引用${year}年版本的${c.label}，审查日 ${asOf} 施行的是${now}${cur?.ok && cur.value.textHash !== c.textHash ? '（条文内容已变化）' : ''}${to && to.label !== c.label ? `（条文序号已变为${to.label}）` : ''}${!to ? `（${flag.reason}）` : ''}，应引用现行版本。`,
          bases: [basisOf(c)],
          ...(cur?.ok ? { current: basisOf(cur.value) } : {}),
          suggestion: cur?.ok ? `改为引用${cur.value.citation}，并按现行条文核对表述` : '按现行版本重新确定所引条文',
        },
        unit,
        m.start,
        m.end,
      );
    }

    // “…” right after the citation: must be the cited article's text (or part of it).
    function checkQuote(m: (typeof det.mentions)[number], c: Citation): string | undefined {
      const after = masked.slice(m.end, m.end + 12);
      const open = /^(?:的)?(?:规定)?[：:，,]?\s*[“「]/.exec(after);
      if (!open) return undefined;
      const qStart = m.end + open[0].length;
      const qEnd = masked.indexOf(masked[qStart - 1] === '「' ? '」' : '”', qStart);
      if (qEnd < 0) return undefined;
      const quote = masked.slice(qStart, qEnd);
      if (norm(quote).length < 4 || norm(c.textSnapshot).includes(norm(quote))) return undefined;
      // Quoted from an older version of the law?
      const law = store.law(c.lawId)!;
      for (const vid of law.versionIds) {
        if (vid === c.versionId) continue;
        const old = store.loadVersion(vid).units.find((u) => u.kind === 'article' && norm(u.text).includes(norm(quote)));
        if (!old) continue;
        const oldCite = citeArticle(store, vid, old.number, old.suffix);
        if (!oldCite.ok) continue;
        const flag = flagCitation(store, { lawId: c.lawId, versionId: vid, articleKey: old.key });
        const cur = flag.currentVersionId && flag.currentKey ? citeArticle(store, flag.currentVersionId, store.loadVersion(flag.currentVersionId).units.find((u) => u.key === flag.currentKey)!.number, store.loadVersion(flag.currentVersionId).units.find((u) => u.key === flag.currentKey)!.suffix) : undefined;
        return add(
          {
            rule: 'citation-superseded',
            ruleName: '引用已被修改的版本',
            severity: '必须修改',
            category: '内容',
            article,
            excerpt: unit.text.slice(m.start, qEnd + 1),
            reason: `引文出自${oldCite.value.citation}，该版本已被修改（${flag.reason}）；审查日 ${asOf} 施行的${c.citation}内容不同。`,
            bases: [basisOf(oldCite.value)],
            ...(cur?.ok ? { current: basisOf(cur.value) } : { current: basisOf(c) }),
            suggestion: `按现行${cur?.ok ? cur.value.citation : c.citation}改写引文`,
          },
          unit,
          m.start,
          qEnd + 1,
        );
      }
      const elsewhere = store.loadVersion(c.versionId).units.find((u) => u.kind === 'article' && norm(u.text).includes(norm(quote)));
      return add(
        {
          rule: 'citation-quote-mismatch',
          ruleName: '引文与所引条文不符',
          severity: '必须修改',
          category: '内容',
          article,
          excerpt: unit.text.slice(m.start, qEnd + 1),
          reason: `引号中的文字不是${c.citation}的原文${elsewhere ? `，而是同一法规${elsewhere.label}的内容，条文序号有误` : ''}。`,
          bases: [basisOf(c)],
          suggestion: `按${c.citation}原文引用，或去掉引号改为概括表述`,
        },
        unit,
        m.start,
        qEnd + 1,
      );
    }
  }
  return { findings, citations, ownReferences };
}
