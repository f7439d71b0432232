// office.json is a versioned store of the library: a file from before it had a schema version is
// read and migrated with every field kept, a change made by the CLI beside the open app is what the
// app then answers, and a damaged or newer file is refused with its name instead of being
// overwritten with a blank profile.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main as cli } from '../../../electron/cli/main';
import { parseUserData, userDataSpec } from '../../../electron/core/bundles/user-data-files';
import { readOffice } from '../../../electron/core/office/office-file';
import { OFFICE_SCHEMA_VERSION } from '../../../electron/shared/office-profile';
import { openTestApp } from '../test-app';

const tmp = mkdtempSync(join(tmpdir(), 'lawdesk-office-file-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** office.json as LawDesk wrote it before the file carried a schema version. */
const LEGACY = { unit: '高青县科学技术局', region: '山东·淄博·高青县', adviser: { name: '李明', org: '山东青苑律师事务所' }, timeZone: 'Asia/Shanghai' };

function libraryWith(name: string, officeText?: string): { dir: string; file: string } {
  const dir = join(tmp, name);
  mkdirSync(join(dir, 'library'), { recursive: true });
  const file = join(dir, 'library', 'office.json');
  if (officeText !== undefined) writeFileSync(file, officeText);
  return { dir, file };
}

describe('office.json as a versioned store', () => {
  it('an office.json of today’s format is read as it is and migrated on the next write, every field kept', async () => {
    const { dir, file } = libraryWith('legacy', JSON.stringify(LEGACY, null, 2) + '\n');
    const svc = await openTestApp(dir);
    try {
      expect(await svc.call('office:get', {})).toEqual(LEGACY);
      expect(await svc.call('office:set', { region: '山东·淄博' })).toEqual({ ...LEGACY, region: '山东·淄博' });
    } finally {
      svc.close();
    }
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ ...LEGACY, region: '山东·淄博', schemaVersion: 1 });
    expect(readOffice(join(dir, 'library'))).toEqual({ profile: { ...LEGACY, region: '山东·淄博' } });
  });

  it('a change made with the CLI while the app is open is what the app answers next', async () => {
    const { dir } = libraryWith('cli');
    const lib = join(dir, 'library');
    const svc = await openTestApp(dir);
    try {
      await svc.call('office:set', { unit: '高青县科学技术局' });
      expect(await cli(['office', '--unit', '淄博市科学技术局', '--adviser', '王芳', '--library', lib])).toBe(0);
      expect(await svc.call('office:get', {})).toMatchObject({ unit: '淄博市科学技术局', adviser: { name: '王芳' } });
      // and the app's next change builds on the CLI's, not on what the app had read before
      expect(await svc.call('office:set', { region: '山东·淄博' })).toMatchObject({ unit: '淄博市科学技术局', region: '山东·淄博', adviser: { name: '王芳' } });
    } finally {
      svc.close();
    }
  });

  it('keeps the 意见书代字, from the app and the CLI, and refuses one that holds the number itself', async () => {
    const { dir } = libraryWith('prefix');
    const lib = join(dir, 'library');
    const svc = await openTestApp(dir);
    try {
      expect(await svc.call('office:set', { reviewPrefix: ' 高科审 ' })).toMatchObject({ reviewPrefix: '高科审' });
      await expect(svc.call('office:set', { reviewPrefix: '高科审〔2026〕' })).rejects.toThrow('只填机关代字');
      expect(await svc.call('office:get', {})).toMatchObject({ reviewPrefix: '高科审' });
      expect(await cli(['office', '--review-prefix', '淄科审', '--library', lib])).toBe(0);
      expect(await svc.call('office:get', {})).toMatchObject({ reviewPrefix: '淄科审' });
    } finally {
      svc.close();
    }
  });

  it('a damaged office.json is refused with its name and left as it is; reads fall back to blank with a warning', async () => {
    const text = '{"unit": 42, "region": "山东"}';
    const { dir, file } = libraryWith('damaged', text);
    const svc = await openTestApp(dir);
    try {
      const got = await svc.call('office:get', {});
      expect(got).toMatchObject({ unit: '', region: '' });
      // the settings card shows why the profile is blank
      expect(got.warning).toContain(file);
      await expect(svc.call('office:set', { unit: '高青县科学技术局' })).rejects.toThrow(file);
      expect(await cli(['office', '--unit', '高青县科学技术局', '--library', join(dir, 'library')])).not.toBe(0);
    } finally {
      svc.close();
    }
    expect(readFileSync(file, 'utf8')).toBe(text);
    const r = readOffice(join(dir, 'library'));
    expect(r.profile.unit).toBe('');
    expect(r.warning).toContain(file);
    expect(r.warning).toMatch(/单位信息/);
  });

  it('an office.json written by a newer LawDesk is not overwritten', async () => {
    const text = JSON.stringify({ schemaVersion: OFFICE_SCHEMA_VERSION + 1, ...LEGACY, seal: '公章.png' });
    const { dir, file } = libraryWith('newer', text);
    const svc = await openTestApp(dir);
    try {
      await expect(svc.call('office:set', { unit: '淄博市科学技术局' })).rejects.toThrow(/请升级 LawDesk/);
    } finally {
      svc.close();
    }
    expect(readFileSync(file, 'utf8')).toBe(text);
  });

  it('bundles and backups read an office.json of either format as the current one', () => {
    const spec = userDataSpec('office.json')!;
    const old = parseUserData(spec, JSON.stringify(LEGACY), '资料包');
    const now = parseUserData(spec, JSON.stringify({ ...LEGACY, schemaVersion: OFFICE_SCHEMA_VERSION }), '资料包');
    expect(old).toEqual(now);
    expect(() => parseUserData(spec, JSON.stringify({ ...LEGACY, schemaVersion: OFFICE_SCHEMA_VERSION + 1 }), '资料包')).toThrow(/较新的 LawDesk/);
    expect(() => parseUserData(spec, '{"unit": 42}', '资料包')).toThrow(/单位信息（office\.json）不合格式/);
  });
});
