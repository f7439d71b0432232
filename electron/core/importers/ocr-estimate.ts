// How long OCR of a scan will take, for the import preview (without loading tesseract). The rate
// is measured: every OCR run reports its CPU time, the library keeps the last one (ocr-rate.json,
// see library-import.ts) and the next preview uses it; a fresh library uses the benchmark's rate.

import { availableParallelism } from 'node:os';
import { z } from 'zod';

/** CPU seconds per A4 page at 200 dpi, measured by test/bench/ocr-bench.ts on the 2-core test machine. */
export const OCR_SECONDS_PER_PAGE = 7;
/** Loading the WASM core and the chi_sim model into a worker. */
export const OCR_START_SECONDS = 3;

/** What one OCR run measured: CPU seconds per page (after start) and for starting the workers. */
export const ocrRateSchema = z.object({
  cpuSecondsPerPage: z.number().positive().max(600),
  startCpuSeconds: z.number().min(0).max(600),
  pages: z.number().int().positive(),
  measuredAt: z.string(),
});
export type OcrRate = z.infer<typeof ocrRateSchema>;

/** The rate to estimate with: a measured one when it is sane, else the benchmark's. */
export function rateOrDefault(rate: OcrRate | undefined): { perPage: number; start: number; measured: boolean } {
  return rate ? { perPage: rate.cpuSecondsPerPage, start: rate.startCpuSeconds, measured: true } : { perPage: OCR_SECONDS_PER_PAGE, start: OCR_START_SECONDS, measured: false };
}

/** Wall seconds for `pages`, the work spread over one worker per core minus one (as recognisePages does). */
export function estimateOcrSeconds(pages: number, rate?: OcrRate, workers = Math.max(1, availableParallelism() - 1)): number {
  const r = rateOrDefault(rate);
  const w = Math.max(1, Math.min(workers, pages));
  return Math.ceil((pages * r.perPage) / w + r.start);
}
