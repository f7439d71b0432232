// The crash harness (test/bench/crash-harness.ts) in a bounded CI run: kill -9 an import, a series
// of record edits, a bundle import, check --repair, a bundle export and a pack export (DOCX and PDF) at random
// moments; every reopened library must be consistent and no export partial or left as a temp file.
import { describe, expect, it } from 'vitest';
import { runHarness } from '../../bench/crash-harness';

describe('crash harness (CI subset)', () => {
  it('leaves no inconsistent library or partial export after kill -9 during each operation', async () => {
    const res = await runHarness({ trials: Number(process.env.LAWDESK_CRASH_TRIALS ?? 7) });
    console.log(res.table);
    expect(res.inconsistent, res.trials.filter((t) => t.problems.length).map((t) => t.problems.join('; ')).join('\n')).toBe(0);
    expect(res.trials.some((t) => t.killed)).toBe(true);
  }, 600_000);
});
