// An upload that the file system refuses while it is taken in (a name too long for the staging
// folder's path, a staging folder that cannot be made): the message names the user's own file and
// the reason in Chinese — never the internal upload path — and no half-written upload is left.
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppService } from '../../../electron/core/api/app-service';
import { MemorySettingsStore } from '../../../electron/core/api/settings-file';
import { openLibrary } from '../../../electron/core/library/open-library';
import { toErrorData } from '../../../electron/shared/errors';

let work: string;
let app: AppService | undefined;

async function appWith(stagingRoot: string): Promise<AppService> {
  const { store } = await openLibrary({ dir: join(work, 'library'), seed: false });
  return new AppService({ store, settings: new MemorySettingsStore(), face: 'browser', search: false, exportDir: join(work, 'exports'), stagingRoot });
}

async function failure(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    return toErrorData(e);
  }
  throw new Error('the upload was taken');
}

const text = (s: string) => Buffer.from(s, 'utf8').toString('base64');

beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'lawdesk-upload-errors-'));
});
afterEach(() => {
  app?.close();
  app = undefined;
  rmSync(work, { recursive: true, force: true });
});

describe('an upload the file system refuses', () => {
  it('ENAMETOOLONG: names the file and says to shorten its name, not the staging path', async () => {
    // A staging folder whose path leaves less room than the file's name needs (PATH_MAX 4096 on Linux).
    let root = join(work, 'staging');
    while (root.length < 3960) root = join(root, 'd'.repeat(Math.min(200, 3960 - root.length)));
    mkdirSync(root, { recursive: true });
    app = await appWith(root);
    const name = `${'高青县科学技术局关于印发科技创新券管理办法的通知'.repeat(3)}.txt`;
    const err = await failure(app.call('import:preview', { files: [{ name, dataBase64: text('第一条 为了规范科技创新券的管理，制定本办法。') }] }));
    expect(err.code).toBe('BAD_FILE_NAME');
    expect(err.message).toBe(`无法接收文件“${name}”：文件名过长，请把文件改用短一些的名字后重新选择（ENAMETOOLONG）`);
    expect(err.file).toBe(name);
    expect(JSON.stringify(err)).not.toMatch(/lawdesk-upload-|dddd|\/tmp\//);
    // the upload's folder is removed with what was written in it
    expect(readdirSync(root)).toEqual([]);
  });

  it('a staging folder that cannot be made: the file’s name and the reason, in Chinese', async () => {
    writeFileSync(join(work, 'not-a-folder'), 'x');
    app = await appWith(join(work, 'not-a-folder', 'staging'));
    const err = await failure(app.call('bundles:preview', { file: { name: '科技局资料包.lawdesk', dataBase64: text('PK') } }));
    expect(err.message).toBe('无法接收文件“科技局资料包.lawdesk”：路径中有一段不是文件夹（ENOTDIR）');
    expect(JSON.stringify(err)).not.toContain('not-a-folder');
  });

  it('a damaged bundle upload: refused naming the uploaded file, never the staging path', async () => {
    const root = join(work, 'staging');
    app = await appWith(root);
    // a zip's first bytes and then nothing a bundle needs: the preview reads it and refuses it
    const bytes = Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(64, 0x5a)]).toString('base64');
    const err = await failure(app.call('bundles:preview', { file: { name: '科技局资料包.lawdesk', dataBase64: bytes } }));
    expect(err.message).toContain('科技局资料包.lawdesk');
    expect(err.file).toBe('科技局资料包.lawdesk');
    expect(JSON.stringify(err)).not.toContain(root);
    // the staged copy is gone with its folder
    expect(readdirSync(root)).toEqual([]);
  });
});
