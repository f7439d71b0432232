// The one id maker: a prefix, the time in base 36 (so ids of one kind sort by creation) and 9
// random bytes (so an id handed to a face cannot be guessed: staging, task and file ids are
// capabilities). Only [A-Za-z0-9_-], safe in file names, URLs and the contract's id patterns.

import { randomBytes } from 'node:crypto';

export function newId(prefix = '', now: Date = new Date()): string {
  return `${prefix}${now.getTime().toString(36)}${randomBytes(9).toString('base64url')}`;
}
