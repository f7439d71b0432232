// A question to the person at the terminal (yes/no before a removal). One object, so the tests can play
// the person without a terminal; a command run from a script (stdin not a terminal) is never asked.

import { createInterface } from 'node:readline/promises';

export const terminal = {
  /** Someone can answer: stdin and stderr (where the question goes) are a terminal. */
  interactive(): boolean {
    return !!process.stdin.isTTY && !!process.stderr.isTTY;
  },
  /** Asks on stderr (stdout stays the command's output, JSON included) and returns the line typed. */
  async ask(question: string): Promise<string> {
    const rl = createInterface({ input: process.stdin, output: process.stderr });
    try {
      return await rl.question(question);
    } finally {
      rl.close();
    }
  },
};

/** y / yes / 是 / 确定 (any case, spaces around): anything else, or just Enter, is no. */
export function isYes(answer: string): boolean {
  return /^(y|yes|是|确定|确认)$/i.test(answer.trim());
}
