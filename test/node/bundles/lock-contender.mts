// Child process for the lock-contention test: takes the library lock `rounds` times. While it
// holds the lock it creates a "holder" marker with O_EXCL, so a second simultaneous holder fails
// to create it and reports "TWO HOLDERS". On its last round it exits WITHOUT releasing, leaving a
// stale lock of a dead process that the others must break (never two at once). Prints one JSON
// line: { ok, acquired, errors }.
import { openSync, closeSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { WriterLock } from '../../../electron/core/library/writer-lock';

const [dir, roundsArg] = process.argv.slice(2);
const rounds = Number(roundsArg);
const lock = new WriterLock(join(dir!, 'library.lock'));
const marker = join(dir!, 'holder');
const errors: string[] = [];
let acquired = 0;
const deadline = Date.now() + 50_000;
const tick = () => new Promise((r) => setImmediate(r));
for (let i = 0; i < rounds && Date.now() < deadline; ) {
  let got = false;
  try {
    got = lock.tryAcquire();
  } catch (e) {
    errors.push(`acquire: ${(e as Error).message}`);
  }
  if (!got) {
    await tick();
    continue;
  }
  try {
    closeSync(openSync(marker, 'wx'));
  } catch (e) {
    errors.push(`TWO HOLDERS: ${(e as Error).message}`);
  }
  // Hold for a few event-loop turns, as a real short write does.
  for (let k = 0; k < 20; k++) await tick();
  try {
    unlinkSync(marker);
  } catch (e) {
    errors.push(`marker: ${(e as Error).message}`);
  }
  acquired++;
  i++;
  if (i === rounds) {
    process.stdout.write(JSON.stringify({ ok: errors.length === 0, acquired, errors }) + '\n');
    process.exit(0); // die holding the lock: a stale lock for the others
  }
  lock.release();
}
process.stdout.write(JSON.stringify({ ok: false, acquired, errors: [...errors, 'deadline'] }) + '\n');
