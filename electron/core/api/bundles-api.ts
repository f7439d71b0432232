// The bundle and backup calls (issue 9): export a .lawdesk bundle into the export folder, preview
// an uploaded (or, in Electron, picked) bundle and import it, with task:progress events; list,
// take and restore the automatic records backups. Backups are named, never addressed by path.

import { join } from 'node:path';
import { DomainError, type ApiOutput } from '../../shared/api-contract';
import { exportBundle } from '../bundles/bundle-export';
import { importBundle, previewBundle, type BundlePreview } from '../bundles/bundle-import';
import { backupConfig, backupRecords, backupsDir, listBackups } from '../bundles/records-backup';
import { previewRestore, restoreRecords } from '../bundles/records-restore';
import { BUNDLE_UPLOAD_BYTES } from '../../shared/api-contract';
import { StagingRegistry } from '../util/staging-registry';
import type { ApiContext, Handlers } from './api-context';

interface BundleStaging {
  path: string;
  name: string;
  tempDir?: string;
}

/** Bundles waiting between preview and import (the API's one staging registry, ten at a time). */
export type BundleStagings = StagingRegistry<BundleStaging>;
export const bundleStagings = (): BundleStagings => new StagingRegistry<BundleStaging>({ ttlMs: 60 * 60 * 1000, max: 10 });

function stagedBundle(stagings: BundleStagings, id: string) {
  const s = stagings.get(id);
  if (!s) throw new DomainError('NOT_FOUND', '这次导入的预览已过期，请重新选择资料包');
  return s;
}

/** The preview of a bundle file at `path` (an upload, or a file picked in Electron). */
export async function previewBundleFile(ctx: ApiContext, stagings: BundleStagings, s: BundleStaging, taskId?: string) {
  let preview: BundlePreview;
  try {
    preview = await previewBundle(ctx.store, s.path, { onProgress: ctx.progress(taskId) });
  } catch (e) {
    if (s.tempDir) ctx.dropDir(s.tempDir);
    throw e;
  }
  const st = stagings.add(s);
  return { stagingId: st.id, name: s.name, preview };
}

function backupFile(ctx: ApiContext, name: string): string {
  if (!listBackups(ctx.store).some((b) => b.name === name)) throw new DomainError('NOT_FOUND', `没有找到备份 ${name}`);
  return join(backupsDir(ctx.store), name);
}

export function bundlesHandlers(ctx: ApiContext, stagings: BundleStagings) {
  return {
    'bundles:export': async ({ laws, filter, records, userData, taskId }) => {
      const kind = laws && laws.length === 0 ? '记录备份' : records ? '资料包' : '法规资料包';
      const name = `法规案头${kind}-${ctx.store.today()}.lawdesk`;
      const r = await exportBundle(ctx.store, {
        ...(laws ? { laws } : {}),
        ...(filter ? { filter } : {}),
        records,
        ...(userData !== undefined ? { userData } : {}),
        out: ctx.exportPath(name),
        onProgress: ctx.progress(taskId),
      });
      return { ...ctx.handOut(r.file, name), versions: r.versions, records: r.records, attachments: r.attachments, userData: r.userData };
    },
    'bundles:preview': async ({ file, taskId }) => {
      const up = ctx.writeUpload(file.name, file.dataBase64, BUNDLE_UPLOAD_BYTES);
      return previewBundleFile(ctx, stagings, { path: up.path, tempDir: up.dir, name: file.name }, taskId);
    },
    'bundles:import': async ({ stagingId, taskId }) => {
      const s = stagedBundle(stagings, stagingId);
      const r = await importBundle(ctx.store, s.path, { onProgress: ctx.progress(taskId) });
      stagings.drop(stagingId);
      const { backup, changed, ...preview } = r;
      return { preview, changed, ...(backup ? { backup } : {}) };
    },
    'bundles:discard': ({ stagingId }) => ({ ok: stagings.drop(stagingId) }),
    'backups:list': () => ({ backups: listBackups(ctx.store), keep: backupConfig(ctx.store).keep }),
    'backups:create': () => {
      const b = backupRecords(ctx.store, 'manual');
      return b ? { backup: b } : {};
    },
    'backups:previewRestore': async ({ name }): Promise<ApiOutput<'backups:previewRestore'>> => ({ ...(await previewRestore(ctx.store, backupFile(ctx, name))), name }),
    'backups:restore': async ({ name }) => ({ ...(await restoreRecords(ctx.store, backupFile(ctx, name))), name }),
  } satisfies Partial<Handlers>;
}
