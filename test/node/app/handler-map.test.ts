// The service's handler map is exhaustive: the type `Handlers` requires one handler per channel of
// the contract that the service answers (all but the desktop-only ones, which electron/main
// answers), so a channel added to the contract without a handler is a tsc error, not a run-time
// "此处不处理". `npm run typecheck` checks the @ts-expect-error below: if a map missing a channel
// ever compiled, the directive itself would be the error.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Handlers, ServiceChannel } from '../../../electron/core/api/api-context';
import { CHANNELS, channelInFace, type DesktopChannel } from '../../../electron/shared/api-contract';
import { openTestApp } from '../test-app';

// Type-level cases (never called; checked by tsc).
export function withoutOneHandler(all: Handlers): Handlers {
  const { 'records:citedBy': _dropped, ...rest } = all;
  // @ts-expect-error a map without the records:citedBy handler is not a Handlers
  const missing: Handlers = rest;
  return missing;
}
export function desktopChannelsNeedNoHandler(all: Handlers): Handlers & { 'import:pickAndPreview'?: never } {
  const picked: DesktopChannel = 'import:pickAndPreview';
  // @ts-expect-error a desktop-only channel is not a service channel
  const wrong: ServiceChannel = picked;
  void wrong;
  return all;
}

describe('the handler map', () => {
  it('answers every channel but the desktop-only ones, and those are exactly the contract’s electron calls', async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'lawdesk-handlers-'));
    const svc = await openTestApp(tmp);
    try {
      const unanswered = CHANNELS.filter((c) => !svc.handles(c));
      expect(unanswered.length).toBeGreaterThan(0);
      expect(unanswered).toEqual(CHANNELS.filter((c) => !channelInFace(c, 'browser')));
    } finally {
      svc.close();
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});
