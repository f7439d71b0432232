import { DomainError } from '../../shared/errors';
import { spawn } from 'node:child_process';
import { appRoot } from '../../core/library/open-library';
import { ensureLinuxFontAliases } from '../../core/office/font-aliases-install';
import { buildApp, buildIsStale, electronBinary, exitWithParent, openInBrowser } from '../../server/launch';
import { startBrowserFace } from '../../server/browser-face';
import { type Command, libraryOption, parse } from '../cli-support';

const usage = 'lawdesk start [--library DIR] [--browser] [--port N] [--no-open]';

export const startCommand: Command = {
  summary: '启动 LawDesk（有 Electron 时为桌面窗口，否则在浏览器中打开 127.0.0.1 本机页面）',
  usage,
  async run(argv) {
    const { values } = parse(
      argv,
      { ...libraryOption, browser: { type: 'boolean' }, port: { type: 'string' }, 'no-open': { type: 'boolean' } },
      usage,
    );
    const root = appRoot();
    if (buildIsStale(root)) {
      // The first start (or one after an update) builds the UI: up to a minute on a slow machine.
      process.stderr.write('首次启动：正在构建界面（electron-vite build，约半分钟到一分钟）…\n');
      if (buildApp(root, { verbose: true }) !== 0) {
        throw new DomainError('INTERNAL', '构建失败，见上方输出');
      }
    }
    // The browser face's exports are opened on this machine too (LibreOffice, WPS).
    if (values.browser || !electronBinary(root)) ensureLinuxFontAliases((line) => process.stdout.write(line + '\n'));
    const exe = values.browser ? undefined : electronBinary(root);
    if (exe) {
      const child = spawn(exe, [root], {
        stdio: 'inherit',
        env: { ...process.env, ...(values.library ? { LAWDESK_LIBRARY: values.library } : {}) },
      });
      exitWithParent(() => child.kill());
      return new Promise<number>((ok) => child.on('exit', (code) => ok(code ?? 0)));
    }
    if (!values.browser) process.stdout.write('未找到 Electron 可执行文件（node_modules/electron/dist），改为在浏览器中使用 LawDesk。\n');
    const face = await startBrowserFace({
      ...(values.library ? { libraryDir: values.library } : {}),
      ...(values.port ? { port: Number(values.port) } : {}),
    });
    process.stdout.write(`LawDesk 已在本机运行：${face.url}\n`);
    if (!values['no-open'] && openInBrowser(face.url)) process.stdout.write('已在浏览器中打开。按 Ctrl+C 退出。\n');
    else process.stdout.write('请在浏览器中打开上面的地址。按 Ctrl+C 退出。\n');
    return new Promise<number>((ok) => {
      const stop = () => {
        face.stop().then(() => ok(0), () => ok(1));
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      process.once('SIGHUP', stop);
      // Killing npm alone (not its process group) leaves us orphaned: stop with it.
      exitWithParent(stop);
    });
  },
};
