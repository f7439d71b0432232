// A failed OCR names the file that is missing (a broken install: the WASM core or the chi_sim model
// not unpacked), whole: the message was cut at 80 characters and named a folder part-way
// ("…, open '/tmp/…/dist/linux-"). The failure is Node's own ENOENT from reading a file that is not
// there, raised where the OCR thread starts tesseract (startOcr), as it arrives in-process and as
// it arrives from the thread (its message alone, ocr-page-images.ts).
import { mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { errorLine } from '../../../electron/core/importers/error-line';
import { ExtractError } from '../../../electron/core/importers/extracted-document';
import { recognisePages } from '../../../electron/core/importers/ocr-engine';
import { PageImageMaker } from '../../../electron/core/importers/ocr-page-images';

const dirs: string[] = [];
afterEach(() => {
  vi.restoreAllMocks();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** Where a packaged app keeps the model, under a temp folder: well over 80 characters. */
function missingModel(): string {
  const root = mkdtempSync(join(tmpdir(), 'lawdesk-ocr-failure-'));
  dirs.push(root);
  return join(root, 'dist', 'linux-unpacked', 'resources', 'app.asar.unpacked', 'node_modules', '@tesseract.js-data', 'chi_sim', '4.0.0', 'chi_sim.traineddata.gz');
}

/** The real error of reading a file that is not there. */
async function enoent(file: string): Promise<Error> {
  return readFile(file).then(
    () => new Error(`${file} exists`),
    (e: Error) => e,
  );
}

/** recognisePages on one in-process thread whose tesseract start fails with `failure`. */
async function failedOcr(failure: Error): Promise<unknown> {
  vi.spyOn(PageImageMaker.prototype, 'startOcr').mockRejectedValue(failure);
  const page = vi.fn();
  const e = await recognisePages(1, page, { first: new PageImageMaker(false), workers: 1 }).then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(page).not.toHaveBeenCalled();
  return e;
}

describe('a failed OCR’s message', () => {
  it('names the missing file in full when the OCR runs in-process', async () => {
    const file = missingModel();
    expect(file.length).toBeGreaterThan(120);
    const e = await failedOcr(await enoent(file));
    expect(e).toBeInstanceOf(ExtractError);
    expect((e as ExtractError).message).toBe(`文字识别失败：ENOENT: no such file or directory, open '${file}'`);
  });

  it('names it in full when the failure comes from the OCR thread as its message alone', async () => {
    const file = missingModel();
    const fromThread = new Error((await enoent(file)).message);
    const e = (await failedOcr(fromThread)) as ExtractError;
    expect(e.message).toContain(`'${file}'`);
    expect(e.message.startsWith('文字识别失败：ENOENT')).toBe(true);
  });

  it('keeps a Windows path whole, and cuts long text around it', () => {
    const file = 'C:\\Users\\张三\\AppData\\Local\\Programs\\法规案头\\resources\\app.asar.unpacked\\node_modules\\tesseract.js-core\\tesseract-core-simd-lstm.wasm';
    const line = errorLine(new Error(`ENOENT: no such file or directory, open '${file}'\n    at async open (node:internal/fs/promises:639:25)`));
    expect(line).toBe(`ENOENT: no such file or directory, open '${file}'`);
    const dump = errorLine(`Aborted(${'x'.repeat(500)}) reading '${file}' ${'y'.repeat(500)}`);
    expect(dump).toContain(`'${file}'`);
    expect(dump.length).toBeLessThan(file.length + 2 * 160 + 10);
  });

  it('is the first line of a message without a path, cut when it runs on', () => {
    expect(errorLine(new Error('\n  RuntimeError: memory access out of bounds\n    at wasm://wasm/0'))).toBe('RuntimeError: memory access out of bounds');
    expect(errorLine('z'.repeat(1000))).toBe(`${'z'.repeat(160)}…`);
  });
});
