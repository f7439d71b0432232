import { displayTitle } from '../../shared/law-model';
import { findLaws } from '../../core/library/law-lookup';
import { removeLaw, removeVersions } from '../../core/library/library-edit';
import { type Command, UsageError, libraryOption, openForCli, parse, printJson } from '../cli-support';

const usage = 'lawdesk remove <标题|法规id|版本id> [--version 日期] [--library DIR] [--json]';

export const removeCommand: Command = {
  summary: '从资料库删除一部法规（全部版本）或其中一个版本',
  usage,
  async run(argv) {
    const { values, positionals } = parse(argv, { ...libraryOption, json: { type: 'boolean' }, version: { type: 'string' } }, usage);
    const [query] = positionals;
    if (!query) throw new UsageError(`请给出法规标题或 id\n用法：${usage}`);
    const store = await openForCli(values.library, !!values.json);
    let removed;
    if (store.version(query)) removed = await removeVersions(store, [query]);
    else {
      const laws = findLaws(store, query);
      if (laws.length !== 1) {
        process.stderr.write(laws.length ? `“${query}”匹配到 ${laws.length} 部法规，请写得更具体或使用 id\n` : `没有找到“${query}”\n`);
        return 1;
      }
      const law = laws[0]!;
      if (values.version) {
        const ids = law.versionIds.filter((id) => {
          const v = store.version(id)!;
          return v.published?.startsWith(values.version!) || v.effective?.startsWith(values.version!);
        });
        if (ids.length === 0) {
          process.stderr.write(`《${displayTitle(law)}》没有 ${values.version} 的版本\n`);
          return 1;
        }
        removed = await removeVersions(store, ids);
      } else removed = await removeLaw(store, law.id);
    }
    if (values.json) printJson({ removed: removed.map((v) => v.id) });
    else for (const v of removed) process.stdout.write(`已删除 ${displayTitle(v)}（${v.published ?? '无日期'}） ${v.id}\n`);
    return 0;
  },
};
