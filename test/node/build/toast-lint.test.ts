// Toasts go through one helper (renderer/src/components/notify.tsx) with one rule: an error stays
// until the user closes it, a success goes after a few seconds. The lint rule refuses antd's
// message / notification anywhere else — shown on snippets, and on every renderer file.
import { ESLint } from 'eslint';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { TOAST_HOME, toastMessage, toastSelectors } from '../../../build/eslint.config.js';

const root = path.resolve(__dirname, '../../..');
const only = new ESLint({
  cwd: root,
  overrideConfigFile: true,
  overrideConfig: [{ files: ['**/*.{ts,tsx}'], languageOptions: { parser: tseslint.parser }, rules: { 'no-restricted-syntax': ['error', ...toastSelectors] } }],
});
const refusal = (m: { ruleId: string | null; message: string }) => m.ruleId === 'no-restricted-syntax' && m.message === toastMessage;

async function refusals(code: string): Promise<number> {
  const [result] = await only.lintText(code, { filePath: path.join(root, 'renderer/src/features/snippet.tsx') });
  return (result?.messages ?? []).filter(refusal).length;
}

describe('toast lint rule', () => {
  it('refuses antd message / notification outside the helper', async () => {
    expect(await refusals("import { Button, message } from 'antd';\nvoid Button; void message.error('x');")).toBe(1);
    expect(await refusals("import { notification } from 'antd';\nnotification.error({ title: 'x' });")).toBe(1);
    expect(await refusals("import { App as AntApp } from 'antd';\nexport function P() { const { message, modal } = AntApp.useApp(); void modal; void message.error('x'); return null; }")).toBe(1);
  });

  it('accepts the helper and antd’s other parts', async () => {
    expect(await refusals("import { useNotify } from '../components/notify';\nexport function P() { const notify = useNotify(); notify.fail('x', { title: '保存失败' }); return null; }")).toBe(0);
    expect(await refusals("import { App as AntApp } from 'antd';\nexport function P() { const { modal } = AntApp.useApp(); void modal; return null; }")).toBe(0);
  });

  it('finds none in the renderer but in the helper itself', async () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (/\.tsx?$/.test(e.name)) files.push(p);
      }
    };
    walk(path.join(root, 'renderer/src'));
    const results = await only.lintFiles(files);
    const found = results.flatMap((r) => r.messages.filter(refusal).map((m) => `${path.relative(root, r.filePath)}:${m.line}`));
    // The helper itself is the one place (exempt in the config), and the rule does see it there.
    expect(found.filter((f) => !f.startsWith(`${TOAST_HOME}:`))).toEqual([]);
    expect(found.length).toBeGreaterThan(0);
  });
});
