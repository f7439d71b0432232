// `lawdesk register …`: the bureau's own 规范性文件 — add (with the file itself), list, show, update,
// and `due`: 备案 overdue or close, 有效期 ending, 清理 and 评估 to do.

import { resolve } from 'node:path';
import { RegisterService, type RegisterView } from '../../core/register/register-service';
import { exportRegister } from '../../core/reports/register-export';
import { type Command, UsageError, libraryOption, parse, printJson } from '../cli-support';
import { dispatch, openService, readJsonInput } from './records-command';

const usage = [
  'lawdesk register add --from FILE.json [--file 文件] [--json]',
  '         lawdesk register update <编号> --from FILE.json [--file 文件] [--json]',
  '         lawdesk register list [--year Y] [--json]',
  '         lawdesk register show <编号> [--json]',
  '         lawdesk register due [--json]',
  '         lawdesk register export --out FILE.docx|.pdf|.html [--year Y] [--unit 单位] [--date YYYY-MM-DD] [--json]',
].join('\n');

const writeOptions = { ...libraryOption, from: { type: 'string' }, file: { type: 'string' }, by: { type: 'string' }, json: { type: 'boolean' } } as const;

function line(e: RegisterView): string {
  return `${e.id}  ${e.published}  ${e.docNumber ? e.docNumber + ' ' : ''}${e.title}  ${e.status}  有效期至 ${e.validUntil}  ${e.filedDate ? `已备案 ${e.filedDate}` : `备案期限 ${e.filingDue}`}`;
}

async function open(library: string | undefined, json: boolean) {
  const svc = await openService(library, json);
  return { svc, reg: await RegisterService.open(svc) };
}

function save(kind: 'add' | 'update') {
  return async (rest: string[]) => {
    const { values, positionals } = parse(rest, writeOptions, usage);
    const id = positionals[0];
    if (kind === 'update' && !id) throw new UsageError(`请给出登记编号\n用法：${usage}`);
    const { value } = readJsonInput(values.from, usage);
    const { reg } = await open(values.library, !!values.json);
    const opts = { by: values.by ?? process.env.LAWDESK_USER ?? 'unknown', ...(values.file ? { file: resolve(values.file) } : {}) };
    const res = kind === 'add' ? await reg.add(value, opts) : await reg.update(id!, value, opts);
    if (values.json) printJson(res);
    else {
      process.stdout.write(`${kind === 'add' ? '已登记' : '已保存'} ${line(res.entry)}\n`);
      for (const w of res.warnings) process.stdout.write(`提示  ${w}\n`);
    }
    return 0;
  };
}

export const registerCommand: Command = {
  summary: '规范性文件登记：有效期、备案、评估与清理，到期提醒',
  usage,
  run: (argv) =>
    dispatch(
      argv,
      {
        add: save('add'),
        update: save('update'),
        async list(rest) {
          const { values } = parse(rest, { ...libraryOption, json: { type: 'boolean' }, year: { type: 'string' } }, usage);
          const { reg } = await open(values.library, !!values.json);
          const list = await reg.list(values.year ? { year: Number(values.year) } : {});
          if (values.json) printJson(list);
          else for (const e of list) process.stdout.write(line(e) + '\n');
          return 0;
        },
        async show(rest) {
          const { values, positionals } = parse(rest, { ...libraryOption, json: { type: 'boolean' } }, usage);
          if (!positionals[0]) throw new UsageError(`请给出登记编号\n用法：${usage}`);
          const { svc, reg } = await open(values.library, !!values.json);
          const e = await reg.get(positionals[0]);
          if (values.json) printJson({ ...e, history: await svc.history(e.id).catch(() => []) });
          else process.stdout.write(`${line(e)}\n制定科室：${e.draftingUnit}${e.reviewId ? `\n合法性审查：${e.reviewId}` : ''}${e.versionId ? `\n资料库版本：${e.versionId}` : ''}${e.cleanup ? `\n清理：${e.cleanup.date} ${e.cleanup.result}` : ''}\n`);
          return 0;
        },
        async due(rest) {
          const { values } = parse(rest, { ...libraryOption, json: { type: 'boolean' } }, usage);
          const { reg } = await open(values.library, !!values.json);
          const list = await reg.due();
          if (values.json) printJson(list);
          else if (!list.length) process.stdout.write('没有需要处理的规范性文件事项\n');
          else for (const r of list) process.stdout.write(`${r.kind}  ${r.entryId}  ${r.message}\n`);
          return 0;
        },
        // 规范性文件登记表 (GB/T 9704 official layout) of all documents or those published in a year.
        async export(rest) {
          const { values } = parse(rest, { ...libraryOption, json: { type: 'boolean' }, out: { type: 'string' }, format: { type: 'string' }, year: { type: 'string' }, unit: { type: 'string' }, date: { type: 'string' } }, usage);
          if (!values.out) throw new UsageError(`请用 --out 给出输出文件\n用法：${usage}`);
          const year = values.year ? Number(values.year) : undefined;
          if (year !== undefined && (!Number.isInteger(year) || year < 1990 || year > 2200)) throw new UsageError(`--year 应为年份（如 2020），收到“${values.year}”\n用法：${usage}`);
          if (values.date !== undefined && !(/^\d{4}-\d{2}-\d{2}$/.test(values.date) && new Date(`${values.date}T00:00:00Z`).toISOString().startsWith(values.date))) throw new UsageError(`--date 应为实际存在的日期 YYYY-MM-DD（收到“${values.date}”）\n用法：${usage}`);
          const { svc, reg } = await open(values.library, !!values.json);
          const r = await exportRegister(svc, reg, { out: values.out, ...(values.format ? { format: values.format } : {}), ...(year ? { year } : {}), ...(values.unit ? { unit: values.unit } : {}), ...(values.date ? { date: values.date } : {}) });
          if (values.json) printJson(r);
          else process.stdout.write(`已导出 ${r.path}（${r.format.toUpperCase()}，${Math.round(r.bytes / 1024)} KB，${r.entries} 件）\n`);
          return 0;
        },
      },
      usage,
    ),
};
