// tesseract.js's worker script run inside the OCR page thread itself, instead of in a third thread
// of its own. tesseract.js always starts a worker_threads Worker for its WASM; the OCR page thread
// is already off the main thread, so that third thread only added a V8 isolate (its heap and its
// malloc arena), a copy of every page image sent to it and a structured clone of every page's
// result (each word and symbol with its boxes) sent back. Here the same worker script
// (tesseract.js/src/worker-script, the code its thread would run) answers the same job messages
// through a direct call. Only used off the main thread: on the main thread (LAWDESK_OCR_IN_PROCESS=1,
// a build without the worker file) recognition would block the event loop, so tesseract.js's own
// thread is kept there (ocr-tesseract.ts newTesseract).

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { errorLine } from './error-line';

/** The calls ocr-tesseract.ts makes on a tesseract worker; tesseract.js's Worker has them too. */
export interface TesseractJobs {
  recognize(image: Buffer, options?: Record<string, unknown>, output?: Record<string, unknown>): Promise<{ data: import('tesseract.js').Page }>;
  setParameters(params: Record<string, string>): Promise<unknown>;
  terminate(): Promise<unknown>;
  /** Only the inline worker has it: see LevelledJob. */
  recogniseLevelled?: LevelledJob;
}

/**
 * Recognise a page once, levelled by the skew its own page layout measures: the image is set and
 * its lines found (the page segmentation mode set on the worker), tesseract's gradient read; a page
 * within `minSkew` radians of level is recognised on those lines as they are, a skewed one set
 * again rotated by the gradient and recognised. The blocks (and the hOCR when asked) as
 * tesseract.js's recognize gives them, and the rotation applied.
 */
export type LevelledJob = (image: Buffer, minSkew: number, output: { hocr: boolean }) => Promise<{ data: Pick<import('tesseract.js').Page, 'blocks' | 'hocr'>; rotateRadians: number }>;

/** The TessBaseAPI calls the levelled job makes (tesseract.js-core's binding). */
interface TessApi {
  SetImageFile(exif: number, angle: number): number;
  FindLines(): number;
  GetGradient(): number;
  Recognize(monitor: null): number;
  GetJSONText(): string;
  GetHOCRText(): string;
}
interface TessModule {
  TessBaseAPI: new () => TessApi;
  /** The WASM module's in-memory file system (emscripten MEMFS: tesseract reads its image from there), not the disk. */
  FS: { writeFile: (path: string, data: Uint8Array) => void };
}

/** The WASM module and the one TessBaseAPI the worker script made in it (this thread's). */
let tess: { module: TessModule; api?: TessApi } | undefined;

/**
 * Keeps the module and the API the worker script makes in it (it creates one TessBaseAPI per
 * initialize and keeps it to itself), so that the levelled job can call the API between jobs.
 */
function keepApi(module: TessModule): TessModule {
  const Api = module.TessBaseAPI;
  const kept: { module: TessModule; api?: TessApi } = { module };
  tess = kept;
  module.TessBaseAPI = function KeptTessBaseAPI() {
    kept.api = new Api();
    return kept.api;
  } as unknown as new () => TessApi;
  return module;
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
  /** Folder of the tesseract.js-core package (its .wasm files), a real path (ocrAssetPaths). */
  corePath: string;
  /** Folder holding `<lang>.traineddata` (or `.gz` with gzip). */
  langPath: string;
  gzip: boolean;
}

/** A compiled WebAssembly.Module (opaque here: this project's Node typings do not declare the WebAssembly namespace). */
export type WasmModule = object & { readonly wasmModule?: never };
type WasmInstance = object;
const wasm = (globalThis as unknown as { WebAssembly: { compile(bytes: Uint8Array): Promise<WasmModule>; instantiate(module: WasmModule, imports: object): Promise<WasmInstance> } }).WebAssembly;

/**
 * The WASM core compiled once (by the first OCR thread that starts tesseract) and kept by the main
 * thread while OCR threads come and go: a new thread instantiates it instead of compiling 2.8 MB
 * of WASM again, and — since threads of one process share a compiled module's code — it also gets
 * the code V8 optimised while the earlier thread read its pages (the ≈ 1 CPU-s a fresh tesseract's
 * first page used to carry). `file` names the core it was compiled from.
 */
export interface CompiledCore {
  file: string;
  module: WasmModule;
}

/** Given by the main thread before the start (useCompiledCore); compiled here when absent. */
let given: CompiledCore | undefined;
/** Compiled in this thread and not yet handed to the main thread (takeCompiledCore). */
let fresh: CompiledCore | undefined;

export function useCompiledCore(core: CompiledCore | undefined): void {
  given = core;
}

/** The core this thread compiled, once, for the main thread to keep. */
export function takeCompiledCore(): CompiledCore | undefined {
  const c = fresh;
  fresh = undefined;
  return c;
}

/** The builds of tesseract.js-core this code may load (`LAWDESK_OCR_CORE` names one, to measure). */
const CORE_BUILDS = { relaxedsimd: 'tesseract-core-relaxedsimd', simd: 'tesseract-core-simd', plain: 'tesseract-core' } as const;

/**
 * Which core to load: the SIMD build where the engine has SIMD, else the plain one — and the
 * LSTM-only build when only LSTM is used. tesseract.js's getCore (worker-script/node/getCore.js)
 * prefers the relaxed-SIMD build where the engine has relaxed SIMD (Electron's V8 and Node 24
 * have; Node 20 has not); not here:
 * - relaxed-SIMD instructions may give different results on different processors (that is what
 *   "relaxed" allows), so one scan could read differently from one office computer to the next,
 *   and from what the tests check on the SIMD build;
 * - it is no faster: on Node 24 (V8 13.6) the pages read again cost the same (10.52–10.73 against
 *   10.50–10.88 CPU-s for the two pages), the first import of a process more (start and first two
 *   pages 11.61–11.97 against 11.24–11.26); forced on Node 20, 5.39 against 5.13 a page
 *   (README-importers.md).
 * Its Node getCore also compares the `lstmOnly` flag the load job passes (a boolean) with OEM
 * numbers, so in Node it always loaded the core with the legacy engine (3.45 MB of WASM instead of 2.86).
 */
export function coreName(lstmOnly: boolean, engine: { simd: boolean }, force = process.env.LAWDESK_OCR_CORE): string {
  const base = force && force in CORE_BUILDS ? CORE_BUILDS[force as keyof typeof CORE_BUILDS] : engine.simd ? CORE_BUILDS.simd : CORE_BUILDS.plain;
  return lstmOnly ? `${base}-lstm` : base;
}

/** Whether this engine runs WASM SIMD (wasm-feature-detect, as tesseract.js asks it). */
async function engineHasSimd(): Promise<boolean> {
  const req = createRequire(createRequire(import.meta.url).resolve('tesseract.js/package.json'));
  const { simd } = req('wasm-feature-detect') as { simd(): Promise<boolean> };
  return simd();
}

type CoreFactory = (args: Record<string, unknown>) => Promise<unknown>;

/** tesseract.js's getCore (called by its load job with the `lstmOnly` flag), the WASM instantiated from the kept compiled module when there is one. */
async function getCore(lstmOnly: boolean, corePath: string): Promise<CoreFactory> {
  const req = createRequire(import.meta.url);
  const name = coreName(lstmOnly === true, { simd: await engineHasSimd() });
  const core = req(`tesseract.js-core/${name}`) as CoreFactory;
  // Read by real path: app.asar.unpacked/node_modules/tesseract.js-core/ in the packaged app (ocrAssetPaths).
  const file = join(corePath, `${name}.wasm`);
  const compile = async (): Promise<WasmModule> => {
    const module = await wasm.compile(readFileSync(file));
    fresh = { file, module };
    return module;
  };
  return (args) =>
    core({
      ...args,
      // The LSTM-only core does not know the legacy engine's settings that chi_sim's config lists
      // (language_model_*, classify_*…): it warns once per setting at every start. They do nothing
      // under LSTM; anything else tesseract prints still goes to stderr.
      printErr: (line: string) => {
        if (!line.startsWith('Warning: Parameter not found:')) console.error(line);
      },
      // Emscripten's hook: hand it an instance (and the module it came from) made our way.
      instantiateWasm(imports: object, receive: (instance: WasmInstance, module: WasmModule) => void) {
        const kept = given?.file === file ? given.module : undefined;
        const instantiate = async (module: WasmModule) => receive(await wasm.instantiate(module, imports), module);
        // A kept module that cannot be instantiated (it should not happen) is compiled again from the file.
        void (kept ? instantiate(kept).catch(async () => instantiate(await compile())) : compile().then(instantiate));
        return {};
      },
    }).then((module) => keepApi(module as TessModule));
}

let script: WorkerScript | undefined;

/** The worker script, loaded once per thread (it keeps one TessBaseAPI in module state). */
function workerScript(): WorkerScript {
  if (script) return script;
  const req = createRequire(import.meta.url);
  const s = req('tesseract.js/src/worker-script/index.js') as WorkerScript;
  const cache = req('tesseract.js/src/worker-script/node/cache.js') as Record<string, unknown>;
  s.setAdapter({
    getCore,
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
  const queued = <T>(run: () => Promise<T>): Promise<T> => {
    const p = queue.then(run, run);
    queue = p.catch(() => undefined);
    return p;
  };
  const job = <T>(action: string, payload?: unknown): Promise<T> =>
    queued(
      () =>
        new Promise<T>((resolve, reject) => {
          if (ended && action !== 'terminate') return reject(new Error('文字识别引擎已关闭'));
          s.dispatchHandlers({ workerId: 'lawdesk-ocr', jobId: `job-${++n}`, action, payload }, (r) => {
            if (r.status === 'resolve') resolve(r.data as T);
            else if (r.status === 'reject') reject(new Error(`文字识别引擎出错：${errorLine(r.data)}`));
          });
        }),
    );
  // As tesseract.js's recognize (worker-script: setImage, Recognize, dump) with its rotateAuto
  // measuring the skew on the same layout the page is then read on: rotateAuto found the lines
  // under automatic page segmentation, set the image again and found them once more; measuring
  // on a reduced copy (ocr-tesseract.ts measureSkew) still ran a page segmentation of its own.
  const recogniseLevelled: LevelledJob = (image, minSkew, output) =>
    queued(async () => {
      const api = tess?.api;
      if (ended || !tess || !api) throw new Error('文字识别引擎已关闭');
      const set = (angle: number) => {
        tess!.module.FS.writeFile('/input', image);
        // EXIF orientation 1: a PGM made here has none.
        if (api.SetImageFile(1, angle) === 1) throw new Error('文字识别引擎出错：无法读取页面图像');
      };
      set(0);
      api.FindLines();
      const gradient = api.GetGradient();
      const rotateRadians = Math.abs(gradient) >= minSkew ? gradient : 0;
      if (rotateRadians !== 0) set(rotateRadians);
      api.Recognize(null);
      const blocks = (JSON.parse(api.GetJSONText()) as { blocks: import('tesseract.js').Block[] | null }).blocks;
      return { data: { blocks, hocr: output.hocr ? api.GetHOCRText() : null }, rotateRadians };
    });
  const lstmOnly = opts.oem === 1 || opts.oem === 3;
  await job('load', { options: { lstmOnly, corePath: opts.corePath, logging: false } });
  await job('loadLanguage', { langs: opts.lang, options: { langPath: opts.langPath, cacheMethod: 'none', gzip: opts.gzip, lstmOnly } });
  await job('initialize', { langs: opts.lang, oem: opts.oem, config: {} });
  return {
    recognize: async (image, options = {}, output = { text: true }) => ({ data: await job<import('tesseract.js').Page>('recognize', { image, options, output }) }),
    setParameters: (params) => job('setParameters', { params }),
    recogniseLevelled,
    terminate: async () => {
      if (ended) return;
      ended = true;
      await job('terminate');
    },
  };
}
