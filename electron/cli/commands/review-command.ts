// `lawdesk review …`: legality reviews (合法性审查) from JSON files, lists with filters, and a
// record with its cited articles (as they read then) and its change log.

import type { ReviewView } from '../../core/records/records-service';
import type { ChangeEntry } from '../../core/records/record-types';
import { type Command, UsageError, libraryOption, padCell, parse, printJson } from '../cli-support';
import { reviewWorkbenchSubcommands, reviewWorkbenchUsage } from './precheck-command';
import { addSubcommand, dispatch, openService, reportSave, updateSubcommand, writeOptions, writeOpts } from './records-command';
import { dueDateText, timeLimitText } from '../../shared/review-time-limits';

const usage = [
  'lawdesk review add --from FILE.json [--link] [--by 姓名] [--json]',
  '         lawdesk review update <编号> --from FILE.json [--link] [--by 姓名] [--json]',
  '         lawdesk review list [--year Y] [--type 类型] [--status 状态] [--overdue] [--q 关键词] [--json]',
  '         lawdesk review show <编号> [--json]',
  '         lawdesk review attach <编号> <文件> [--name 名称] [--by 姓名] [--json]',
  ...reviewWorkbenchUsage.map((l) => `         ${l}`),
].join('\n');

function statusText(r: ReviewView): string {
  if (r.overdue) return `${r.status}（已逾期）`;
  if (r.workingDaysLeft !== undefined) return `${r.status}（剩 ${r.workingDaysLeft} 个工作日）`;
  if (r.onTime === false) return `${r.status}（超期办结）`;
  return r.status;
}

export function printHistory(log: ChangeEntry[]): void {
  process.stdout.write('\n修改记录：\n');
  for (const e of log) {
    process.stdout.write(`  #${e.seq} ${e.at.replace('T', ' ').slice(0, 19)} ${e.by} ${e.action}${e.note ? `（${e.note}）` : ''}\n`);
    if (e.action === 'create' || e.action === 'import') continue;
    for (const c of e.changes) {
      const show = (v: unknown) => (v === undefined ? '（无）' : typeof v === 'string' ? v : JSON.stringify(v)).slice(0, 80);
      process.stdout.write(`      ${c.path}: ${show(c.from)} → ${show(c.to)}\n`);
    }
  }
}

export const reviewCommand: Command = {
  summary: '合法性审查记录：新增、修改、列表、查看；送审稿预审、采纳/不采纳、出具意见书',
  usage,
  run: (argv) =>
    dispatch(
      argv,
      {
        ...reviewWorkbenchSubcommands(usage),
        add: addSubcommand(usage, (svc, v, o) => svc.createReview(v, o), (r) => `${r.title}（${r.type}，收件 ${r.receivedDate}，${dueDateText(r.type, r.dueDate)}${r.unitDeadline ? `，单位确定的审查期限 ${r.unitDeadline}` : ''}）`, 'reviews'),
        update: updateSubcommand(usage, '审查记录编号', (svc, id, v, o) => svc.updateReview(id, v, o), (r) => `${r.title}（第 ${r.revision} 版，${r.status}）`),
        async attach(rest) {
          const { values, positionals } = parse(rest, { ...writeOptions, name: { type: 'string' } }, usage);
          const [id, file] = positionals;
          if (!id || !file) throw new UsageError(`请给出审查记录编号和要附加的文件\n用法：${usage}`);
          const svc = await openService(values.library, !!values.json);
          const res = await svc.attachToReview(id, file, { ...writeOpts(values, process.cwd()), ...(values.name ? { name: values.name } : {}) });
          reportSave(res, !!values.json, '已附加', (r) => `${r.attachments.at(-1)?.name ?? ''}（共 ${r.attachments.length} 个附件）`);
          return 0;
        },
        async list(rest) {
          const { values } = parse(
            rest,
            { ...libraryOption, json: { type: 'boolean' }, year: { type: 'string' }, type: { type: 'string' }, status: { type: 'string' }, overdue: { type: 'boolean' }, q: { type: 'string' } },
            usage,
          );
          const year = values.year ? Number(values.year) : undefined;
          if (values.year && !Number.isInteger(year)) throw new UsageError(`--year 应为年份，收到“${values.year}”`);
          const svc = await openService(values.library, !!values.json);
          const list = await svc.listReviews({
            ...(year ? { year } : {}),
            ...(values.type ? { type: values.type } : {}),
            ...(values.status ? { status: values.status } : {}),
            ...(values.overdue ? { overdue: true } : {}),
            ...(values.q ? { q: values.q } : {}),
          });
          if (values.json) {
            printJson(list);
            return 0;
          }
          for (const r of list) {
            process.stdout.write(
              `${padCell(r.id, 11)} ${padCell(r.receivedDate, 11)} ${padCell(r.type, 13)} ${padCell(statusText(r), 22)} ${padCell(r.conclusion ?? '', 13)} ${r.title}\n`,
            );
          }
          process.stdout.write(`共 ${list.length} 条${list.some((r) => r.overdue) ? `，逾期 ${list.filter((r) => r.overdue).length} 条` : ''}\n`);
          return 0;
        },
        async show(rest) {
          const { values, positionals } = parse(rest, { ...libraryOption, json: { type: 'boolean' } }, usage);
          const id = positionals[0];
          if (!id) throw new UsageError(`请给出审查记录编号\n用法：${usage}`);
          const svc = await openService(values.library, !!values.json);
          const r = await svc.getReview(id);
          const history = await svc.history(id);
          if (values.json) {
            printJson({ ...r, history });
            return 0;
          }
          const o = process.stdout;
          o.write(`${r.id}  ${r.title}\n${r.type} · ${r.refNo ? r.refNo + ' · ' : ''}承办单位 ${r.leadUnit} · ${statusText(r)}\n`);
          o.write(`收件 ${r.receivedDate} · ${dueDateText(r.type, r.dueDate)}（${timeLimitText(r.type)}）${r.unitDeadline ? ` · 单位确定的审查期限 ${r.unitDeadline}` : ''}${r.completedDate ? ` · 出具意见 ${r.completedDate}` : ''}${r.conclusion ? ` · 结论：${r.conclusion}` : ''}${r.adopted !== undefined ? ` · ${r.adopted ? '已采纳' : '未采纳'}` : ''}\n`);
          o.write(`送审材料：${r.materials.map((m) => `${m.provided ? '☑' : '☐'}${m.name}`).join(' ')}\n`);
          for (const p of r.procedures) o.write(`程序  ${p.check}：${!p.applicable ? '不适用' : p.done ? '已履行' : '未履行'}${p.date ? ' ' + p.date : ''}${p.endDate ? '～' + p.endDate : ''}${p.notes ? '，' + p.notes : ''}\n`);
          const sections: [string, { text: string; citations: { citation: string; textSnapshot: string; versionId: string }[] }][] = [
            ['权限', r.findings.authority],
            ['程序', r.findings.procedure],
            ['内容', r.findings.content],
            [`审查意见${r.opinion.adviser ? `（${r.opinion.adviserRole ?? ''} ${r.opinion.adviser}）` : ''}`, r.opinion],
            ['法律依据', { text: '', citations: r.citations }],
          ];
          for (const [name, s] of sections) {
            if (!s.text && s.citations.length === 0) continue;
            o.write(`\n【${name}】${s.text ? ' ' + s.text : ''}\n`);
            for (const c of s.citations) o.write(`  · ${c.citation}  [${c.versionId}]\n    ${c.textSnapshot.replace(/\n/g, '\n    ')}\n`);
          }
          for (const a of r.attachments) o.write(`附件  ${a.name}（${a.size} 字节，${a.sha256.slice(0, 12)}）\n`);
          printHistory(history);
          return 0;
        },
      },
      usage,
    ),
};
