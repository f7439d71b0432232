import { DomainError } from '../../shared/errors';
import { displayTitle } from '../../shared/law-model';
import { findOneLaw } from '../../core/library/law-lookup';
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
      const law = findOneLaw(store, query);
      if (values.version) {
        const ids = law.versionIds.filter((id) => {
          const v = store.version(id)!;
          return v.published?.startsWith(values.version!) || v.effective?.startsWith(values.version!);
        });
        if (ids.length === 0) {
          throw new DomainError('NOT_FOUND', `《${displayTitle(law)}》没有 ${values.version} 的版本`);
        }
        removed = await removeVersions(store, ids);
      } else removed = await removeLaw(store, law.id);
    }
    if (values.json) printJson({ removed: removed.map((v) => v.id) });
    else for (const v of removed) process.stdout.write(`已删除 ${displayTitle(v)}（${v.published ?? '无日期'}） ${v.id}\n`);
    return 0;
  },
};
