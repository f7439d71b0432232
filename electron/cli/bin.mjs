#!/usr/bin/env node
// Entry point of the `lawdesk` command: runs the TypeScript CLI through tsx, so a fresh clone
// works after `npm ci` without a build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2));
