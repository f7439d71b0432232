import { checkIntegrity } from '../../core/bundles/integrity-repair';
import { type Command, libraryOption, openForCli, parse, printJson } from '../cli-support';

const usage = 'lawdesk check [--repair] [--library DIR] [--json]';

export const checkCommand: Command = {
  summary: '检查资料库的完整性（正文校验和、原始文件、目录、时效性、派生数据、记录的附件和引用）；--repair 修复能修复的',
  usage,
  async run(argv) {
    const { values } = parse(argv, { ...libraryOption, json: { type: 'boolean' }, repair: { type: 'boolean' } }, usage);
    const store = await openForCli(values.library, !!values.json);
    const report = await checkIntegrity(store, { repair: !!values.repair });
    const open = report.problems.filter((p) => !p.repaired || p.unrepairable);
    if (values.json) printJson(report);
    else {
      for (const p of report.problems) {
        const state = p.unrepairable ? `无法修复：${p.unrepairable}` : p.repaired ? `已修复：${p.repaired}` : '';
        process.stdout.write(`问题  ${p.versionId ?? p.file}：${p.problem}${state ? `\n      ${state}` : ''}\n`);
      }
      process.stdout.write(
        `检查了 ${report.versions} 个版本、${report.records} 条记录，发现 ${report.problems.length} 个问题` +
          (values.repair ? `，修复 ${report.repaired} 个，无法修复 ${report.unrepairable} 个\n` : open.length ? '（可用 --repair 修复）\n' : '\n'),
      );
    }
    return open.length ? 1 : 0;
  },
};
