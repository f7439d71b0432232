import { checkLibrary } from '../../core/library/library-check';
import { type Command, libraryOption, openForCli, parse, printJson } from '../cli-support';

const usage = 'lawdesk check [--library DIR] [--json]';

export const checkCommand: Command = {
  summary: '检查资料库的完整性（正文校验和、原始文件、目录一致性、时效性）',
  usage,
  async run(argv) {
    const { values } = parse(argv, { ...libraryOption, json: { type: 'boolean' } }, usage);
    const store = await openForCli(values.library, !!values.json);
    const problems = checkLibrary(store);
    if (values.json) printJson({ versions: store.versions().length, problems });
    else {
      for (const p of problems) process.stdout.write(`问题  ${p.versionId ?? p.file}：${p.problem}\n`);
      process.stdout.write(`检查了 ${store.versions().length} 个版本，发现 ${problems.length} 个问题\n`);
    }
    return problems.length ? 1 : 0;
  },
};
