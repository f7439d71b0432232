// The tesseract outputs kept as fixtures (test/fixtures/documents/ocr-flags/, make-ocr-flags.ts), as the OCR
// tests read them: one place that names the blind set kept back, so no test reads its pages before it is scored.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { OcrPage } from '../../../electron/core/importers/ocr-engine';
import { parseLawText } from '../../../electron/core/parse/law-structure-parser';

export const KEPT_DIR = join(import.meta.dirname, '../../fixtures/documents/ocr-flags');
/** The blind set no test reads until the lead has scored it once (none between its scoring and the next pick). */
const KEPT_BACK: string[] = [];
/** Whether a kept law's set is the blind set kept back. */
export const keptBack = (set: string | undefined): boolean => KEPT_BACK.includes(set ?? 'dev');

/** A gzipped JSON file of the kept fixtures. */
export const readKept = (file: string): unknown => JSON.parse(gunzipSync(readFileSync(join(KEPT_DIR, file))).toString('utf8'));

/** Every kept law's pages (the OCR bench's own pages aside), the blind set kept back left out. */
export const keptLaws = (): { slug: string; d: { set?: string; pages: OcrPage[] } }[] =>
  readdirSync(KEPT_DIR)
    .filter((n) => n.endsWith('.pages.json.gz') && !n.startsWith('yuanzhu'))
    .map((f) => ({ slug: f.replace('.pages.json.gz', ''), d: readKept(f) as { set?: string; pages: OcrPage[] } }))
    .filter((l) => !keptBack(l.d.set));

/** The articles (and sections) of a text read back. */
export const articleUnits = (text: string) => parseLawText(text, { format: 'txt' }).units.filter((u) => u.kind === 'article' || u.kind === 'section');
