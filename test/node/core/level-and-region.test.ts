// 效力级别 guessed from what a received document says of itself (no manifest, no folder hint): the
// titles and issuers of real documents, each level the office files them under.
import { describe, expect, it } from 'vitest';
import { guessLevel } from '../../../electron/core/library/level-and-region';

describe('guessLevel without a folder hint', () => {
  it('takes 法 at the end of a name for a law, not the 法 of 办法', () => {
    expect(guessLevel('中华人民共和国行政许可法', '全国')).toBe('法律');
    expect(guessLevel('科学技术进步法', '全国', '全国人民代表大会常务委员会')).toBe('法律');
    // before: both were 法律, the name ending in 法
    expect(guessLevel('专利代理管理办法', '全国')).toBe('部门规章');
    expect(guessLevel('科学技术奖励办法', '全国', '科学技术部')).toBe('部门规章');
  });

  it('files what a county, a city district or a township issues as a 规范性文件', () => {
    expect(guessLevel('高青县科技创新券管理办法', '全国', '高青县人民政府办公室')).toBe('规范性文件');
    expect(guessLevel('高青县科技创新券管理办法', '全国')).toBe('规范性文件');
    expect(guessLevel('北京市海淀区促进科技创新办法', '北京', '北京市海淀区人民政府')).toBe('规范性文件');
    expect(guessLevel('高青县科学技术局行政执法公示办法', '山东·淄博', '高青县科学技术局')).toBe('规范性文件');
  });

  it('keeps a province’s, an autonomous region’s and a city’s rules at their level', () => {
    expect(guessLevel('淄博市城市绿化管理办法', '山东·淄博', '淄博市人民政府')).toBe('地方政府规章');
    expect(guessLevel('广西壮族自治区环境保护条例', '广西', '广西壮族自治区人民代表大会常务委员会')).toBe('地方性法规');
    expect(guessLevel('广西壮族自治区实施《中华人民共和国节约能源法》办法', '广西', '广西壮族自治区人民政府')).toBe('地方政府规章');
    expect(guessLevel('上海市浦东新区绿化条例', '上海', '上海市人民代表大会常务委员会')).toBe('地方性法规');
    expect(guessLevel('工伤保险条例', '全国', '国务院')).toBe('行政法规');
    // 县级 opens many national titles; it names no county
    expect(guessLevel('县级以上地方人民政府行政执法监督规定', '全国')).not.toBe('规范性文件');
  });
});
