// `lawdesk cites <法规> [条文]`: what cites an article (reviews, lectures, notes; newest first), or
// for a whole law the number of records citing each article (the TOC badges). Asked of the same
// CitationIndex as the app's 被引用 panel: the article is one of a version (--version, default the
// one in force) and a record citing it in another version counts when the mapping leads here.

import { DomainError } from '../../shared/errors';
import { displayTitle } from '../../shared/law-model';
import { findOneLaw, parseArticleRef, pickVersion } from '../../core/library/law-lookup';
import { articleKey } from '../../shared/law-model';
import { articleLabel } from '../../core/text/chinese-numerals';
import { type Command, UsageError, libraryOption, parse, printJson } from '../cli-support';
import { openService } from './records-command';
import { CITING_KIND_LABELS, coversNote } from '../../shared/record-schema';

const usage = 'lawdesk cites <标题|id> [第七条|7] [--version 日期] [--json]';

export const citesCommand: Command = {
  summary: '查看引用某条文（或某法规各条）的审查记录、学法活动、笔记和本单位规范性文件',
  usage,
  async run(argv) {
    const { values, positionals } = parse(argv, { ...libraryOption, json: { type: 'boolean' }, version: { type: 'string' } }, usage);
    const [query, articleText] = positionals;
    if (!query) throw new UsageError(`请给出法规标题或 id\n用法：${usage}`);
    const svc = await openService(values.library, !!values.json);
    const law = findOneLaw(svc.library, query);
    const version = pickVersion(svc.library, law, values.version);
    if (!version) {
      throw new DomainError('NOT_FOUND', `《${displayTitle(law)}》没有 ${values.version} 的版本；现有：${law.versionIds.join('、')}`);
    }
    const versionId = version.id;
    const index = await svc.citationIndex();
    if (!articleText) {
      const labels = new Map(svc.library.loadVersion(versionId).units.map((u) => [u.key, u.label]));
      const counts = Object.entries(index.counts(versionId)).map(([key, count]) => ({ versionId, articleKey: key, label: labels.get(key) ?? key, count }));
      if (values.json) printJson({ lawId: law.id, title: law.title, versionId, counts });
      else for (const c of counts) process.stdout.write(`${c.versionId}  ${c.label}  ${c.count}\n`);
      return 0;
    }
    const ref = parseArticleRef(articleText);
    if (!ref) throw new UsageError(`看不懂条文号“${articleText}”：请写 第十二条、12 或 12之一`);
    const key = articleKey(ref.number, ref.suffix);
    const list = index.citedBy(versionId, key);
    if (values.json) {
      printJson({ lawId: law.id, title: law.title, articleKey: key, versionId, citedBy: list });
      return 0;
    }
    process.stdout.write(`《${displayTitle(law)}》${articleLabel(ref.number, ref.suffix)}（${versionId}）被引用 ${list.length} 次：\n`);
    for (const e of list) {
      const wide = coversNote(e);
      process.stdout.write(`  ${e.date}  ${e.id}  ${e.type ?? CITING_KIND_LABELS[e.kind]}  ${e.title}${wide ? `（${wide}）` : ''}  [${e.versionId} ${e.label}; ${e.where.join('、')}; ${e.flag.reason}]\n`);
    }
    return 0;
  },
};
