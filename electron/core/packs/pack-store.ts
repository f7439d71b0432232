// packs.json in the library folder: every saved pack in one versioned document
// (library/versioned-store.ts): written whole under the library's WriterLock, re-read when the
// CLI beside the app has changed it, refused untouched when a newer LawDesk wrote it.

import { join } from 'node:path';
import { z } from 'zod';
import { VersionedStore } from '../library/versioned-store';
import type { WriterLock } from '../library/writer-lock';
import { type Pack, PackError, PackSchema, type PackInput, type PackItemInput, describePackIssues, normalisePack } from './pack-model';

/** What makes two items the same content; undefined for free text (two notes may say the same). */
export function itemKey(it: PackItemInput): string | undefined {
  switch (it.type) {
    case 'article':
      return JSON.stringify(['article', it.law, it.version ?? '', it.article]);
    case 'law':
      return JSON.stringify(['law', it.law, it.version ?? '', it.chapter ?? []]);
    case 'review':
    case 'lecture':
    case 'note':
      return JSON.stringify([it.type, it.recordId]);
    case 'stats':
      return JSON.stringify(['stats', it.year]);
    case 'search':
      return JSON.stringify(['search', it.query, it.lawId ?? '', it.inForceOnly ?? false, it.levels ?? [], it.regions ?? [], it.statuses ?? [], it.categories ?? [], it.asOf ?? '']);
    case 'text':
      return undefined;
  }
}

function itemName(it: PackItemInput): string {
  const law = (name: string, snap?: string) => `《${(snap ?? name).replace(/[《》]/g, '')}》`;
  switch (it.type) {
    case 'article':
      // The reader's snapshot already names the article (…（2019年修正）第十二条).
      if (it.titleSnapshot && /第[^》]+条$/.test(it.titleSnapshot)) return `“${it.titleSnapshot.replace(/[《》]/g, '')}”`;
      return `${law(it.law, it.titleSnapshot)}${/^第/.test(it.article) ? it.article : `第${it.article}条`}`;
    case 'law':
      return `${law(it.law, it.titleSnapshot)}${it.chapter ? it.chapter.join(' ') : ''}`;
    case 'stats':
      return `${it.year}年度统计`;
    case 'search':
      return `检索“${it.query}”`;
    default:
      return `记录 ${'recordId' in it ? it.recordId : ''}`;
  }
}
import { dateInZone } from '../../shared/office-clock';
import { own } from '../util/own-key';

export const PACKS_FILE = 'packs.json';
export const PACKS_SCHEMA_VERSION = 1;

export const PacksFileSchema = z.object({
  schemaVersion: z.number().int(),
  packs: z.record(z.string(), PackSchema).default({}),
});
export type PacksFile = z.infer<typeof PacksFileSchema>;

/** Forward migrations of packs.json, one per schema step (MIGRATIONS[n]: n-1 → n). */
export const PACKS_MIGRATIONS: Record<number, (d: Record<string, unknown>) => void> = {};

export interface PackSummary {
  id: string;
  title: string;
  template: Pack['template'];
  asOf: string;
  itemCount: number;
  updatedAt: string;
}

export class PackStore {
  private constructor(
    private readonly store: VersionedStore<PacksFile>,
    private readonly now: () => Date,
    private readonly today: () => string,
  ) {}

  get path(): string {
    return this.store.path;
  }

  /** Opens (without creating) packs.json in a library folder. Pass the library's lock to share it. */
  /** `today`: the office clock (LibraryStore.today()); by default the office's default zone. */
  static async open(libraryDir: string, opts: { lock?: WriterLock; now?: () => Date; today?: () => string } = {}): Promise<PackStore> {
    const store = VersionedStore.open(
      join(libraryDir, PACKS_FILE),
      {
        what: '简报包',
        version: PACKS_SCHEMA_VERSION,
        schema: PacksFileSchema,
        empty: () => ({ schemaVersion: PACKS_SCHEMA_VERSION, packs: {} }),
        migrations: PACKS_MIGRATIONS,
        error: (code, message, issues) => new PackError(code, message, issues),
        describeIssues: describePackIssues,
      },
      opts.lock,
    );
    const now = opts.now ?? (() => new Date());
    return new PackStore(store, now, opts.today ?? (() => dateInZone(now())));
  }

  private get packs(): PacksFile['packs'] {
    return this.store.current().packs;
  }

  list(): PackSummary[] {
    return Object.values(this.packs)
      .map((p) => ({ id: p.id, title: p.title, template: p.template, asOf: p.asOf, itemCount: p.items.length, updatedAt: p.updatedAt }))
      .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  }

  get(id: string): Pack {
    const p = own(this.packs, id);
    if (!p) throw new PackError('NOT_FOUND', `没有找到简报包 ${id}`);
    return structuredClone(p);
  }

  has(id: string): boolean {
    return own(this.packs, id) !== undefined;
  }

  /** Saves a new pack (an id given in the input is kept when free). */
  async create(input: PackInput | unknown): Promise<Pack> {
    return this.write((data) => {
      let pack = normalisePack(input, this.now(), undefined, this.today());
      if (own(data.packs, pack.id)) pack = normalisePack({ ...(input as object), id: undefined }, this.now(), undefined, this.today());
      data.packs[pack.id] = pack;
      return pack;
    });
  }

  /** Replaces a pack's content (title, cover, asOf, template, items); id and createdAt are kept. */
  async update(id: string, input: PackInput | unknown): Promise<Pack> {
    return this.write((data) => {
      const old = own(data.packs, id);
      if (!old) throw new PackError('NOT_FOUND', `没有找到简报包 ${id}`);
      const pack = normalisePack(input, this.now(), old, this.today());
      data.packs[id] = pack;
      return pack;
    });
  }

  /**
   * Appends items; an item the pack already holds (the same article of the same version, the same
   * law or chapter, record, search or statistics year) is refused with the place it is at, so an
   * article is never added twice without the user knowing.
   */
  async addItems(id: string, items: PackItemInput[]): Promise<Pack> {
    return this.write((data) => {
      const old = own(data.packs, id);
      if (!old) throw new PackError('NOT_FOUND', `没有找到简报包 ${id}`);
      const seen = new Map(old.items.map((it, i) => [itemKey(it), i]));
      const dupes: string[] = [];
      for (const it of items) {
        const k = itemKey(it);
        const at = k === undefined ? undefined : seen.get(k);
        if (at !== undefined) dupes.push(`${itemName(it)} 已是第 ${at + 1} 项`);
        if (k !== undefined) seen.set(k, seen.get(k) ?? old.items.length + items.indexOf(it));
      }
      if (dupes.length) throw new PackError('INVALID', `简报“${old.title}”中已有：${dupes.join('；')}，未重复加入`);
      const pack = normalisePack({ title: old.title, template: old.template, cover: old.cover, asOf: old.asOf, items: [...old.items, ...items] }, this.now(), old);
      data.packs[id] = pack;
      return pack;
    });
  }

  async remove(id: string): Promise<void> {
    await this.write((data) => {
      if (!own(data.packs, id)) throw new PackError('NOT_FOUND', `没有找到简报包 ${id}`);
      delete data.packs[id];
    });
  }

  /** Reorders items: `itemIds` must name every item of the pack exactly once (drag and drop result). */
  async reorder(id: string, itemIds: string[]): Promise<Pack> {
    return this.write((data) => {
      const p = own(data.packs, id);
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

  private write<T>(mutate: (data: PacksFile) => T): Promise<T> {
    return this.store.mutate(mutate);
  }
}
