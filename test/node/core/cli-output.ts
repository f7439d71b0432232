// What the CLI writes, captured in-process for the tests that run `main()` directly: stdout and
// stderr collected per test, LAWDESK_LIBRARY pointing at the test's library meanwhile.
import { afterEach, beforeEach, vi } from 'vitest';

export interface CliOutput {
  out: string;
  err: string;
  clear(): void;
}

export function captureCliOutput(lib: string): CliOutput {
  const io: CliOutput = {
    out: '',
    err: '',
    clear() {
      io.out = io.err = '';
    },
  };
  beforeEach(() => {
    io.clear();
    process.env.LAWDESK_LIBRARY = lib;
    vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((io.out += String(s)), true));
    vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((io.err += String(s)), true));
  });
  afterEach(() => {
    vi.restoreAllMocks();
    delete process.env.LAWDESK_LIBRARY;
    delete process.env.LAWDESK_DEBUG;
  });
  return io;
}
