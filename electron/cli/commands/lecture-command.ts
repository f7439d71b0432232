// `lawdesk lecture …`: 法律大讲堂, 集体学法 and 普法 outreach events.

import { type Command, UsageError, libraryOption, padCell, parse, printJson } from '../cli-support';
import { addSubcommand, dispatch, openService, updateSubcommand } from './records-command';
import { printHistory } from './review-command';

const usage = [
  'lawdesk lecture add --from FILE.json [--link] [--by 姓名] [--json]',
  '         lawdesk lecture update <编号> --from FILE.json [--link] [--json]',
  '         lawdesk lecture list [--year Y] [--kind 类型] [--q 关键词] [--json]',
  '         lawdesk lecture show <编号> [--json]',
].join('\n');

export const lectureCommand: Command = {
  summary: '学法与普法活动（法律大讲堂、集体学法、法律进企业/社区/乡村、宪法日）',
  usage,
  run: (argv) =>
    dispatch(
      argv,
      {
        add: addSubcommand(usage, (svc, v, o) => svc.createLecture(v, o), (l) => `${l.date} ${l.kind}：${l.topic}`, 'lectures'),
        update: updateSubcommand(usage, '活动编号', (svc, id, v, o) => svc.updateLecture(id, v, o), (l) => `${l.topic}（第 ${l.revision} 版）`),
        async list(rest) {
          const { values } = parse(rest, { ...libraryOption, json: { type: 'boolean' }, year: { type: 'string' }, kind: { type: 'string' }, q: { type: 'string' } }, usage);
          const svc = await openService(values.library, !!values.json);
          const list = await svc.listLectures({
            ...(values.year ? { year: Number(values.year) } : {}),
            ...(values.kind ? { kind: values.kind } : {}),
            ...(values.q ? { q: values.q } : {}),
          });
          if (values.json) {
            printJson(list);
            return 0;
          }
          for (const l of list) process.stdout.write(`${padCell(l.id, 11)} ${padCell(l.date, 11)} ${padCell(l.kind, 11)} ${padCell(String(l.headCount) + ' 人', 7)} ${l.topic}\n`);
          process.stdout.write(`共 ${list.length} 次，${list.reduce((n, l) => n + l.headCount, 0)} 人次\n`);
          return 0;
        },
        async show(rest) {
          const { values, positionals } = parse(rest, { ...libraryOption, json: { type: 'boolean' } }, usage);
          const id = positionals[0];
          if (!id) throw new UsageError(`请给出活动编号\n用法：${usage}`);
          const svc = await openService(values.library, !!values.json);
          const l = await svc.getLecture(id);
          const history = await svc.history(id);
          if (values.json) {
            printJson({ ...l, history });
            return 0;
          }
          const o = process.stdout;
          o.write(`${l.id}  ${l.date} ${l.kind}：${l.topic}\n`);
          o.write(`${l.speaker ? `主讲 ${l.speaker.name}${l.speaker.org ? `（${l.speaker.org}）` : ''} · ` : ''}${l.audience ? l.audience + ' · ' : ''}${l.headCount} 人${l.location ? ' · ' + l.location : ''}${l.planItemId ? ' · 计划事项 ' + l.planItemId : ''}\n`);
          for (const m of l.materials) o.write(`资料  ${m.kind} ${m.name}${m.copies ? `，发放 ${m.copies} 份` : ''}\n`);
          for (const c of l.citations) o.write(`  · ${c.citation}  [${c.versionId}]\n    ${c.textSnapshot.replace(/\n/g, '\n    ')}\n`);
          printHistory(history);
          return 0;
        },
      },
      usage,
    ),
};
