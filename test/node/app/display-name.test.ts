// 设置 → 署名: records name the person who made them, not the computer's user ("root"); without
// a name set, the user name stays the fallback.

import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { openTestApp } from '../test-app';

let tmp: string;
afterEach(() => rmSync(tmp, { recursive: true, force: true }));

it('a lecture saved after a display name is set carries that name, one saved before the OS user', async () => {
  tmp = mkdtempSync(join(tmpdir(), 'lawdesk-display-name-'));
  cpSync(resolve(import.meta.dirname, '../../fixtures/app/laws'), join(tmp, 'starter'), { recursive: true });
  const svc = await openTestApp(tmp, { libraryDir: join(tmp, 'lib'), starterDir: join(tmp, 'starter') });
  try {
    const before = await svc.call('lectures:create', { input: { kind: '集体学法', date: '2026-12-02', topic: '统计法学习', headCount: 10, citations: [] } });
    expect(before.record.updatedBy).toBe(userInfo().username);
    expect((await svc.call('settings:set', { displayName: '  张律师 ' })).displayName).toBe('张律师');
    const after = await svc.call('lectures:create', { input: { kind: '集体学法', date: '2026-12-02', topic: '行政许可法学习', headCount: 12, citations: [] } });
    expect(after.record.updatedBy).toBe('张律师');
    const history = await svc.call('records:history', { id: after.record.id });
    expect(JSON.stringify(history)).toContain('张律师');
  } finally {
    svc.close();
  }
});
