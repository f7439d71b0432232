// The corpus manifest's titles as title keys (titleKey: no 书名号, no 中华人民共和国), for the build-time
// generators of title tables (law-contraction-guard.gen.ts, law-longer-titles.gen.ts). Reads only.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { titleKey } from './law-lookup';

/** The manifest beside the project (../shared/corpus/manifest.jsonl), from a generator in this folder. */
export const DEFAULT_MANIFEST = join(import.meta.dirname, '../../../../shared/corpus/manifest.jsonl');

/** Every distinct title key of the manifest, sorted. */
export function corpusTitleKeys(manifest: string = DEFAULT_MANIFEST): string[] {
  return [
    ...new Set(
      readFileSync(manifest, 'utf8')
        .split('\n')
        .filter((l) => l.trim())
        .map((l) => titleKey((JSON.parse(l) as { title: string }).title)),
    ),
  ].sort();
}
