// The native menu, in Chinese. Commands that belong to the UI are sent to the renderer as
// 'app:command' events; the rest are Electron roles.

import { Menu, app, type MenuItemConstructorOptions } from 'electron';
import type { AppCommand } from '../shared/api-contract';

export function buildMenu(send: (command: AppCommand) => void, showAbout: () => void): Menu {
  const isMac = process.platform === 'darwin';
  const cmd = (label: string, command: AppCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    ...(accelerator ? { accelerator } : {}),
    click: () => send(command),
  });
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ label: '法规案头', submenu: [{ role: 'about' as const, label: '关于法规案头' }, { type: 'separator' as const }, { role: 'quit' as const, label: '退出法规案头' }] }] : []),
    {
      label: '文件(&F)',
      submenu: [
        cmd('导入文件…', 'importFiles', 'CmdOrCtrl+O'),
        cmd('导入文件夹…', 'importFolder', 'CmdOrCtrl+Shift+O'),
        { type: 'separator' },
        cmd('设置…', 'settings', 'CmdOrCtrl+,'),
        { type: 'separator' },
        isMac ? { role: 'close', label: '关闭窗口' } : { role: 'quit', label: '退出' },
      ],
    },
    {
      label: '编辑(&E)',
      submenu: [
        { role: 'undo', label: '撤销' },
        { role: 'redo', label: '重做' },
        { type: 'separator' },
        { role: 'cut', label: '剪切' },
        { role: 'copy', label: '复制' },
        { role: 'paste', label: '粘贴' },
        { role: 'selectAll', label: '全选' },
      ],
    },
    {
      label: '视图(&V)',
      submenu: [
        cmd('法规库', 'library', 'CmdOrCtrl+1'),
        cmd('搜索', 'search', 'CmdOrCtrl+2'),
        cmd('导入', 'import', 'CmdOrCtrl+3'),
        cmd('合法性审查', 'reviews', 'CmdOrCtrl+4'),
        cmd('学法普法', 'lectures', 'CmdOrCtrl+5'),
        cmd('简报', 'packs', 'CmdOrCtrl+6'),
        cmd('快速打开…', 'quickOpen', 'CmdOrCtrl+K'),
        { type: 'separator' },
        cmd('放大字号', 'fontBigger', 'CmdOrCtrl+='),
        cmd('缩小字号', 'fontSmaller', 'CmdOrCtrl+-'),
        { type: 'separator' },
        { role: 'togglefullscreen', label: '全屏' },
      ],
    },
    {
      label: '帮助(&H)',
      submenu: [{ label: `关于法规案头（${app.getVersion()}）`, click: showAbout }],
    },
  ];
  return Menu.buildFromTemplate(template);
}
