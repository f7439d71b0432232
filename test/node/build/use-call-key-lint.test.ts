// useCall keys itself (renderer/src/api/call-key.ts): channel, input by value, library generation.
// A key built by hand in the call is what once forgot the generation (the diff page's version list
// stayed stale after an import), so the lint rule refuses it — shown here on snippets, and on every
// renderer file that calls useCall, so a hand key put back anywhere fails this test.
import { ESLint } from 'eslint';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import tseslint from 'typescript-eslint';
import { useCallKeyMessage, useCallKeyRule } from '../../../build/eslint.config.js';

const root = path.resolve(__dirname, '../../..');
const eslint = new ESLint({ cwd: root, overrideConfigFile: path.join(root, 'build/eslint.config.js') });
const refusal = (m: { ruleId: string | null; message: string }) => m.ruleId === 'no-restricted-syntax' && m.message === useCallKeyMessage;

async function refusals(call: string): Promise<number> {
  const code = `import { useCall } from '../../api/hooks';
declare const lawId: string, gen: number, tick: number;
export function Page() {
  return ${call};
}
void gen; void tick;
`;
  const [result] = await eslint.lintText(code, { filePath: path.join(root, 'renderer/src/features/snippet.tsx') });
  return (result?.messages ?? []).filter(refusal).length;
}

describe('useCall key lint rule', () => {
  it('refuses a key made by hand in the call', async () => {
    expect(await refusals("useCall('law:get', { lawId }, `${lawId}#${gen}`)")).toBe(1);
    expect(await refusals("useCall('law:get', { lawId }, lawId + '#' + gen)")).toBe(1);
    expect(await refusals("useCall('law:get', { lawId }, JSON.stringify({ lawId }) + gen)")).toBe(1);
    expect(await refusals("useCall('law:get', { lawId }, 'settings')")).toBe(1);
    expect(await refusals("useCall('law:get', { lawId }, String(tick))")).toBe(1);
  });

  it('accepts the automatic key, with or without a refresh counter', async () => {
    expect(await refusals("useCall('law:get', { lawId })")).toBe(0);
    expect(await refusals("useCall('law:get', { lawId }, tick)")).toBe(0);
  });

  it('finds no hand key in the renderer', async () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (/\.tsx?$/.test(e.name) && readFileSync(p, 'utf8').includes('useCall(')) files.push(p);
      }
    };
    walk(path.join(root, 'renderer/src'));
    expect(files.length).toBeGreaterThan(15);
    // The same rule entry as the config's, alone (the whole config takes ~40 s on these files).
    const only = new ESLint({
      cwd: root,
      overrideConfigFile: true,
      overrideConfig: [{ files: ['**/*.{ts,tsx}'], languageOptions: { parser: tseslint.parser }, rules: { 'no-restricted-syntax': useCallKeyRule } }],
    });
    const results = await only.lintFiles(files);
    const found = results.flatMap((r) => r.messages.filter(refusal).map((m) => `${path.relative(root, r.filePath)}:${m.line}`));
    expect(found).toEqual([]);
  });
});
