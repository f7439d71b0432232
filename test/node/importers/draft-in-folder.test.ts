// A new user imports a folder of the office's papers: laws, and the 送审稿 / 草案 / 征求意见稿 it reviews.
// The drafts are read like any text, as 草案 (never in force), and the report says each is a draft and
// where drafts belong; a law whose title says 试行 or 修订 is no draft.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DRAFT_IMPORTED, importPaths } from '../../../electron/core/library/library-import';
import { openLibrary } from '../../../electron/core/library/open-library';

const root = mkdtempSync(join(tmpdir(), 'draft-in-folder-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const body = (subject: string) => `第一条　为规范${subject}，制定本办法。\n\n第二条　县科学技术局负责${subject}的组织实施。\n\n第三条　本办法自2027年3月1日起施行。\n`;

describe('a folder of mixed papers', () => {
  it('says of each 送审稿, 草案 and 征求意见稿 that it is a draft, and of no law in force', async () => {
    const folder = join(root, '材料');
    mkdirSync(join(folder, '送审稿'), { recursive: true });
    writeFileSync(join(folder, '送审稿', 'a.md'), `# 某县科技创新专项资金管理办法（送审稿）\n\n${body('专项资金管理')}`);
    writeFileSync(join(folder, '送审稿', 'b.md'), `# 某县科技企业孵化器建设三年行动方案（草案）\n\n${body('孵化器建设')}`);
    writeFileSync(join(folder, 'c.md'), `# 某县科技成果转化奖励办法（征求意见稿）\n\n${body('成果转化奖励')}`);
    writeFileSync(join(folder, 'd.md'), `# 某县科技特派员管理办法（试行）\n\n${body('科技特派员管理')}`);
    const { store } = await openLibrary({ dir: join(root, 'library'), seed: false });
    const report = await importPaths(store, [folder]);
    expect(report.imported).toBe(4);
    const drafts = report.warnings.filter((w) => w.message === DRAFT_IMPORTED).map((w) => w.file.replace(folder, '').replaceAll('\\', '/'));
    expect(drafts.sort()).toEqual(['/c.md', '/送审稿/a.md', '/送审稿/b.md']);
    expect(DRAFT_IMPORTED).toContain('审查工作台');
    expect(store.versions().filter((v) => v.status === '草案').map((v) => v.sourceFile).sort()).toEqual(['a.md', 'b.md', 'c.md']);
  });
});

describe('the files a folder walk leaves out', () => {
  it('are told on the report — pictures with the way to import them, other kinds named — and what Windows leaves there is not', async () => {
    const folder = join(root, '收文');
    mkdirSync(join(folder, '扫描'), { recursive: true });
    writeFileSync(join(folder, 'a.md'), `# 某县科技特派员管理办法\n\n${body('科技特派员管理')}`);
    writeFileSync(join(folder, '扫描', '第1页.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0xe0]));
    writeFileSync(join(folder, '扫描', '第2页.PNG'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    writeFileSync(join(folder, '经费表.xlsx'), 'PK');
    writeFileSync(join(folder, 'Thumbs.db'), 'x');
    writeFileSync(join(folder, 'desktop.ini'), 'x');
    const { store } = await openLibrary({ dir: join(root, 'library2'), seed: false });
    const preview = await importPaths(store, [folder], { dryRun: true });
    const report = await importPaths(store, [folder]);
    for (const r of [preview, report]) {
      expect(r.failed).toEqual([]);
      const notes = r.warnings.filter((w) => w.message.startsWith('文件夹中有'));
      expect(notes).toEqual([{ file: folder, message: expect.stringContaining('文件夹中有 3 个文件未导入：2 张图片（第1页.jpg、第2页.PNG）') }]);
      expect(notes[0]!.message).toContain('1 个不能导入的文件（经费表.xlsx）');
      expect(notes[0]!.message).not.toMatch(/Thumbs|desktop/);
    }
    expect(report.imported).toBe(1);
  });

  it('leave no line when there are none', async () => {
    const folder = join(root, '只有法规');
    mkdirSync(folder);
    writeFileSync(join(folder, 'a.md'), `# 某县科技成果登记办法\n\n${body('科技成果登记')}`);
    writeFileSync(join(folder, 'Thumbs.db'), 'x');
    const { store } = await openLibrary({ dir: join(root, 'library3'), seed: false });
    const report = await importPaths(store, [folder]);
    expect(report.warnings.filter((w) => w.message.startsWith('文件夹中有'))).toEqual([]);
  });
});
