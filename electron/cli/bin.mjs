#!/usr/bin/env node
// Entry point of the `lawdesk` command: runs the TypeScript CLI through tsx, so a fresh clone
// works after `npm ci` without a build step.
import { register } from 'tsx/esm/api';

register();
// `lawdesk list | head` closes the pipe early: that is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
}
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2));
