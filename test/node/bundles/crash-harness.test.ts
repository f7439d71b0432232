// The crash harness (test/bench/crash-harness.ts) in a bounded CI run: kill -9 an import, a series
// of record edits and a bundle import at random moments; every reopened library must be consistent.
import { describe, expect, it } from 'vitest';
import { runHarness } from '../../bench/crash-harness';

describe('crash harness (CI subset)', () => {
  it('leaves no inconsistent library after kill -9 during import, records edits and bundle import', async () => {
    const res = await runHarness({ trials: Number(process.env.LAWDESK_CRASH_TRIALS ?? 6) });
    console.log(res.table);
    expect(res.inconsistent, res.trials.filter((t) => t.problems.length).map((t) => t.problems.join('; ')).join('\n')).toBe(0);
    expect(res.trials.some((t) => t.killed)).toBe(true);
  }, 120_000);
});
