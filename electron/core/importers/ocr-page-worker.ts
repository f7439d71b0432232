// The OCR page thread (worker_threads): decoding a photo, rendering a scanned PDF page with pdf.js,
// the red-channel pass and tesseract (its own worker, started from here) all run beside the main
// thread, whose event loop they used to freeze for 0.4–4.6 s a page. The work itself is
// ocr-page-job.ts; this file only carries the messages. Images come back as transferred buffers.

import { parentPort } from 'node:worker_threads';
import { ExtractError } from './extracted-document';
import { PageJob, type PageJobRequest } from './ocr-page-job';
import type { PageImageReply } from './ocr-page-images';

const job = new PageJob();

parentPort?.on('message', (m: PageJobRequest & { id: number }) => {
  job.handle(m).then(
    (result) => {
      const buf = result.image ? [result.image.data.buffer as ArrayBuffer] : result.preview ? [result.preview.data.buffer as ArrayBuffer] : [];
      parentPort!.postMessage({ id: m.id, ok: true, ...result } satisfies PageImageReply, buf);
    },
    (e: unknown) => parentPort!.postMessage({ id: m.id, ok: false, extract: e instanceof ExtractError, message: (e as Error)?.message ?? String(e), ...(e instanceof ExtractError ? { code: e.code } : {}) } satisfies PageImageReply),
  );
});
