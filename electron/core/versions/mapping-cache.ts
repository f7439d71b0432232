// The article mappings kept in derived/mappings, one file per pair of version bodies, named by the
// two bodies' content hashes: a version whose text changes has a new body, hence a new name, so
// its old mapping is never read for it (and prune() removes files no current body names). A file
// is trusted only once it reads back as a mapping of exactly these two versions — its shape, its
// version ids, and every mapped unit of each version in it exactly once; anything else (a torn or
// edited file, an older format) is recomputed and written again. What was validated is kept in
// memory for the pairs used last (validatedMapping), by the same content hashes.

import { existsSync, mkdirSync, readdirSync, readFileSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { LawVersionMeta } from '../../shared/law-model';
import { MAPPING_KINDS } from '../../shared/api/versions';
import { writeFileAtomic } from '../library/atomic-file';
import type { LibraryStore } from '../library/library-store';
import type { ArticleMapping, MappedUnit } from './article-mapping';

// 2: references to other laws' articles count as amendments; the preamble is mapped
export const MAPPING_FORMAT = 2;

const entrySchema = z
  .object({
    kind: z.enum(MAPPING_KINDS),
    from: z.array(z.string()),
    to: z.array(z.string()),
    similarity: z.number().min(0).max(1),
    cosmetic: z.boolean(),
  })
  .refine((e) => (e.kind === 'added' ? e.from.length === 0 : e.from.length > 0) && (e.kind === 'deleted' ? e.to.length === 0 : e.to.length > 0));

const fileSchema = z.object({ format: z.literal(MAPPING_FORMAT), from: z.string(), to: z.string(), entries: z.array(entrySchema) });

export function mappingsDir(store: LibraryStore): string {
  return join(store.dir, 'derived', 'mappings');
}

const hashOf = (v: LawVersionMeta) => v.file.slice(0, 16);

/** The file of the mapping from one version's body to another's. */
export function mappingFile(store: LibraryStore, from: LawVersionMeta, to: LawVersionMeta): string {
  return join(mappingsDir(store), `${hashOf(from)}-${hashOf(to)}.json`);
}

/** The keys a mapping of these units lists, each once: the articles/sections and the (first) 序言. */
function mappedKeys(units: readonly MappedUnit[]): string[] {
  const keys = units.filter((u) => u.kind === 'article' || u.kind === 'section').map((u) => u.key);
  const preamble = units.find((u) => u.kind === 'preamble');
  return preamble ? [...keys, preamble.key] : keys;
}

function sameKeys(listed: string[], expected: string[]): boolean {
  if (listed.length !== expected.length) return false;
  const count = new Map<string, number>();
  for (const k of expected) count.set(k, (count.get(k) ?? 0) + 1);
  for (const k of listed) {
    const n = count.get(k);
    if (!n) return false;
    count.set(k, n - 1);
  }
  return true;
}

/** The stored mapping of `fromId` → `toId`, or undefined when there is none or it cannot be trusted. */
export function readMapping(file: string, fromId: string, toId: string, older: readonly MappedUnit[], newer: readonly MappedUnit[]): ArticleMapping[] | undefined {
  if (!existsSync(file)) return undefined;
  let parsed: z.infer<typeof fileSchema>;
  try {
    const r = fileSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (!r.success) return undefined;
    parsed = r.data;
  } catch {
    return undefined; // unreadable or not JSON
  }
  if (parsed.from !== fromId || parsed.to !== toId) return undefined;
  const entries = parsed.entries;
  if (!sameKeys(entries.flatMap((e) => e.from), mappedKeys(older)) || !sameKeys(entries.flatMap((e) => e.to), mappedKeys(newer))) return undefined;
  return entries;
}

// The mappings this process has validated (read back and checked, or computed), kept for the pairs
// used last: the first 版本对比 after a start read back and checked its stored mapping (刑诉法解释
// 2012 → 2021: 652 entries, 59 K characters of JSON, its schema and every article's key), and the
// same pair is asked again and again (the diff's first and full answer, 只看有变化的条文 on and off,
// 历次版本, the citation flags). Keyed by the two bodies' content hashes and the two version ids —
// what the check reads — so a mapping is checked once per content and a changed text, a new body,
// is never answered with its old mapping; the entries are frozen, being shared.
const MAPPINGS_KEPT = 32;
const validated = new WeakMap<LibraryStore, Map<string, readonly ArticleMapping[]>>();

const keyOf = (from: LawVersionMeta, to: LawVersionMeta) => `${from.file}\u0000${to.file}\u0000${from.id}\u0000${to.id}`;

/** A mapping of these two versions this process has validated, if it still holds one. */
export function validatedMapping(store: LibraryStore, from: LawVersionMeta, to: LawVersionMeta): readonly ArticleMapping[] | undefined {
  const kept = validated.get(store);
  const key = keyOf(from, to);
  const entries = kept?.get(key);
  if (!kept || !entries) return undefined;
  kept.delete(key); // re-inserted: the Map's order is the pairs' recency
  kept.set(key, entries);
  return entries;
}

/** Keeps a mapping just validated (read back and checked, or computed) for these two versions; the entries, frozen. */
export function keepValidatedMapping(store: LibraryStore, from: LawVersionMeta, to: LawVersionMeta, entries: ArticleMapping[]): readonly ArticleMapping[] {
  let kept = validated.get(store);
  if (!kept) validated.set(store, (kept = new Map()));
  for (const e of entries) {
    Object.freeze(e.from);
    Object.freeze(e.to);
    Object.freeze(e);
  }
  const frozen = Object.freeze(entries);
  kept.delete(keyOf(from, to));
  kept.set(keyOf(from, to), frozen);
  for (const oldest of kept.keys()) {
    if (kept.size <= MAPPINGS_KEPT) break;
    kept.delete(oldest);
  }
  return frozen;
}

/** Stores a mapping atomically; false when the library cannot be written (the mapping is then only not kept). */
export function writeMapping(store: LibraryStore, file: string, fromId: string, toId: string, entries: ArticleMapping[]): boolean {
  // a library folder deleted under a running job is not made again by it
  if (!existsSync(store.dir)) return false;
  try {
    mkdirSync(mappingsDir(store), { recursive: true });
    writeFileAtomic(file, JSON.stringify({ format: MAPPING_FORMAT, from: fromId, to: toId, entries }), { fsync: false });
    return true;
  } catch {
    return false;
  }
}

/** Deletes the stored mappings of bodies no version of the library has any more; how many. */
export function pruneMappings(store: LibraryStore): number {
  const dir = mappingsDir(store);
  if (!existsSync(dir)) return 0;
  const current = new Set(store.versions().map(hashOf));
  let pruned = 0;
  for (const name of readdirSync(dir)) {
    const m = /^([0-9a-f]{16})-([0-9a-f]{16})\.json$/.exec(name);
    if (!m || (current.has(m[1]!) && current.has(m[2]!))) continue;
    try {
      unlinkSync(join(dir, name));
      pruned++;
    } catch {
      /* already gone, or a read-only library: harmless, it is never read for a current pair */
    }
  }
  return pruned;
}
