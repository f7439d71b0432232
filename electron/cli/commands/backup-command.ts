// `lawdesk backup`: a backup of the records now — inside the library (rotated with the automatic
// ones) or, with --out, a self-contained records bundle in another folder (a USB stick).
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { exportBundle } from '../../core/bundles/bundle-export';
import { backupConfig, backupRecords, listBackups, setBackupConfig } from '../../core/bundles/records-backup';
import { type Command, UsageError, libraryOption, openForCli, parse, printJson } from '../cli-support';

const usage = 'lawdesk backup [--out DIR] [--list] [--keep N] [--library DIR] [--json]';

export const backupCommand: Command = {
  summary: '备份记录（审查、学法、计划、笔记、规范性文件登记及修改记录、附件）和简报包、收藏、单位信息等用户数据；--list 列出自动备份，--keep 设定保留份数',
  usage,
  async run(argv) {
    const { values } = parse(argv, { ...libraryOption, json: { type: 'boolean' }, out: { type: 'string' }, list: { type: 'boolean' }, keep: { type: 'string' } }, usage);
    const store = await openForCli(values.library, !!values.json);
    if (values.keep !== undefined) {
      const keep = Number(values.keep);
      if (!Number.isInteger(keep) || keep < 1 || keep > 1000) throw new UsageError('--keep 应为 1–1000 的整数');
      setBackupConfig(store, { keep });
    }
    if (values.list || values.keep !== undefined) {
      const list = listBackups(store);
      if (values.json) printJson({ keep: backupConfig(store).keep, backups: list });
      else {
        for (const b of list) process.stdout.write(`${b.at}  ${b.reason.padEnd(22)} ${b.file}\n`);
        process.stdout.write(`自动备份 ${list.length} 份，每类保留最新 ${backupConfig(store).keep} 份\n`);
      }
      return 0;
    }
    if (values.out) {
      const dir = resolve(values.out);
      mkdirSync(dir, { recursive: true });
      const stamp = store.now().toISOString().replace(/[-:]/g, '').slice(0, 15);
      const res = await exportBundle(store, { laws: [], records: true, out: join(dir, `LawDesk-记录备份-${stamp}.lawdesk`) });
      if (values.json) printJson(res);
      else process.stdout.write(`已备份到 ${res.file}：记录 ${res.records} 条，附件 ${res.attachments} 个\n`);
      return 0;
    }
    const b = backupRecords(store, 'manual');
    if (values.json) printJson(b ?? null);
    else process.stdout.write(b ? `已备份到 ${b.file}\n` : '还没有任何记录或用户数据，无需备份\n');
    return 0;
  },
};
