// The whole 民法典 as one law, as a user imports it from flk: the corpus keeps one file per 编, so
// the parts are joined in the code's order under 编 headings (each part's own headings one level
// deeper). Used by the UI benchmark and to make test/fixtures/reader/民法典(2020-05-28).md.

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const PARTS: [file: string, heading: string][] = [
  ['总则', '第一编 总则'],
  ['物权编', '第二编 物权'],
  ['合同编', '第三编 合同'],
  ['人格权编', '第四编 人格权'],
  ['婚姻家庭编', '第五编 婚姻家庭'],
  ['继承编', '第六编 继承'],
  ['侵权责任编', '第七编 侵权责任'],
  ['附则', '附则'],
];

export function joinCivilCode(partsDir: string): string {
  const out: string[] = ['# 中华人民共和国民法典', '', '2020年5月28日 第十三届全国人民代表大会第三次会议通过', '', '2021年1月1日 施行', '', '<!-- INFO END -->', ''];
  for (const [file, heading] of PARTS) {
    const text = readFileSync(join(partsDir, `${file}.md`), 'utf8');
    const body = text.slice(text.indexOf('<!-- INFO END -->') + '<!-- INFO END -->'.length);
    out.push(`## ${heading}`, '');
    for (const line of body.split('\n')) {
      // An empty heading (附则's bare "##") carries nothing.
      if (/^#+\s*$/.test(line)) continue;
      out.push(line.startsWith('#') ? '#' + line : line);
    }
  }
  return out.join('\n').replace(/\n{3,}/g, '\n\n') + '\n';
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [partsDir, outFile] = process.argv.slice(2);
  if (!partsDir || !outFile) throw new Error('用法：tsx test/bench/civil-code.ts <民法典各编目录> <输出文件>');
  writeFileSync(outFile, joinCivilCode(partsDir));
}
