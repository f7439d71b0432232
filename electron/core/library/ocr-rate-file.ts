// The last OCR run's measured rate, kept in the library folder (ocr-rate.json) so that the import
// preview's estimate follows this machine rather than a constant. Written atomically; a missing or
// unreadable file just means "use the benchmark's rate".

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ocrRateSchema, type OcrRate } from '../importers/ocr-estimate';
import type { OcrRunStats } from '../importers/ocr-engine';
import { writeFileAtomic } from './atomic-file';

export const OCR_RATE_FILE = 'ocr-rate.json';

export function readOcrRate(dir: string): OcrRate | undefined {
  const path = join(dir, OCR_RATE_FILE);
  if (!existsSync(path)) return undefined;
  try {
    const r = ocrRateSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    return r.success ? r.data : undefined;
  } catch {
    return undefined;
  }
}

/** Keep a finished run's rate; failing to write it never fails the import. */
export function recordOcrRate(dir: string, stats: OcrRunStats, now: Date): void {
  if (stats.pages < 1 || stats.pagesCpuSeconds <= 0) return;
  const rate: OcrRate = {
    cpuSecondsPerPage: Math.round((stats.pagesCpuSeconds / stats.pages) * 10) / 10,
    startCpuSeconds: Math.round(stats.startCpuSeconds * 10) / 10,
    pages: stats.pages,
    measuredAt: now.toISOString(),
  };
  if (!ocrRateSchema.safeParse(rate).success) return;
  try {
    writeFileAtomic(join(dir, OCR_RATE_FILE), `${JSON.stringify(rate, null, 2)}\n`, { fsync: false });
  } catch {
    /* read-only library: the next estimate uses the previous rate */
  }
}
