// The Electron app:// handler with `electron` mocked: a malformed percent-encoding (/%ff) is a
// 400, not an exception inside the protocol handler (which Electron turns into a failed load).
import { describe, expect, it, vi } from 'vitest';

const handled = vi.hoisted(() => ({ fn: undefined as undefined | ((req: { url: string }) => Promise<Response>) }));
vi.mock('electron', () => ({
  protocol: { handle: (_scheme: string, fn: (req: { url: string }) => Promise<Response>) => (handled.fn = fn), registerSchemesAsPrivileged: vi.fn() },
  net: { fetch: vi.fn(async () => new Response('file')) },
}));

const { serveRenderer } = await import('../../../electron/main/app-protocol');

describe('app:// protocol', () => {
  it('answers 400 to malformed percent-encoding and 404 outside the renderer', async () => {
    serveRenderer(import.meta.dirname);
    expect((await handled.fn!({ url: 'app://lawdesk/%ff' })).status).toBe(400);
    expect((await handled.fn!({ url: 'app://lawdesk/%E4%B8' })).status).toBe(400);
    expect((await handled.fn!({ url: 'app://lawdesk/..%2f..%2fetc%2fpasswd' })).status).toBe(404);
    expect((await handled.fn!({ url: 'app://lawdesk/app-protocol.test.ts' })).status).toBe(200);
  });
});
