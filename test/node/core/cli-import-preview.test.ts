// `lawdesk import --dry-run` describes each file as the 导入 page does (electron/shared/import-path.ts):
// a scan, whose text is read only at the import, shows its format, pages and the OCR it needs —
// it printed 《》 undefined 条.
import { describe, expect, it } from 'vitest';
import { previewHead } from '../../../electron/cli/commands/import-command';
import { formatSeconds, textPathLine } from '../../../electron/shared/import-path';

describe('the dry run line of a file', () => {
  it('a scan: format, pages, OCR pages and the estimate — no title or article count it does not have', () => {
    const line = previewHead({ file: '/in/扫描件.pdf', status: 'imported', format: 'pdf', pages: 3, textSource: 'ocr', ocrPages: 3, ocrEstimateSeconds: 21 });
    expect(line).toBe('PDF · 3 页  文字识别（OCR） 3 页，约 21 秒');
    expect(line).not.toMatch(/undefined|《》/);
  });

  it('a read text: its title and articles, then the path its text took', () => {
    expect(previewHead({ file: '/in/许可法.md', status: 'imported', title: '中华人民共和国行政许可法', articleCount: 83, format: 'md', textSource: 'plain' })).toBe('《中华人民共和国行政许可法》 83 条  Markdown  文本');
    expect(previewHead({ file: '/in/x.bin', status: 'imported' })).toBe('（内容在导入时读取）');
  });

  it('the estimate only in a preview, in minutes past a minute and a half', () => {
    expect(textPathLine({ textSource: 'ocr', ocrPages: 20, ocrEstimateSeconds: 130 }, true)).toBe('文字识别（OCR） 20 页，约 2 分钟');
    expect(textPathLine({ textSource: 'ocr', ocrPages: 20, ocrEstimateSeconds: 130 }, false)).toBe('文字识别（OCR） 20 页');
    expect(formatSeconds(89)).toBe('89 秒');
  });
});
