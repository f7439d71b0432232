// Installs the GB/T 9704 font aliases (resources/fonts/65-lawdesk-gov-fonts.conf) for the user on
// Linux, where fontconfig reads $XDG_CONFIG_HOME/fontconfig/conf.d: LibreOffice and WPS then show an
// exported DOCX in Song/Fangsong faces instead of the default sans, and Chromium's PDF too.
// Idempotent: rewrites only a file that is ours and out of date; a file of the same name without
// our mark (the user's own) is left alone.

import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { appRoot } from '../library/open-library';
import { writeFileAtomic } from '../util/atomic-write';

export const FONT_ALIAS_FILE = '65-lawdesk-gov-fonts.conf';
const MARK = 'LawDesk 法规案头 — fontconfig aliases';

export type FontAliasResult = { state: 'installed' | 'updated' | 'current' | 'foreign'; path: string };

export function fontAliasSource(): string {
  return process.env.LAWDESK_FONT_ALIASES || join(appRoot(), 'resources', 'fonts', FONT_ALIAS_FILE);
}

/** The fontconfig user folder: $XDG_CONFIG_HOME/fontconfig/conf.d, else ~/.config/fontconfig/conf.d. */
export function fontconfigUserDir(env: NodeJS.ProcessEnv = process.env): string {
  return join(env.XDG_CONFIG_HOME || join(env.HOME || homedir(), '.config'), 'fontconfig', 'conf.d');
}

export function installFontAliases(dir = fontconfigUserDir(), source = fontAliasSource()): FontAliasResult {
  const path = join(dir, FONT_ALIAS_FILE);
  const want = readFileSync(source, 'utf8');
  if (!want.includes(MARK)) throw new Error(`${source}：不是 LawDesk 的字体替代规则文件`);
  if (existsSync(path)) {
    const have = readFileSync(path, 'utf8');
    if (have === want) return { state: 'current', path };
    if (!have.includes(MARK)) return { state: 'foreign', path };
    writeFileAtomic(path, want);
    return { state: 'updated', path };
  }
  mkdirSync(dir, { recursive: true });
  writeFileAtomic(path, want);
  return { state: 'installed', path };
}

/**
 * At start on Linux: install the aliases, saying so when the file is new or updated; a failure
 * (read-only home, missing resource) only warns, since exports still work in the default face.
 */
export function ensureLinuxFontAliases(say: (line: string) => void, platform: NodeJS.Platform = process.platform): void {
  if (platform !== 'linux') return;
  try {
    const r = installFontAliases();
    if (r.state === 'installed' || r.state === 'updated') say(`已为导出的公文安装中文字体替代规则（仿宋、宋体、楷体、黑体、小标宋）：${r.path}`);
  } catch (e) {
    say(`未能安装中文字体替代规则（${(e as Error).message}）：在 Linux 上打开导出的 DOCX 时正文可能显示为黑体类字体`);
  }
}
