// `lawdesk plan …`: the annual 普法 plan (普法责任清单); each item's completion comes from the
// activities linked to it (planItemId), never typed by hand.

import { type Command, UsageError, libraryOption, parse, printJson } from '../cli-support';
import { addSubcommand, dispatch, openService, updateSubcommand } from './records-command';

const usage = [
  'lawdesk plan add --from FILE.json [--json]',
  '         lawdesk plan update <编号> --from FILE.json [--json]',
  '         lawdesk plan list [--year Y] [--json]',
  '         lawdesk plan show <编号> [--json]',
].join('\n');

export const planCommand: Command = {
  summary: '年度普法工作计划：事项、责任单位、计划月份与完成情况',
  usage,
  run: (argv) =>
    dispatch(
      argv,
      {
        add: addSubcommand(usage, (svc, v, o) => svc.createPlan(v, o), (p) => `${p.year} ${p.title}（${p.items.length} 项）`),
        update: updateSubcommand(usage, '计划编号', (svc, id, v, o) => svc.updatePlan(id, v, o), (p) => `${p.title}（第 ${p.revision} 版）`),
        async list(rest) {
          const { values } = parse(rest, { ...libraryOption, json: { type: 'boolean' }, year: { type: 'string' } }, usage);
          const svc = await openService(values.library, !!values.json);
          const list = await svc.listPlans(values.year ? { year: Number(values.year) } : {});
          if (values.json) printJson(list);
          else for (const p of list) process.stdout.write(`${p.id}  ${p.year}  ${p.title}（${p.items.length} 项）\n`);
          return 0;
        },
        async show(rest) {
          const { values, positionals } = parse(rest, { ...libraryOption, json: { type: 'boolean' } }, usage);
          const id = positionals[0];
          if (!id) throw new UsageError(`请给出计划编号\n用法：${usage}`);
          const svc = await openService(values.library, !!values.json);
          const plan = await svc.getPlan(id);
          const progress = (await svc.stats(plan.year)).plans.find((p) => p.id === id)!;
          if (values.json) {
            printJson({ ...plan, progress, history: await svc.history(id) });
            return 0;
          }
          process.stdout.write(`${plan.id}  ${plan.title}\n完成 ${progress.done}/${progress.items}\n`);
          for (const it of progress.progress) {
            process.stdout.write(`  ${it.done ? '☑' : it.late ? '☒' : '☐'} ${it.id} ${it.topic}${it.plannedMonth ? `（${it.plannedMonth}月）` : ''}${it.responsibleUnit ? ' ' + it.responsibleUnit : ''}${it.sessions.length ? ' ← ' + it.sessions.join('、') : ''}\n`);
          }
          return 0;
        },
      },
      usage,
    ),
};
