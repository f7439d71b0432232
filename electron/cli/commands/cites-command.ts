// `lawdesk cites <法规> [条文]`: what cites an article (reviews, lectures, notes; newest first), or
// for a whole law the number of records citing each article (the TOC badges).

import { displayTitle } from '../../shared/law-model';
import { findLaws, parseArticleRef, pickVersion } from '../../core/library/law-lookup';
import { articleKey } from '../../shared/law-model';
import { articleLabel } from '../../core/text/chinese-numerals';
import { type Command, UsageError, libraryOption, parse, printJson } from '../cli-support';
import { openService } from './records-command';

const usage = 'lawdesk cites <标题|id> [第七条|7] [--version 日期] [--json]';

export const citesCommand: Command = {
  summary: '查看引用某条文（或某法规各条）的审查记录、学法活动和笔记',
  usage,
  async run(argv) {
    const { values, positionals } = parse(argv, { ...libraryOption, json: { type: 'boolean' }, version: { type: 'string' } }, usage);
    const [query, articleText] = positionals;
    if (!query) throw new UsageError(`请给出法规标题或 id\n用法：${usage}`);
    const svc = await openService(values.library, !!values.json);
    const laws = findLaws(svc.library, query);
    if (laws.length !== 1) {
      process.stderr.write(laws.length ? `“${query}”匹配到 ${laws.length} 部法规，请写得更具体\n` : `没有找到“${query}”\n`);
      return 1;
    }
    const law = laws[0]!;
    let versionId: string | undefined;
    if (values.version) {
      const v = pickVersion(svc.library, law, values.version);
      if (!v) {
        process.stderr.write(`《${displayTitle(law)}》没有 ${values.version} 的版本；现有：${law.versionIds.join('、')}\n`);
        return 1;
      }
      versionId = v.id;
    }
    if (!articleText) {
      const counts = await svc.citationCounts(law.id, versionId);
      if (values.json) printJson({ lawId: law.id, title: law.title, ...(versionId ? { versionId } : {}), counts });
      else for (const c of counts) process.stdout.write(`${c.versionId}  ${c.label}  ${c.count}\n`);
      return 0;
    }
    const ref = parseArticleRef(articleText);
    if (!ref) throw new UsageError(`看不懂条文号“${articleText}”：请写 第十二条、12 或 12之一`);
    const key = articleKey(ref.number, ref.suffix);
    const list = await svc.citedBy({ lawId: law.id, articleKey: key, ...(versionId ? { versionId } : {}) });
    if (values.json) {
      printJson({ lawId: law.id, title: law.title, articleKey: key, ...(versionId ? { versionId } : {}), citedBy: list });
      return 0;
    }
    process.stdout.write(`《${displayTitle(law)}》${articleLabel(ref.number, ref.suffix)}${versionId ? `（${versionId}）` : '（所有版本）'}被引用 ${list.length} 次：\n`);
    for (const e of list) {
      process.stdout.write(`  ${e.date}  ${e.id}  ${e.type ?? e.kind}  ${e.title}  [${e.versionId} ${e.label}; ${e.where.join('、')}]\n`);
    }
    return 0;
  },
};
