// 设置 → 记录备份 says what an automatic backup holds; the sentence is made from the same labels the
// backup and bundle code name the files by, so a user-data file added later is listed there too.
import { describe, expect, it } from 'vitest';
import { USER_DATA_FILES } from '../../../electron/core/bundles/user-data-files';
import { backedUpWithRecords, userDataFiles } from '../../../electron/shared/user-data-labels';

describe('what a records backup is said to hold', () => {
  it('names records.json and every user-data file a backup copies', () => {
    const said = backedUpWithRecords();
    expect(said.startsWith('记录、')).toBe(true);
    for (const f of USER_DATA_FILES) expect(said, f.path).toContain(f.what);
    expect(said).toBe('记录、简报包、收藏、单位信息、本单位节假日调休表和本库的年度报告模板');
  });

  it('names every user-data file a bundle carries (设置 → 资料包’s choice), the 节假日调休表 among them', () => {
    const said = userDataFiles();
    for (const f of USER_DATA_FILES) expect(said, f.path).toContain(f.what);
    expect(said).toBe('简报包、收藏、单位信息、本单位节假日调休表和本库的年度报告模板');
  });
});
