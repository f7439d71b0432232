// Every channel of the one typed API, field by field: from each channel's contract schema a valid
// input is made, then one field at a time is replaced by a hostile value — the wrong type, a 70 KB
// string (over the text caps and the HTTP body cap), ids named like Object.prototype members
// (own-key.ts), path traversal, a NUL, a direction override, numbers out of range, objects carrying
// __proto__ / constructor keys. Each call must end in a clear answer: refused with a Chinese message
// and a code that is not INTERNAL (NOT_FOUND for an id like "constructor", never a 500), or
// answered; a refusal changes nothing in the library, and nothing pollutes Object.prototype. Sent
// through the Electron IPC registration (every channel, main's desktop-only ones included) and
// through the localhost HTTP face (every channel it answers).

import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

const handlers = new Map<string, (event: unknown, input: unknown) => Promise<unknown>>();
vi.mock('electron', () => ({
  ipcMain: { handle: (ch: string, fn: (event: unknown, input: unknown) => Promise<unknown>) => handlers.set(ch, fn) },
}));

import { ipcMain } from 'electron';
import { AppService } from '../../../electron/core/api/app-service';
import { MemorySettingsStore } from '../../../electron/core/api/settings-file';
import { registerIpc, type MainHandlers } from '../../../electron/main/ipc';
import { startBrowserFace, type BrowserFace } from '../../../electron/server/browser-face';
import { CHANNELS, DomainError, apiContract, channelInFace, type Channel } from '../../../electron/shared/api-contract';
import { makeLibrary } from '../bundles/bundle-helpers';

type Def = { type: string; [k: string]: unknown };
const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

// ── A valid input from a schema: the first candidate each leaf accepts. ──
const STRINGS = ['测试', 'abc', 'a1', '2026-01-01', '2026', '2026-01', 'AAAA', '1', 'x'.repeat(8), '2026-01-01T00:00:00.000Z', 'https://example.org/', 'a'.repeat(64), 'records-20260101T000000000Z-a.json'];
const NUMBERS = [1, 2026, 0, 0.5, 100];
function sample(s: z.ZodType, depth = 0): { ok: true; value: unknown } | { ok: false } {
  if (depth > 10) return { ok: false };
  const d = defOf(s);
  const first = (cands: unknown[]) => {
    for (const c of cands) if (s.safeParse(c).success) return { ok: true as const, value: c };
    return { ok: false as const };
  };
  switch (d.type) {
    case 'string':
      return first(STRINGS);
    case 'number':
      return first(NUMBERS);
    case 'boolean':
      return first([true, false]);
    case 'enum':
      return first(Object.values(d['entries'] as Record<string, unknown>));
    case 'literal':
      return first(d['values'] as unknown[]);
    case 'optional':
    case 'default':
    case 'nullable':
      return sample(d['innerType'] as z.ZodType, depth + 1);
    case 'array': {
      const el = sample(d['element'] as z.ZodType, depth + 1);
      return el.ok ? first([[], [el.value]]) : first([[]]);
    }
    case 'record':
      return first([{}]);
    case 'union':
      for (const o of d['options'] as z.ZodType[]) {
        const v = sample(o, depth + 1);
        if (v.ok && s.safeParse(v.value).success) return v;
      }
      return { ok: false };
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(d['shape'] as Record<string, z.ZodType>)) {
        if (defOf(v).type === 'optional') continue;
        const r = sample(v, depth + 1);
        if (!r.ok) return { ok: false };
        out[k] = r.value;
      }
      return first([out]);
    }
    default:
      return { ok: false };
  }
}

/** The fields of an object schema (nested objects and arrays' first element too), with their schemas. */
function fields(s: z.ZodType, value: unknown, path: (string | number)[] = [], depth = 0): { path: (string | number)[]; schema: z.ZodType; value: unknown }[] {
  if (depth > 4) return [];
  let d = defOf(s);
  while (d.type === 'optional' || d.type === 'default' || d.type === 'nullable') {
    s = d['innerType'] as z.ZodType;
    d = defOf(s);
  }
  const out = path.length ? [{ path, schema: s, value }] : [];
  if (d.type === 'object') {
    const shape = d['shape'] as Record<string, z.ZodType>;
    const obj = (value ?? {}) as Record<string, unknown>;
    for (const [k, v] of Object.entries(shape)) {
      const present = Object.prototype.hasOwnProperty.call(obj, k);
      const r = present ? { ok: true as const, value: obj[k] } : sample(v);
      if (r.ok) out.push(...fields(v, r.value, [...path, k], depth + 1));
    }
  } else if (d.type === 'array' && Array.isArray(value) && value.length) {
    out.push(...fields(d['element'] as z.ZodType, value[0], [...path, 0], depth + 1));
  }
  return out;
}

function setAt(base: unknown, path: (string | number)[], v: unknown): unknown {
  const copy = structuredClone(base) as Record<string | number, unknown>;
  let at = copy;
  for (const [i, k] of path.entries()) {
    if (i === path.length - 1) at[k] = v;
    else {
      if (at[k] === undefined) at[k] = typeof path[i + 1] === 'number' ? [] : {};
      at = at[k] as Record<string | number, unknown>;
    }
  }
  return copy;
}

const LONG = 'x'.repeat(70 * 1024);
const PROTO_IDS = ['__proto__', 'constructor', 'toString', 'hasOwnProperty'];
const TRAVERSAL = ['../../../../etc/passwd', '..\\..\\library.json', 'C:\\Windows\\win.ini'];
/** Hostile values for a field of this kind (the JSON text for HTTP: __proto__ keys survive only as text). */
function hostileValues(s: z.ZodType): { what: string; value: unknown; json?: string }[] {
  let d = defOf(s);
  while (d.type === 'optional' || d.type === 'default' || d.type === 'nullable') d = defOf(d['innerType'] as z.ZodType);
  const out: { what: string; value: unknown; json?: string }[] = [{ what: 'null', value: null }];
  if (d.type === 'string' || d.type === 'enum' || d.type === 'literal') {
    out.push({ what: 'a number', value: 7 }, { what: 'an object', value: { toString: 'x' } });
    for (const id of PROTO_IDS) out.push({ what: `"${id}"`, value: id });
    if (d.type === 'string') {
      for (const t of TRAVERSAL) out.push({ what: `path "${t}"`, value: t });
      out.push({ what: 'a 70 KB string', value: LONG }, { what: 'a NUL', value: 'a\u0000b' }, { what: 'a U+202E override', value: '\u202etxt.exe' }, { what: 'empty', value: '' });
    }
  } else if (d.type === 'number') {
    out.push({ what: 'a string', value: '5' }, { what: '-1', value: -1 }, { what: '1e308', value: 1e308 }, { what: '2^53+1', value: 2 ** 53 + 1 }, { what: '1.5', value: 1.5 });
  } else if (d.type === 'boolean') {
    out.push({ what: 'the string "true"', value: 'true' }, { what: '1', value: 1 });
  } else if (d.type === 'array') {
    out.push({ what: 'an object', value: { length: 1, 0: 'x' } }, { what: '100,001 elements', value: Array.from({ length: 100_001 }, () => 0) });
  } else if (d.type === 'object' || d.type === 'record' || d.type === 'union') {
    out.push({ what: 'an array', value: [] }, { what: 'a string', value: '[object Object]' });
    out.push({ what: '__proto__ key', value: JSON.parse('{"__proto__":{"polluted":true}}'), json: '{"__proto__":{"polluted":true}}' });
    out.push({ what: 'constructor.prototype keys', value: { constructor: { prototype: { polluted: true } } } });
  }
  return out;
}

/** A cheap fingerprint of every file under dir: a write (atomic: a rename) changes the inode or mtime. */
function fingerprint(dir: string): string {
  const rows: string[] = [];
  const walk = (d: string) => {
    for (const n of readdirSync(d).sort()) {
      const p = join(d, n);
      const rel = relative(dir, p);
      if (rel === 'library.lock' || rel.startsWith(join('derived', 'mappings'))) continue;
      const st = statSync(p, { bigint: true });
      if (st.isDirectory()) walk(p);
      else rows.push(`${rel} ${st.size} ${st.ino} ${st.mtimeNs}`);
    }
  };
  walk(dir);
  return rows.join('\n');
}

const work = mkdtempSync(join(tmpdir(), 'lawdesk-hostile-fields-'));
const lib = join(work, 'lib');
let app: AppService;
let face: BrowserFace;
const appFrame = { senderFrame: { parent: null, url: 'app://lawdesk/index.html' } };
const mainRan: string[] = [];

beforeAll(async () => {
  const { store } = await makeLibrary(lib, { records: true });
  const roots = [{ label: '测试', path: join(work, 'roots') }];
  mkdirSync(roots[0]!.path, { recursive: true });
  app = new AppService({ store, settings: new MemorySettingsStore(), face: 'electron', search: false, exportDir: join(work, 'exports'), stagingRoot: join(work, 'staging'), importRoots: roots });
  const own: MainHandlers = {};
  // Main's own handlers (native dialogs, shell) only record that the contract let the input through.
  for (const c of CHANNELS)
    if (channelInFace(c, 'electron') && !app.handles(c))
      (own as Record<string, unknown>)[c] = async () => {
        mainRan.push(c);
        throw new DomainError('CANCELLED', '（测试）桌面对话框未打开');
      };
  registerIpc(ipcMain, () => app, own);
  const renderer = join(work, 'renderer');
  mkdirSync(renderer, { recursive: true });
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>法规案头</title>');
  face = await startBrowserFace({ libraryDir: join(work, 'lib-http'), settings: new MemorySettingsStore(), rendererDir: renderer, importRoots: roots });
}, 180_000);

afterAll(async () => {
  app?.close();
  await face?.stop();
  rmSync(work, { recursive: true, force: true });
});

/** The channel's inputs to send: its valid sample with one field made hostile. */
const made = new Map<Channel, { what: string; value: unknown; json: string }[]>();
function mutations(channel: Channel): { what: string; value: unknown; json: string }[] {
  const cached = made.get(channel);
  if (cached) return cached;
  const schema = apiContract[channel].input as z.ZodType;
  const base = sample(schema);
  if (!base.ok) return [];
  const out: { what: string; value: unknown; json: string }[] = [];
  for (const f of fields(schema, base.value)) {
    for (const h of hostileValues(f.schema)) {
      const value = setAt(base.value, f.path, h.value);
      const json = h.json ? JSON.stringify(setAt(base.value, f.path, '\u0000HOLE')).replace('"\\u0000HOLE"', h.json) : JSON.stringify(value);
      out.push({ what: `${f.path.join('.')} ← ${h.what}`, value, json });
    }
  }
  made.set(channel, out);
  return out;
}

type Envelope = { ok: boolean; error?: { code: string; message: string } };
const judge = (r: Envelope) => (r.ok ? 'ok' : r.error?.code === 'INTERNAL' || !/[\u4e00-\u9fff]/.test(r.error?.message ?? '') ? `bad: ${JSON.stringify(r.error).slice(0, 200)}` : 'refused');

describe('every channel, every field, hostile values', () => {
  it('a valid input is made from the contract for nearly every channel (so the field tests reach the fields)', () => {
    const without = CHANNELS.filter((c) => !sample(apiContract[c].input as z.ZodType).ok);
    expect(without).toEqual([]);
    expect(CHANNELS.reduce((n, c) => n + mutations(c).length, 0)).toBeGreaterThan(2000);
  });

  it('IPC: each is refused clearly or answered; a refusal writes nothing; no INTERNAL', async () => {
    const bad: string[] = [];
    let refused = 0;
    let last = fingerprint(lib);
    for (const channel of [...handlers.keys()] as Channel[]) {
      for (const m of mutations(channel)) {
        const r = (await handlers.get(channel)!(appFrame, m.value)) as Envelope;
        const verdict = judge(r);
        if (verdict.startsWith('bad')) bad.push(`${channel} ${m.what}: ${verdict}`);
        const now = fingerprint(lib);
        if (verdict === 'refused') {
          refused++;
          if (now !== last) bad.push(`${channel} ${m.what}: refused but the library changed`);
        }
        last = now;
        expect(({} as Record<string, unknown>).polluted, `${channel} ${m.what}`).toBeUndefined();
      }
    }
    expect(bad).toEqual([]);
    expect(refused).toBeGreaterThan(2000);
  }, 600_000);

  it('HTTP: the same over the localhost face (every channel it answers)', async () => {
    const host = `127.0.0.1:${face.port}`;
    const post = (channel: string, body: string) =>
      new Promise<{ status: number; body: string }>((ok) => {
        const req = request({ host: '127.0.0.1', port: face.port, path: `/api/${channel}`, method: 'POST', headers: { host, 'content-type': 'application/json', 'x-lawdesk-token': face.token } }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => ok({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        });
        req.on('error', (e) => ok({ status: 0, body: (e as NodeJS.ErrnoException).code ?? 'error' }));
        req.end(body);
      });
    const httpLib = join(work, 'lib-http');
    const bad: string[] = [];
    let last = fingerprint(httpLib);
    // What reaches the service after the HTTP face's own parsing is what IPC sends (above): here the
    // kinds the JSON text and the body cap change — own __proto__ keys, a long string, a prototype id, a path.
    const kinds = /← (__proto__ key|constructor\.prototype keys|a 70 KB string|"constructor"|path "\.\.\/|null)/;
    for (const channel of CHANNELS.filter((c) => channelInFace(c, 'browser'))) {
      for (const m of mutations(channel).filter((x) => kinds.test(x.what))) {
        const r = await post(channel, m.json);
        const now = fingerprint(httpLib);
        const before = last;
        last = now;
        if (r.status === 200) continue;
        // 413 (the body cap) and a closed connection come before any JSON is read.
        if (r.status === 413 || r.status === 0) continue;
        let err: { code?: string; message?: string } = {};
        try {
          err = (JSON.parse(r.body) as { error?: typeof err }).error ?? {};
        } catch {
          bad.push(`${channel} ${m.what}: ${r.status} not JSON: ${r.body.slice(0, 100)}`);
          continue;
        }
        if (r.status >= 500 && err.code !== 'SEARCH_UNAVAILABLE') bad.push(`${channel} ${m.what}: ${r.status} ${r.body.slice(0, 200)}`);
        else if (!/[\u4e00-\u9fff]/.test(err.message ?? '')) bad.push(`${channel} ${m.what}: no clear message: ${r.body.slice(0, 200)}`);
        if (now !== before) bad.push(`${channel} ${m.what}: refused (${r.status}) but the library changed`);
      }
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(bad).toEqual([]);
  }, 600_000);
});
