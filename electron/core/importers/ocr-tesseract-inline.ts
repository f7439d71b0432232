// tesseract.js's worker script run inside the OCR page thread itself, instead of in a third thread
// of its own. tesseract.js always starts a worker_threads Worker for its WASM; the OCR page thread
// is already off the main thread, so that third thread only added a V8 isolate (its heap and its
// malloc arena), a copy of every page image sent to it and a structured clone of every page's
// result (each word and symbol with its boxes) sent back. Here the same worker script
// (tesseract.js/src/worker-script, the code its thread would run) answers the same job messages
// through a direct call. Only used off the main thread: on the main thread (LAWDESK_OCR_IN_PROCESS=1,
// a build without the worker file) recognition would block the event loop, so tesseract.js's own
// thread is kept there (ocr-tesseract.ts newTesseract).

import { createRequire } from 'node:module';

/** The calls ocr-tesseract.ts makes on a tesseract worker; tesseract.js's Worker has them too. */
export interface TesseractJobs {
  recognize(image: Buffer, options?: Record<string, unknown>, output?: Record<string, unknown>): Promise<{ data: import('tesseract.js').Page }>;
  setParameters(params: Record<string, string>): Promise<unknown>;
  terminate(): Promise<unknown>;
}

interface JobReply {
  status: 'resolve' | 'reject' | 'progress';
  data: unknown;
}
interface WorkerScript {
  dispatchHandlers(packet: { workerId: string; jobId: string; action: string; payload?: unknown }, send: (reply: JobReply) => void): void;
  setAdapter(adapter: Record<string, unknown>): void;
}

export interface InlineTesseractOptions {
  lang: string;
  /** tesseract.js OEM (1 = LSTM only). */
  oem: number;
  /** Folder holding `<lang>.traineddata` (or `.gz` with gzip). */
  langPath: string;
  gzip: boolean;
}

let script: WorkerScript | undefined;

/** The worker script, loaded once per thread (it keeps one TessBaseAPI in module state). */
function workerScript(): WorkerScript {
  if (script) return script;
  const req = createRequire(import.meta.url);
  const s = req('tesseract.js/src/worker-script/index.js') as WorkerScript;
  const cache = req('tesseract.js/src/worker-script/node/cache.js') as Record<string, unknown>;
  s.setAdapter({
    getCore: req('tesseract.js/src/worker-script/node/getCore.js'),
    gunzip: req('tesseract.js/src/worker-script/node/gunzip.js'),
    ...cache,
    // Never a download: the model is read from langPath, a local folder.
    fetch: () => Promise.reject(new Error('文字识别模型只从本机读取，不联网下载')),
  });
  script = s;
  return s;
}

/**
 * A tesseract worker whose jobs run in this thread. One job at a time (the worker script keeps the
 * current job in module state), in the order they were asked.
 */
export async function inlineTesseract(opts: InlineTesseractOptions): Promise<TesseractJobs> {
  const s = workerScript();
  let n = 0;
  let queue: Promise<unknown> = Promise.resolve();
  let ended = false;
  const job = <T>(action: string, payload?: unknown): Promise<T> => {
    const run = () =>
      new Promise<T>((resolve, reject) => {
        if (ended && action !== 'terminate') return reject(new Error('文字识别引擎已关闭'));
        s.dispatchHandlers({ workerId: 'lawdesk-ocr', jobId: `job-${++n}`, action, payload }, (r) => {
          if (r.status === 'resolve') resolve(r.data as T);
          else if (r.status === 'reject') reject(new Error(`文字识别引擎出错：${String(r.data).slice(0, 200)}`));
        });
      });
    const p = queue.then(run, run);
    queue = p.catch(() => undefined);
    return p;
  };
  const lstmOnly = opts.oem === 1 || opts.oem === 3;
  await job('load', { options: { lstmOnly, corePath: undefined, logging: false } });
  await job('loadLanguage', { langs: opts.lang, options: { langPath: opts.langPath, cacheMethod: 'none', gzip: opts.gzip, lstmOnly } });
  await job('initialize', { langs: opts.lang, oem: opts.oem, config: {} });
  return {
    recognize: async (image, options = {}, output = { text: true }) => ({ data: await job<import('tesseract.js').Page>('recognize', { image, options, output }) }),
    setParameters: (params) => job('setParameters', { params }),
    terminate: async () => {
      if (ended) return;
      ended = true;
      await job('terminate');
    },
  };
}
