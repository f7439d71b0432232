// 设置 → 资料包 → 导入… in Electron: the main-process glue (electron/main/bundle-pick.ts) behind
// `bundles:pickAndPreview`, registered through registerIpc on a fake ipcMain with a real AppService
// and a stand-in for the open dialog. Electron itself does not run here (no binary); this checks the
// handler main registers, its validated envelope, and what the renderer receives.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppService } from '../../../electron/core/api/app-service';
import { MemorySettingsStore } from '../../../electron/core/api/settings-file';
import { pickAndPreviewBundle } from '../../../electron/main/bundle-pick';
import { registerIpc } from '../../../electron/main/ipc';

const event = { senderFrame: { parent: null, url: 'app://lawdesk/index.html' } };

describe('bundles:pickAndPreview (Electron main glue, run in Node)', () => {
  let work: string;
  let service: AppService;
  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'lawdesk-bundle-pick-'));
    service = await AppService.open({ libraryDir: join(work, 'lib'), seed: false, search: false, face: 'electron', settings: new MemorySettingsStore(), exportDir: join(work, 'exports'), stagingRoot: join(work, 'staging') });
  });
  afterAll(() => {
    service.close();
    rmSync(work, { recursive: true, force: true });
  });

  /** The handler as main registers it, with `picked` as what the open dialog returns. */
  function handler(picked: string | undefined) {
    const handlers = new Map<string, (event: unknown, input: unknown) => Promise<unknown>>();
    registerIpc({ handle: (ch: string, fn: (event: unknown, input: unknown) => Promise<unknown>) => void handlers.set(ch, fn) } as never, () => service, {
      'bundles:pickAndPreview': () => pickAndPreviewBundle({ pick: async () => picked, preview: (path) => service.previewBundlePath(path) }),
    });
    return (input: unknown = {}) => handlers.get('bundles:pickAndPreview')!(event, input);
  }

  it('a file that is not a bundle is refused by its name, with the service’s reason, and no path', async () => {
    const file = join(work, '科技局2026年资料包.lawdesk');
    writeFileSync(file, '这不是资料包，只是一段文字。');
    const r = (await handler(file)()) as { ok: boolean; value: { refused: { name: string; error: { code: string; message: string } } } };
    expect(r.ok).toBe(true);
    expect(r.value.refused.name).toBe('科技局2026年资料包.lawdesk');
    expect(r.value.refused.error.code).toBe('INVALID');
    expect(r.value.refused.error.message).toMatch(/不是 zip 压缩包/);
    expect(JSON.stringify(r)).not.toContain(work);
  });

  it('a name with a direction override comes back escaped, as every shown name does', async () => {
    const file = join(work, 'evil\u202Egpj.lawdesk');
    writeFileSync(file, 'x');
    const r = (await handler(file)()) as { value: { refused: { name: string } } };
    expect(r.value.refused.name).toBe('evil\\u202egpj.lawdesk');
  });

  it('a cancelled dialog is canceled, and a path in place of a name is refused by the contract', async () => {
    expect(await handler(undefined)()).toEqual({ ok: true, value: { canceled: true } });
    const handlers = new Map<string, (event: unknown, input: unknown) => Promise<unknown>>();
    registerIpc({ handle: (ch: string, fn: (event: unknown, input: unknown) => Promise<unknown>) => void handlers.set(ch, fn) } as never, () => service, {
      'bundles:pickAndPreview': async () => ({ refused: { name: '/home/user/资料包.lawdesk', error: { code: 'INVALID' as const, message: '不是资料包' } } }),
    });
    const out = (await handlers.get('bundles:pickAndPreview')!(event, {})) as { ok: boolean; error: { code: string } };
    expect(out).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });
});
