// The briefing-pack calls (issue 8) over the PackStore: list, compose, reorder, and export to
// DOCX/PDF/HTML into the export folder with task:progress events; the result is handed out by
// file id (files:get for the browser face to download, shell:showFile for Electron).

import { extname } from 'node:path';
import { exportPack, type ExportFormat } from '../packs/pack-export';
import { packFromTemplate } from '../packs/pack-model';
import { recordsResolver } from '../packs/pack-records-service';
import type { PrintHtmlToPdf } from '../packs/render-pdf';
import { DomainError } from '../../shared/api-contract';
import { readOffice } from '../office/office-file';
import { readFileSync, statSync } from 'node:fs';
import { MAX_HANDOUT_BYTES, safeFileName, type ApiContext, type Handlers } from './api-context';


export function packsHandlers(ctx: ApiContext, print?: PrintHtmlToPdf) {
  const packs = () => ctx.packs(); // re-reads packs.json itself when the CLI has changed it
  return {
    'packs:list': async () => (await packs()).list(),
    'packs:get': async ({ id }) => (await packs()).get(id),
    // 单位 is the office's own name (设置 → 单位信息) unless the caller names another.
    'packs:create': async ({ title, template, unit }) => (await packs()).create(packFromTemplate(template, title, ctx.store.today(), unit ?? readOffice(ctx.store.dir).profile.unit)),
    'packs:save': async ({ id, pack }) => (await packs()).update(id, pack),
    'packs:remove': async ({ id }) => {
      await (await packs()).remove(id);
      return { ok: true };
    },
    'packs:addItems': async ({ id, items }) => (await packs()).addItems(id, items),
    'packs:reorder': async ({ id, itemIds }) => (await packs()).reorder(id, itemIds),
    'packs:export': async ({ id, format, taskId }) => {
      const pack = (await packs()).get(id);
      const name = `${safeFileName(pack.title, '简报')}.${format}`;
      const records = recordsResolver(await ctx.records());
      const search = ctx.search();
      await search?.settled(); // a pack's search section lists what the library holds now
      const r = await exportPack(ctx.store, pack, {
        format: format as ExportFormat,
        out: ctx.exportPath(name),
        records,
        ...(search ? { search } : {}),
        ...(print ? { print } : {}),
        onProgress: ctx.progress(taskId),
      });
      return { ...ctx.handOut(r.path, name), warnings: r.warnings, articleCount: r.articleCount, ...(r.pages !== undefined ? { pages: r.pages } : {}) };
    },
    'files:get': ({ fileId }) => {
      const f = ctx.file(fileId);
      if (statSync(f.path).size > MAX_HANDOUT_BYTES) throw new DomainError('TOO_LARGE', '文件太大，无法在浏览器中下载，请到导出文件夹中查看');
      return { name: f.name, mime: f.mime || (extname(f.name) ? 'application/octet-stream' : 'text/plain'), dataBase64: readFileSync(f.path).toString('base64') };
    },
  } satisfies Partial<Handlers>;
}
