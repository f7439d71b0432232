// How long OCR of a scan will take, for the import preview (without loading tesseract).

/** CPU seconds per A4 page at 200 dpi, measured by test/bench/ocr-bench.ts on the 2-core test machine. */
export const OCR_SECONDS_PER_PAGE = 4;
/** Loading the WASM core and the chi_sim model into a worker. */
export const OCR_START_SECONDS = 3;

export function estimateOcrSeconds(pages: number, workers = 1): number {
  return Math.ceil((pages * OCR_SECONDS_PER_PAGE) / Math.max(1, workers)) + OCR_START_SECONDS;
}
