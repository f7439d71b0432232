import { DomainError } from '../../shared/errors';
import { displayTitle, type LawVersionMeta } from '../../shared/law-model';
import { findOneLaw } from '../../core/library/law-lookup';
import { removeVersions } from '../../core/library/library-edit';
import { removalImpactOf, type RemovalImpact } from '../../core/library/removal-impact';
import type { LibraryStore } from '../../core/library/library-store';
import { PackStore } from '../../core/packs/pack-store';
import { RecordsService } from '../../core/records/records-service';
import { printableName, printableText } from '../../shared/printable-name';
import { type Command, UsageError, libraryOption, openForCli, parse, printJson } from '../cli-support';
import { isYes, terminal } from '../cli-prompt';

const usage = 'lawdesk remove <标题|法规id|版本id> [--version 日期] [--yes] [--library DIR] [--json]';

/** The versions the command line names: one version id, the versions of a date, or the whole law. */
function chosenVersions(store: LibraryStore, query: string, date: string | undefined): LawVersionMeta[] {
  const one = store.version(query);
  if (one) return [one];
  const law = findOneLaw(store, query);
  const all = law.versionIds.map((id) => store.version(id)!);
  if (!date) return all;
  const picked = all.filter((v) => v.published?.startsWith(date) || v.effective?.startsWith(date));
  if (picked.length === 0) throw new DomainError('NOT_FOUND', `《${displayTitle(law)}》没有 ${date} 的版本`);
  return picked;
}

/** What goes and what depends on it, as the app's 删除 dialog says it (the same `lines`). */
function impactText(impacts: RemovalImpact[]): string {
  const out: string[] = [];
  for (const i of impacts) {
    out.push(
      i.wholeLaw
        ? `将删除《${printableName(i.title)}》${i.versions.length > 1 ? `全部 ${i.versions.length} 个版本` : ''}：`
        : `将删除《${printableName(i.title)}》的版本：`,
    );
    for (const v of i.versions) out.push(`  ${v.date || '无日期'}  ${v.status}  ${v.id}`);
    if (i.lines.length) for (const l of i.lines) out.push(`  ${printableText(l)}`);
    else out.push('  没有审查、学法、笔记、简报包或其他法规引用它。');
  }
  return out.join('\n') + '\n';
}

export const removeCommand: Command = {
  summary: '从资料库删除一部法规（全部版本）或其中一个版本：先列出依赖它的记录，确认后删除',
  usage,
  async run(argv) {
    const { values, positionals } = parse(argv, { ...libraryOption, json: { type: 'boolean' }, version: { type: 'string' }, yes: { type: 'boolean', short: 'y' } }, usage);
    const [query] = positionals;
    if (!query) throw new UsageError(`请给出法规标题或 id\n用法：${usage}`);
    const store = await openForCli(values.library, !!values.json);
    const versions = chosenVersions(store, query, values.version);
    const lawId = versions[0]!.lawId;
    const wholeLaw = versions.length === store.law(lawId)!.versionIds.length;
    const open = { records: () => RecordsService.open(store), packs: () => PackStore.open(store.dir, { lock: store.lock, today: () => store.today() }) };
    // The dialog's counts: one per version when some of the law's versions go, one for the law when all do.
    const impacts = wholeLaw
      ? [await removalImpactOf(store, { lawId }, open)]
      : await Promise.all(versions.map((v) => removalImpactOf(store, { lawId, versionId: v.id }, open)));
    const text = impactText(impacts);
    if (!values.yes) {
      if (!terminal.interactive()) {
        // A script cannot answer: it must say so itself, after reading what the removal would touch.
        throw new UsageError(`${values.json ? '' : text}未删除：删除前需要确认，但这里无法提问（输入不是终端）。确认无误后加 --yes 再运行\n用法：${usage}`);
      }
      process.stderr.write(text);
      if (!isYes(await terminal.ask('确定删除吗？输入 y 确认，其他任意内容取消：'))) throw new DomainError('CANCELLED', '已取消，资料库未改动');
    } else if (!values.json) process.stdout.write(text);
    const removed = await removeVersions(store, versions.map((v) => v.id));
    if (values.json) printJson({ removed: removed.map((v) => v.id), impact: impacts });
    else for (const v of removed) process.stdout.write(`已删除 ${displayTitle(v)}（${v.published ?? '无日期'}） ${v.id}\n`);
    return 0;
  },
};
