// `lawdesk flags [<法规>] [--affected]`: the flag of every citation the records make, against the
// version now in force — the same CitationIndex the app's 受影响 list and review flags use.

import { RecordsService } from '../../core/records/records-service';
import { findOneLaw } from '../../core/library/law-lookup';
import { type Command, libraryOption, openForCli, parse, printJson } from '../cli-support';

const usage = 'lawdesk flags [<法规>] [--affected] [--library DIR] [--json]';
const MARK = { red: '●红', yellow: '●黄', green: '●绿' } as const;

export const flagsCommand: Command = {
  summary: '审查、学法记录和本单位规范性文件所引条文的变化标记（绿：未变；黄：序号变动或文字性调整；红：已修改、删除或废止）',
  usage,
  async run(argv) {
    const { values, positionals } = parse(argv, { ...libraryOption, json: { type: 'boolean' }, affected: { type: 'boolean' } }, usage);
    const store = await openForCli(values.library, !!values.json);
    let lawIds: string[] | undefined;
    if (positionals[0]) {
      lawIds = [findOneLaw(store, positionals[0]).id];
    }
    const index = await (await RecordsService.open(store)).citationIndex();
    const flags = values.affected ? index.affected(lawIds) : index.flagged(lawIds);
    if (values.json) printJson(flags);
    else {
      for (const f of flags) {
        process.stdout.write(`${MARK[f.flag.color]}  ${f.id} ${f.title}（${f.date}）引 ${f.citation}\n     ${f.flag.reason}\n`);
      }
      const count = (c: string) => flags.filter((f) => f.flag.color === c).length;
      process.stdout.write(`共 ${flags.length} 处引用：红 ${count('red')}，黄 ${count('yellow')}，绿 ${count('green')}\n`);
    }
    return 0;
  },
};
