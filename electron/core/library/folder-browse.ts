// Choosing a folder to import by its path on this machine. The browser face has no native dialog,
// but its server runs on the user's own machine, so the page may name a folder — only inside the
// user's home and the drives (Windows drive letters, /media, /mnt, /Volumes), every path resolved
// through its links and checked before anything is listed or read.

import { existsSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, extname, isAbsolute, join, resolve } from 'node:path';
import { FOLDER_EXTENSIONS, isInside } from './library-import';
import { LibraryError } from './library-store';

export interface FolderRoot {
  label: string;
  path: string;
}

/** Where a folder may be chosen from: the user's home and the machine's drives. */
export function defaultImportRoots(): FolderRoot[] {
  const roots: FolderRoot[] = [{ label: '主文件夹', path: homedir() }];
  if (process.platform === 'win32') {
    for (let c = 67; c <= 90; c++) {
      const drive = `${String.fromCharCode(c)}:\\`;
      if (existsSync(drive)) roots.push({ label: `${String.fromCharCode(c)} 盘`, path: drive });
    }
  } else {
    for (const p of ['/media', '/mnt', '/Volumes', `/run/media/${basename(homedir())}`]) {
      if (existsSync(p)) roots.push({ label: p, path: p });
    }
  }
  return roots;
}

function real(p: string): string | undefined {
  try {
    return realpathSync(p);
  } catch {
    return undefined;
  }
}

export class ImportFolders {
  private readonly roots: FolderRoot[];

  constructor(roots: FolderRoot[] = defaultImportRoots()) {
    // Compare real paths: a root given through a link (/home → /usr/home) still matches.
    this.roots = roots.flatMap((r) => {
      const p = real(r.path);
      return p ? [{ label: r.label, path: p }] : [];
    });
  }

  get rootList(): FolderRoot[] {
    return this.roots;
  }

  /** The real path of a folder the user named, or a Chinese error saying why not. */
  resolve(path: string): string {
    const given = path.trim().replace(/^~(?=$|[\\/])/, homedir());
    if (!isAbsolute(given)) throw new LibraryError('INVALID', `“${path}”不是完整路径：请从盘符或 / 开始写，或点“浏览…”选择`);
    const p = real(resolve(given));
    if (!p) throw new LibraryError('NOT_FOUND', `文件夹“${path}”不存在或无法读取`);
    if (!this.roots.some((r) => isInside(r.path, p))) {
      throw new LibraryError('INVALID', `只能导入主文件夹或各磁盘中的文件夹（${this.roots.map((r) => r.path).join('、')}），“${path}”不在其中`);
    }
    return p;
  }

  /** The roots (no path), or the sub-folders of a folder with its importable file count. */
  list(path?: string): { path: string | null; parent: string | null; roots: FolderRoot[]; dirs: { name: string; path: string }[]; files: number; manifest: boolean } {
    if (!path) return { path: null, parent: null, roots: this.roots, dirs: this.roots.map((r) => ({ name: r.label, path: r.path })), files: 0, manifest: false };
    const dir = this.resolve(path);
    if (!statSync(dir).isDirectory()) throw new LibraryError('INVALID', `“${path}”不是文件夹`);
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch (e) {
      throw new LibraryError('INVALID', `无法读取文件夹“${dir}”（${(e as NodeJS.ErrnoException).code ?? (e as Error).message}）`);
    }
    const dirs: { name: string; path: string }[] = [];
    let files = 0;
    for (const name of names) {
      if (name.startsWith('.')) continue;
      const full = join(dir, name);
      let st;
      try {
        st = statSync(full);
      } catch {
        continue; // a broken link or no permission: not offered
      }
      if (st.isDirectory()) dirs.push({ name, path: full });
      else if (st.isFile() && FOLDER_EXTENSIONS.has(extname(name).toLowerCase())) files++;
    }
    dirs.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
    const up = dirname(dir);
    const parent = up !== dir && this.roots.some((r) => isInside(r.path, up)) ? up : null;
    return { path: dir, parent, roots: this.roots, dirs, files, manifest: names.includes('manifest.jsonl') };
  }
}
