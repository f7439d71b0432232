// manifest.jsonl beside imported files (the corpus format): one JSON object a line with `path`
// relative to the folder it describes, and the law's title/level/region/dates/expired. Matched to
// files by the longest common path suffix, so a manifest one folder up (corpus/manifest.jsonl for
// corpus/laws/…) still applies.

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { z } from 'zod';
import type { Level, LawVersionMeta } from '../../shared/law-model';
import { asLevel } from './level-and-region';
import { TimeSlicer } from '../util/time-slicer';

const ManifestEntrySchema = z.object({
  path: z.string().min(1),
  title: z.string().nullish(),
  subtitle: z.string().nullish(),
  level: z.string().nullish(),
  region: z.string().nullish(),
  category: z.string().nullish(),
  published: z.string().nullish(),
  effective: z.string().nullish(),
  expired: z.boolean().nullish(),
});
export type ManifestEntry = z.infer<typeof ManifestEntrySchema>;

export interface ManifestIndex {
  lookup(file: string): ManifestEntry | undefined;
  warnings: { file: string; message: string }[];
}

function split(p: string): string[] {
  return p.split(/[\\/]+/).filter(Boolean);
}

/**
 * Loads manifest.jsonl files found in `roots` and their parent folders, giving the event loop back
 * every slice (the corpus' manifest is 2,590 lines, each parsed and checked: tens of ms at once).
 */
export async function loadManifests(roots: string[]): Promise<ManifestIndex> {
  const steps = manifestSteps(roots);
  const slicer = new TimeSlicer();
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    await slicer.maybePause();
  }
}

/** The reading, one step per line. */
function* manifestSteps(roots: string[]): Generator<void, ManifestIndex> {
  const byName = new Map<string, { parts: string[]; entry: ManifestEntry }[]>();
  const warnings: { file: string; message: string }[] = [];
  const seen = new Set<string>();
  for (const root of roots) {
    const abs = resolve(root);
    for (const dir of [abs, dirname(abs), dirname(dirname(abs))]) {
      const file = join(dir, 'manifest.jsonl');
      if (seen.has(file) || !existsSync(file)) continue;
      seen.add(file);
      const lines = readFileSync(file, 'utf8').split(/\r?\n/);
      for (const [n, line] of lines.entries()) {
        if (!line.trim()) continue;
        yield;
        let parsed: unknown;
        try {
          parsed = JSON.parse(line);
        } catch {
          warnings.push({ file, message: `第 ${n + 1} 行不是有效的 JSON，已忽略` });
          continue;
        }
        const r = ManifestEntrySchema.safeParse(parsed);
        if (!r.success) {
          warnings.push({ file, message: `第 ${n + 1} 行缺少 path 或字段类型不对，已忽略` });
          continue;
        }
        const parts = split(r.data.path);
        const name = parts[parts.length - 1]!;
        const list = byName.get(name) ?? [];
        list.push({ parts, entry: r.data });
        byName.set(name, list);
      }
    }
  }
  return {
    warnings,
    lookup(filePath: string) {
      const parts = split(resolve(filePath).split(sep).join('/'));
      const list = byName.get(parts[parts.length - 1]!);
      if (!list) return undefined;
      let best: ManifestEntry | undefined;
      let bestLen = 0;
      for (const c of list) {
        let k = 0;
        while (k < c.parts.length && k < parts.length && c.parts[c.parts.length - 1 - k] === parts[parts.length - 1 - k]) k++;
        // the whole manifest path must match the end of the file's path
        if (k === c.parts.length && k > bestLen) {
          best = c.entry;
          bestLen = k;
        }
      }
      return best;
    },
  };
}

/** Metadata a manifest line can correct on a version already in the library. */
export interface ManifestCorrection {
  level?: Level;
  category?: string;
  effective?: string;
  expired?: boolean;
}

const FIELD_NAMES: Record<keyof ManifestCorrection, string> = { level: '效力级别', category: '分类', effective: '施行日期', expired: '已废止' };

/**
 * What a manifest line says differently about an identical text already imported (its level was
 * guessed, it had no 分类 …). Only fields that do not make the version's identity: title, region and
 * the 公布 date name the law and the version, so changing them is an edit, not an import.
 */
export function manifestCorrections(
  existing: Pick<LawVersionMeta, 'level' | 'category' | 'effective' | 'expired'>,
  manifest: ManifestEntry | undefined,
): { patch: ManifestCorrection; summary: string } | undefined {
  if (!manifest) return undefined;
  const patch: ManifestCorrection = {};
  const level = asLevel(manifest.level);
  if (level && level !== existing.level) patch.level = level;
  const category = manifest.category?.trim();
  if (category && category !== existing.category) patch.category = category;
  const effective = manifest.effective?.trim();
  if (effective && /^\d{4}-\d{2}-\d{2}$/.test(effective) && effective !== existing.effective) patch.effective = effective;
  if (manifest.expired != null && manifest.expired !== !!existing.expired) patch.expired = manifest.expired;
  const keys = Object.keys(patch) as (keyof ManifestCorrection)[];
  if (!keys.length) return undefined;
  const summary = keys
    .map((k) => {
      const before = k === 'expired' ? (existing.expired ? '是' : '否') : (existing[k] ?? '无');
      const after = k === 'expired' ? (patch.expired ? '是' : '否') : patch[k];
      return `${FIELD_NAMES[k]} ${before} → ${after}`;
    })
    .join('，');
  return { patch, summary };
}
