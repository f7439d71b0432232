// What each user-data file of a library is called on screen (besides records.json): the bundle and
// backup code names each file by it in its messages, and 设置 → 记录备份 lists them as what a backup
// holds, so the sentence there grows with the list (it had left out the last two).

export const USER_DATA_WHAT = {
  packs: '简报包',
  favorites: '收藏',
  office: '单位信息',
  holidays: '本单位节假日调休表',
  annualTemplate: '本库的年度报告模板',
} as const;

const listed = (all: string[]) => `${all.slice(0, -1).join('、')}和${all.at(-1)!}`;

/** “记录、简报包、…和本库的年度报告模板”: what an automatic backup copies. */
export function backedUpWithRecords(): string {
  return listed(['记录', ...Object.values(USER_DATA_WHAT)]);
}

/** “简报包、收藏、…和本库的年度报告模板”: what a bundle's 用户数据 choice carries (user-data-files.ts). */
export function userDataFiles(): string {
  return listed(Object.values(USER_DATA_WHAT));
}
