// packs.json in the library folder: every saved pack in one lowdb document written through
// AtomicJsonFile (temp file, fsync, rename). Writes take the library's WriterLock and re-read the
// file under it, so the app and the CLI may both be open without losing each other's edits.

import { join } from 'node:path';
import { Low } from 'lowdb';
import { z } from 'zod';
import { AtomicJsonFile, CorruptFileError } from '../library/atomic-file';
import type { WriterLock } from '../library/writer-lock';
import { type Pack, PackError, PackSchema, type PackInput, describePackIssues, normalisePack } from './pack-model';

export const PACKS_FILE = 'packs.json';
export const PACKS_SCHEMA_VERSION = 1;

const PacksFileSchema = z.object({
  schemaVersion: z.number().int(),
  packs: z.record(z.string(), PackSchema).default({}),
});
type PacksFile = z.infer<typeof PacksFileSchema>;

function validate(data: unknown): PacksFile {
  const d = data as { schemaVersion?: unknown } | null;
  if (!d || typeof d !== 'object' || typeof d.schemaVersion !== 'number') throw new PackError('CORRUPT', 'packs.json 的结构不对（缺少 schemaVersion）');
  if (d.schemaVersion > PACKS_SCHEMA_VERSION) throw new PackError('INVALID', `packs.json 的版本为 ${d.schemaVersion}，比本程序支持的新，请升级 LawDesk`);
  const r = PacksFileSchema.safeParse(d);
  if (!r.success) throw new PackError('CORRUPT', 'packs.json 中有不合格式的简报包', describePackIssues(r.error).slice(0, 20));
  return r.data;
}

export interface PackSummary {
  id: string;
  title: string;
  template: Pack['template'];
  asOf: string;
  itemCount: number;
  updatedAt: string;
}

export class PackStore {
  private db: Low<PacksFile>;

  private constructor(
    readonly path: string,
    private readonly lock: WriterLock | undefined,
    private readonly now: () => Date,
  ) {
    this.db = new Low(new AtomicJsonFile<PacksFile>(path, validate), { schemaVersion: PACKS_SCHEMA_VERSION, packs: {} });
  }

  /** Opens (without creating) packs.json in a library folder. Pass the library's lock to share it. */
  static async open(libraryDir: string, opts: { lock?: WriterLock; now?: () => Date } = {}): Promise<PackStore> {
    const s = new PackStore(join(libraryDir, PACKS_FILE), opts.lock, opts.now ?? (() => new Date()));
    await s.reload();
    return s;
  }

  async reload(): Promise<void> {
    try {
      await this.db.read();
    } catch (e) {
      if (e instanceof CorruptFileError) throw new PackError('CORRUPT', e.message);
      throw e;
    }
  }

  list(): PackSummary[] {
    return Object.values(this.db.data.packs)
      .map((p) => ({ id: p.id, title: p.title, template: p.template, asOf: p.asOf, itemCount: p.items.length, updatedAt: p.updatedAt }))
      .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  }

  get(id: string): Pack {
    const p = this.db.data.packs[id];
    if (!p) throw new PackError('NOT_FOUND', `没有找到简报包 ${id}`);
    return structuredClone(p);
  }

  has(id: string): boolean {
    return id in this.db.data.packs;
  }

  /** Saves a new pack (an id given in the input is kept when free). */
  async create(input: PackInput | unknown): Promise<Pack> {
    return this.write((data) => {
      let pack = normalisePack(input, this.now());
      if (data.packs[pack.id]) pack = normalisePack({ ...(input as object), id: undefined }, this.now());
      data.packs[pack.id] = pack;
      return pack;
    });
  }

  /** Replaces a pack's content (title, cover, asOf, template, items); id and createdAt are kept. */
  async update(id: string, input: PackInput | unknown): Promise<Pack> {
    return this.write((data) => {
      const old = data.packs[id];
      if (!old) throw new PackError('NOT_FOUND', `没有找到简报包 ${id}`);
      const pack = normalisePack(input, this.now(), old);
      data.packs[id] = pack;
      return pack;
    });
  }

  async remove(id: string): Promise<void> {
    await this.write((data) => {
      if (!data.packs[id]) throw new PackError('NOT_FOUND', `没有找到简报包 ${id}`);
      delete data.packs[id];
    });
  }

  /** Reorders items: `itemIds` must name every item of the pack exactly once (drag and drop result). */
  async reorder(id: string, itemIds: string[]): Promise<Pack> {
    return this.write((data) => {
      const p = data.packs[id];
      if (!p) throw new PackError('NOT_FOUND', `没有找到简报包 ${id}`);
      const byId = new Map(p.items.map((it) => [it.id!, it]));
      if (itemIds.length !== p.items.length || new Set(itemIds).size !== itemIds.length || itemIds.some((i) => !byId.has(i))) {
        throw new PackError('INVALID', '新的顺序必须恰好包含简报包中的每个条目一次');
      }
      p.items = itemIds.map((i) => byId.get(i)!);
      p.updatedAt = this.now().toISOString();
      return structuredClone(p);
    });
  }

  /** Moves one item to a new index (0-based, clamped). */
  async moveItem(id: string, itemId: string, toIndex: number): Promise<Pack> {
    const p = this.get(id);
    const ids = p.items.map((i) => i.id!);
    const from = ids.indexOf(itemId);
    if (from < 0) throw new PackError('NOT_FOUND', `简报包 ${id} 中没有条目 ${itemId}`);
    ids.splice(from, 1);
    ids.splice(Math.max(0, Math.min(ids.length, toIndex)), 0, itemId);
    return this.reorder(id, ids);
  }

  private async write<T>(mutate: (data: PacksFile) => T): Promise<T> {
    if (this.lock && !this.lock.tryAcquire()) throw new PackError('LOCKED', '资料库正被另一个 LawDesk 进程写入，请稍后再试');
    try {
      await this.reload(); // under the lock: never overwrite another process's edit
      const before = structuredClone(this.db.data);
      let result: T;
      try {
        result = mutate(this.db.data);
        await this.db.write();
      } catch (e) {
        this.db.data = before;
        throw e;
      }
      return result;
    } finally {
      this.lock?.release();
    }
  }
}
