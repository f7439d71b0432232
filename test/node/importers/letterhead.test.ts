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

describe('the head of a received document', () => {
  it('reads a 文号 glued to its 签发人 and a title set over three lines', () => {
    const text = [
      '高青县科学技术局文件',
      '高科发〔2024〕5号签发人：王建国',
      '高青县科学技术局',
      '关于转发《国家科学技术奖励条例》',
      '的通知',
      '各镇人民政府、街道办事处：',
      '现将《国家科学技术奖励条例》转发给你们，请认真贯彻执行。',
      '高青县科学技术局',
      '2024年7月15日',
      '国家科学技术奖励条例',
      '（1999年5月23日中华人民共和国国务院令第265号发布　2024年5月26日中华人民共和国国务院令第782号第三次修订）',
      '第一条 为了奖励在科学技术进步活动中做出突出贡献的个人、组织，制定本条例。',
    ].join('\n');
    const parsed = parseLawText(text, { format: 'txt' });
    expect(parsed.title).toBe('高青县科学技术局关于转发《国家科学技术奖励条例》的通知');
    expect(guessMetadata(text)).toMatchObject({
      title: '高青县科学技术局关于转发《国家科学技术奖励条例》的通知',
      docNumber: '高科发〔2024〕5号',
      issuer: '高青县科学技术局', // the organ before 关于, not the 国务院 of the law it sends on
      published: '2024-07-15', // the date under the signature, not the law's last amendment
    });
  });

  it('takes a 公布令 printed above the law as header, not as the title', () => {
    const text = [
      '中华人民共和国国务院令',
      '第706号',
      '《专利代理条例》已经2018年9月6日国务院第23次常务会议修订通过，现将修订后的《专利代理条例》公布，自2019年3月1日起施行。',
      '总理　李克强',
      '2018年11月6日',
      '专利代理条例',
      '（1991年3月4日中华人民共和国国务院令第76号发布　2018年11月6日中华人民共和国国务院令第706号修订）',
      '第一条 为了规范专利代理行为，制定本条例。',
    ].join('\n');
    const parsed = parseLawText(text, { format: 'txt' });
    expect(parsed.title).toBe('专利代理条例');
    expect(parsed.units.filter((u) => u.kind === 'article')).toHaveLength(1);
    expect(guessMetadata(text)).toMatchObject({ title: '专利代理条例', docNumber: '国务院令第706号', issuer: '国务院', effective: '2019-03-01' });
  });

  it('does not join a title with the line after it otherwise', () => {
    for (const [first, second] of [
      ['国务院关于加强科技工作的决定', '各省、自治区、直辖市人民政府：'],
      ['某市科技创新促进条例', '第一章 总则'],
      ['某市人民政府关于印发某办法的通知', '（2023年4月3日）'],
      ['高青县科学技术局', '2024年度工作要点'],
    ]) {
      expect(parseLawText(`${first}\n${second}\n第一条 为了规范管理，制定本条例。`, { format: 'txt' }).title).toBe(first);
    }
  });
});
