// `lawdesk restore FILE [--preview]`: records back from an automatic backup or a records bundle.
import { resolve } from 'node:path';
import { previewRestore, restoreRecords, type RestorePreview, type RestoreResult } from '../../core/bundles/records-restore';
import { restoreChangesAnything, sameAsBackupSentence } from '../../shared/restore-effect';
import { type Command, UsageError, libraryOption, openForCli, parse, printJson } from '../cli-support';

const usage = 'lawdesk restore <备份文件.json|.lawdesk> [--preview] [--library DIR] [--json]';

function print(p: RestorePreview, done: boolean): void {
  const out = (s: string) => process.stdout.write(s + '\n');
  if (!restoreChangesAnything(p)) {
    out(`${sameAsBackupSentence(p, '备份')}${done ? '未写入，也未另做备份。' : ''}`);
    if (p.missingAttachments.length) out(`缺少附件：${p.missingAttachments.join('、')}`);
    return;
  }
  if (p.restored.length) out(`恢复（现已不存在）：${p.restored.join('、')}`);
  if (p.changed.length) out(`回到备份时的状态：${p.changed.join('、')}`);
  if (p.removed.length) out(`备份之后新建、恢复后将移除（保存在恢复前的自动备份中）：${p.removed.join('、')}`);
  if (p.missingAttachments.length) out(`缺少附件：${p.missingAttachments.join('、')}`);
  const back = p.userData.filter((u) => u.changed).map((u) => u.what);
  if (back.length) out(`回到备份时的状态：${back.join('、')}`);
  out(`${done ? '已恢复' : '预览（未写入）'}：恢复 ${p.restored.length}，回退 ${p.changed.length}，移除 ${p.removed.length}，不变 ${p.unchanged}`);
}

export const restoreCommand: Command = {
  summary: '从备份恢复记录和简报包、收藏等用户数据（先预览；恢复前自动备份当前状态）',
  usage,
  async run(argv) {
    const { values, positionals } = parse(argv, { ...libraryOption, json: { type: 'boolean' }, preview: { type: 'boolean' } }, usage);
    const [file] = positionals;
    if (!file) throw new UsageError(`请给出备份文件\n用法：${usage}`);
    const store = await openForCli(values.library, !!values.json);
    const r = values.preview ? await previewRestore(store, resolve(file)) : await restoreRecords(store, resolve(file));
    if (values.json) printJson(r);
    else {
      print(r, !values.preview);
      const backup = (r as RestoreResult).backup;
      if (backup) process.stdout.write(`恢复前的记录已备份到 ${backup.file}\n`);
    }
    return 0;
  },
};
