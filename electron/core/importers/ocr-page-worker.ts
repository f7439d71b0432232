// The OCR page-image worker (worker_threads): decoding a photo, rendering a scanned PDF page with
// pdf.js and the red-channel pass take 0.4–4.6 s of CPU a page, which on the main thread froze the
// app's event loop; here they run beside it. Messages: decode an image file, open a PDF (its own
// copy of the bytes), render one of its pages, close it. Results go back as transferred buffers.

import { parentPort } from 'node:worker_threads';
import { ExtractError } from './extracted-document';
import { imageFilePage, renderPdfPage } from './ocr-images';
import type { PageImageRequest, PageImageReply } from './ocr-page-images';

type PdfDoc = Parameters<typeof renderPdfPage>[0];
let task: Awaited<ReturnType<typeof import('./pdf-text-extractor')['openPdfTask']>> | undefined;
let pdf: PdfDoc | undefined;

async function handle(m: PageImageRequest): Promise<PageImageReply> {
  switch (m.kind) {
    case 'image': {
      const img = await imageFilePage(m.bytes, m.name);
      return { id: m.id, ok: true, image: img };
    }
    case 'pdf-open': {
      const { openPdfTask } = await import('./pdf-text-extractor');
      task = await openPdfTask(m.bytes);
      pdf = await task.promise;
      return { id: m.id, ok: true, pages: pdf.numPages };
    }
    case 'pdf-page': {
      if (!pdf) throw new ExtractError('PDF 尚未打开');
      return { id: m.id, ok: true, image: await renderPdfPage(pdf, m.pageNo) };
    }
    case 'close':
      await task?.destroy();
      task = undefined;
      pdf = undefined;
      return { id: m.id, ok: true };
  }
}

parentPort?.on('message', (m: PageImageRequest) => {
  handle(m).then(
    (reply) => {
      const buf = reply.ok && reply.image ? [reply.image.data.buffer as ArrayBuffer] : [];
      parentPort!.postMessage(reply, buf);
    },
    (e: unknown) => parentPort!.postMessage({ id: m.id, ok: false, extract: e instanceof ExtractError, message: (e as Error)?.message ?? String(e) } satisfies PageImageReply),
  );
});
