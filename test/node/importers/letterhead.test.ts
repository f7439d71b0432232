// 红头文件: the letterhead (发文机关标志, 份号, 密级, 紧急程度, 发文字号, 签发人) stands above the title.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { guessMetadata } from '../../../electron/core/importers/document-metadata';
import { extractDocx } from '../../../electron/core/importers/docx-text-extractor';
import { isLetterheadLine, parseLawText } from '../../../electron/core/parse/law-structure-parser';
import { FIXTURES } from './article-match';

const RED_HEAD = ['000123', '机密★1年', '特急', '高青县人民政府文件', '高政发〔2024〕3号 签发人：王某', '高青县科技创新券管理办法', '第一条 为了规范科技创新券管理，制定本办法。', '第二条 本办法自2024年3月1日起施行。'].join('\n');

describe('红头文件 letterhead', () => {
  it('is not the title; the 文号 is still found', () => {
    const parsed = parseLawText(RED_HEAD, { format: 'txt' });
    expect(parsed.title).toBe('高青县科技创新券管理办法');
    expect(parsed.units.filter((u) => u.kind === 'article')).toHaveLength(2);
    const meta = guessMetadata(RED_HEAD);
    expect(meta.title).toBe('高青县科技创新券管理办法');
    expect(meta.docNumber).toBe('高政发〔2024〕3号');
  });

  it('a DOCX whose letterhead is a table above the title', async () => {
    const doc = await extractDocx(new Uint8Array(readFileSync(join(FIXTURES, 'juece-word-stylenum.docx'))), 'juece-word-stylenum.docx');
    expect(doc.text.startsWith('高青县人民政府文件\n')).toBe(true);
    expect(parseLawText(doc.text, { format: 'txt' }).title).toBe('重大行政决策程序暂行条例');
    expect(doc.meta?.title).toBe('重大行政决策程序暂行条例');
  });

  it('titles and body lines are never letterhead', () => {
    for (const t of ['关于印发规范性文件管理办法的通知', '高青县人民政府关于加强科技工作的意见', '第一条 为了规范管理', '2024年3月1日', '科技局']) expect(isLetterheadLine(t), t).toBe(false);
    for (const t of ['中共高青县委办公室 高青县人民政府办公室文件', '高科发〔2024〕12号', '签发人：王某', '特急']) expect(isLetterheadLine(t), t).toBe(true);
  });
});
