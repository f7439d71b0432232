// `lawdesk links <法规> [条文] [--in|--out]`: the link graph (法条联想) of a law — what it cites,
// who cites it from other laws (被引用), and its 上位法 / 实施 / 下位法 / 司法解释 / 相关法规.
// The graph is brought up to date first (incrementally; the first run builds it).

import { displayTitle, articleKey } from '../../shared/law-model';
import { partLabel } from '../../shared/article-part';
import { findOneLaw, parseArticleRef } from '../../core/library/law-lookup';
import { refreshLinks } from '../../core/links/link-graph';
import { affectedLaws, currentVersionOf, lawRelations, linksIn, linksOut, orderCitedBy, type LinkRow } from '../../core/links/link-queries';
import { officeRegionIn } from '../../core/office/office-region';
import { type Command, UsageError, libraryOption, openForCli, parse, printJson, progressDone, linksProgressLine } from '../cli-support';

const usage = 'lawdesk links <标题|id> [第十二条|12|12之一] [--in|--out|--affected] [--library DIR] [--json]';

const line = (r: LinkRow, side: 'from' | 'to') => {
  const x = r[side];
  // the 款/项 written (前款, 本条第一款, 第二款第（三）项): without them an article's references to its own 款 read as
  // the article citing itself
  const parts = side === 'to' && r.parts?.length ? r.parts.map(partLabel).join('、') : '';
  return `  ${x.title} ${x.label}${parts}  [${x.level}·${x.region}] ${x.versionId}${r.approx ? '（引用时尚未施行，链接到最早版本）' : ''}${side === 'to' && r.partMissing ? '（所引款、项在该条中没有，链接到整条）' : ''}\n`;
};

/** Writes the lines in order, a run of the same line once with （N 处）. */
function writeCounted(lines: readonly string[]): void {
  for (let i = 0; i < lines.length; ) {
    let j = i + 1;
    while (j < lines.length && lines[j] === lines[i]) j++;
    process.stdout.write(j - i > 1 ? `${lines[i]!.replace(/\n$/, '')}（${j - i} 处）\n` : lines[i]!);
    i = j;
  }
}

export const linksCommand: Command = {
  summary: '法条联想：法规或条文引用了哪些条文、被哪些法规引用，及其上位法、实施细则、司法解释、相关法规',
  usage,
  async run(argv) {
    const { values, positionals } = parse(argv, { ...libraryOption, json: { type: 'boolean' }, in: { type: 'boolean' }, out: { type: 'boolean' }, affected: { type: 'boolean' } }, usage);
    const [query, articleText] = positionals;
    if (!query) throw new UsageError(`请给出法规标题或 id\n用法：${usage}`);
    const store = await openForCli(values.library, !!values.json);
    const law = findOneLaw(store, query);
    let key: string | undefined;
    if (articleText) {
      const ref = parseArticleRef(articleText);
      if (!ref) throw new UsageError(`看不懂条文号“${articleText}”：请写 第十二条、12 或 12之一`);
      key = articleKey(ref.number, ref.suffix);
    }
    const { graph: g } = await refreshLinks(store, { onProgress: values.json ? () => {} : linksProgressLine });
    if (!values.json) progressDone();
    const version = currentVersionOf(store, law)!;
    if (values.affected) {
      // 受影响: other laws citing an article of this law that was amended, renumbered or deleted since
      const rows = affectedLaws(store, g, law.id, officeRegionIn(store.dir));
      if (values.json) printJson({ lawId: law.id, title: law.title, affected: rows });
      else {
        process.stdout.write(`引用《${displayTitle(law)}》已变化条文的法规 ${rows.length} 处：\n`);
        for (const r of rows) process.stdout.write(`  ${r.from.title} ${r.from.label} → ${r.to.label}（${r.to.versionId}）[${r.flag.color === 'red' ? '红' : '黄'}] ${r.flag.reason}\n`);
      }
      return 0;
    }
    const both = !values.in && !values.out;
    const out = values.out || both ? linksOut(store, g, version.id, key) : [];
    const incoming = values.in || both ? orderCitedBy(linksIn(store, g, law.id, key), officeRegionIn(store.dir)) : [];
    const relations = key ? undefined : lawRelations(store, g, law.id);
    if (values.json) {
      printJson({ lawId: law.id, title: law.title, versionId: version.id, ...(key ? { articleKey: key } : {}), ...(values.in ? {} : { out }), ...(values.out ? {} : { in: incoming }), ...(relations ? { relations } : {}) });
      return 0;
    }
    const head = `《${displayTitle(law)}》${key ? articleText : ''}（${version.id}）`;
    if (values.out || both) {
      process.stdout.write(`${head} 引用 ${out.length} 处：\n`);
      // one line per place cited; the same reference written twice in an article (本条第一款 in two 款) is one line with its count
      writeCounted(out.map((r) => `${key ? '' : `${r.from.label} →`}${line(r, 'to')}`));
    }
    if (values.in || both) {
      process.stdout.write(`${head} 被其他法规引用 ${incoming.length} 处：\n`);
      // a citation of another version names that version's article number: say which version
      const cited = (r: LinkRow) => (r.to.versionId === version.id ? r.to.label : `${r.to.label}（${store.version(r.to.versionId)?.published || r.to.versionId} 版）`);
      for (const r of incoming) process.stdout.write(`${key ? (r.to.versionId === version.id ? '' : `  引用的是 ${cited(r)}：\n`) : `${cited(r)} ←`}${line(r, 'from')}`);
    }
    if (relations) {
      const list = (name: string, xs: { title: string; level: string; region: string; why: string }[]) =>
        process.stdout.write(`${name}：${xs.length ? xs.map((x) => `${x.title}（${x.level}·${x.region}；${x.why}）`).join('、') : '无'}\n`);
      list('上位法', relations.upper);
      list('实施条例/办法/细则', relations.implementing);
      list('下位法', relations.lower);
      list('司法解释', relations.interpretations);
      list('相关法规', relations.related);
    }
    return 0;
  },
};
