// The renderer's one door to the app: a typed `call(channel, input)` and `on(event, cb)`.
// In Electron it goes through the preload's window.api; in a browser, over HTTP to the
// localhost server. This folder is the only place that touches window.api.

import type { ErrorData, ApiInput, ApiOutput, Channel, Envelope, EventName, EventPayload } from '../../../electron/shared/api-contract';
import { methodName } from '../../../electron/shared/api-channels';

export type Face = 'electron' | 'browser';

export interface LawDeskClient {
  face: Face;
  /**
   * `signal`: the caller no longer wants the answer (its page has gone). Over HTTP the request is
   * aborted, so its answer is neither received nor parsed; over IPC the answer is dropped on arrival.
   */
  call<C extends Channel>(channel: C, input: ApiInput<C>, signal?: AbortSignal): Promise<ApiOutput<C>>;
  on<E extends EventName>(event: E, cb: (payload: EventPayload<E>) => void): () => void;
  /**
   * `cb(true)` runs each time the event stream is (re)connected — events sent before then never
   * arrive, so a listener that must not miss a change asks for the state again there — and
   * `cb(false)` when it is lost (the browser face's server has gone; it keeps trying).
   */
  onConnection(cb: (connected: boolean) => void): void;
}

/** An API failure as the UI shows it: a code and a readable Chinese message. */
export class ClientError extends Error {
  constructor(
    readonly code: ErrorData['code'] | 'NETWORK',
    message: string,
  ) {
    super(message);
    this.name = 'ClientError';
  }
}

function unwrap<T>(env: Envelope<T>): T {
  if (env && env.ok) return env.value;
  const err = env && !env.ok ? env.error : { code: 'INTERNAL' as const, message: '返回值格式不对' };
  throw new ClientError(err.code, err.message);
}

interface PreloadApi {
  face: 'electron';
  onEvent(name: string, cb: (payload: unknown) => void): () => void;
  [method: string]: unknown;
}

declare global {
  interface Window {
    api?: PreloadApi;
  }
}

function ipcClient(api: PreloadApi): LawDeskClient {
  return {
    face: 'electron',
    async call(channel, input, signal) {
      const fn = api[methodName(channel)] as ((i: unknown) => Promise<Envelope<never>>) | undefined;
      if (typeof fn !== 'function') throw new ClientError('UNSUPPORTED', `桌面版缺少接口 ${channel}`);
      const env = await fn(input);
      if (signal?.aborted) throw new ClientError('NETWORK', '请求已取消');
      return unwrap(env);
    },
    on(event, cb) {
      return api.onEvent(event, cb as (p: unknown) => void);
    },
    // The preload's listener is attached when `on` returns: connected from then on, and for good.
    onConnection(cb) {
      queueMicrotask(() => cb(true));
    },
  };
}

function httpClient(): LawDeskClient {
  let source: EventSource | undefined;
  const listeners = new Map<string, Set<(p: unknown) => void>>();
  const connection = new Set<(connected: boolean) => void>();
  const ensureSource = (event: string) => {
    if (!source) {
      source = new EventSource('/api/events');
      source.addEventListener('open', () => {
        for (const cb of connection) cb(true);
      });
      source.addEventListener('error', () => {
        for (const cb of connection) cb(false);
      });
    }
    if (!listeners.has(event)) {
      const set = new Set<(p: unknown) => void>();
      listeners.set(event, set);
      source.addEventListener(event, (e) => {
        let payload: unknown;
        try {
          payload = JSON.parse((e as MessageEvent<string>).data);
        } catch {
          return;
        }
        for (const l of set) l(payload);
      });
    }
    return listeners.get(event)!;
  };
  return {
    face: 'browser',
    async call(channel, input, signal) {
      let res: Response;
      try {
        res = await fetch(`/api/${channel}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(input ?? {}),
          credentials: 'same-origin',
          ...(signal ? { signal } : {}),
        });
      } catch {
        if (signal?.aborted) throw new ClientError('NETWORK', '请求已取消');
        throw new ClientError('NETWORK', '无法连接到 LawDesk 本机服务：它可能已经退出，请重新运行 npm start');
      }
      let env: Envelope<never>;
      try {
        env = (await res.json()) as Envelope<never>;
      } catch {
        if (signal?.aborted) throw new ClientError('NETWORK', '请求已取消');
        throw new ClientError('INTERNAL', `服务返回了无法识别的内容（HTTP ${res.status}）`);
      }
      return unwrap(env);
    },
    on(event, cb) {
      const set = ensureSource(event);
      set.add(cb as (p: unknown) => void);
      return () => set.delete(cb as (p: unknown) => void);
    },
    onConnection(cb) {
      connection.add(cb);
      if (source?.readyState === EventSource.OPEN) queueMicrotask(() => cb(true));
    },
  };
}

export const client: LawDeskClient = typeof window !== 'undefined' && window.api ? ipcClient(window.api) : httpClient();

export function errorMessage(e: unknown): string {
  if (e instanceof ClientError) return e.message;
  if (e instanceof Error) return e.message;
  return String(e);
}
