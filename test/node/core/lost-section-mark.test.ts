import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseLawText } from '../../../electron/core/parse/law-structure-parser';

// The corpus's 关于职工全年月平均工作时间和工资折算问题的通知: sections 一、 and 二、, then "## 三" without 、.
const md = readFileSync(join(import.meta.dirname, '../../fixtures/documents/sections/yuepingjun.md'), 'utf8');
const asText = md
  .split('\n')
  .filter((l) => !l.trim().startsWith('<!--'))
  .map((l) => l.replace(/^#+\s*/, ''))
  .join('\n');

describe('a section number that lost its 、', () => {
  it('starts the next section, in the Markdown ("## 三") and as a line of text ("三")', () => {
    for (const law of [parseLawText(md, { format: 'md' }), parseLawText(asText, { format: 'txt' })]) {
      const sections = law.units.filter((u) => u.kind === 'section');
      expect(sections.map((u) => u.label)).toEqual(['一、', '二、', '三、']);
      expect(sections[1]!.text.endsWith('月计薪天数＝（365天-104天）÷12月＝21.75天')).toBe(true);
      expect(sections[2]!.text.startsWith('2000年3月17日劳动保障部发布的《关于职工全年月平均工作时间和工资折算问题的通知》')).toBe(true);
      expect(law.units.find((u) => u.kind === 'preamble')!.text).not.toMatch(/2000年3月17日劳动保障部/);
    }
  });
});
