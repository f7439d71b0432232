import { displayTitle } from '../../shared/law-model';
import { type Command, libraryOption, openForCli, padCell, parse, printJson } from '../cli-support';

const usage = 'lawdesk list [--library DIR] [--json]';

export const listCommand: Command = {
  summary: '列出资料库中的法规（每个版本一行）',
  usage,
  async run(argv) {
    const { values } = parse(argv, { ...libraryOption, json: { type: 'boolean' } }, usage);
    const store = await openForCli(values.library, !!values.json);
    const rows = store
      .versions()
      .sort((a, b) => a.title.localeCompare(b.title, 'zh-CN') || (a.published ?? '').localeCompare(b.published ?? ''))
      .map((v) => ({
        id: v.id,
        title: v.title,
        ...(v.subtitle ? { subtitle: v.subtitle } : {}),
        level: v.level,
        region: v.region,
        published: v.published ?? null,
        effective: v.effective ?? null,
        status: v.status,
        articleCount: v.articleCount,
      }));
    if (values.json) printJson(rows);
    else {
      for (const r of rows) {
        process.stdout.write(
          `${padCell(displayTitle(r), 44)} ${padCell(r.level, 12)} ${padCell(r.region, 12)} ${padCell(r.published ?? '—', 11)} ${padCell(r.status, 9)} ${String(r.articleCount).padStart(4)} 条  ${r.id}\n`,
        );
      }
      process.stdout.write(`共 ${rows.length} 个版本，${store.laws().length} 部法规\n`);
    }
    return 0;
  },
};
