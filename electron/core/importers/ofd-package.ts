// The OFD container (GB/T 33190: a zip of XML parts and resources) read safely: the central
// directory is checked before anything is inflated (entry names that climb out of the package, a
// declared size that is absurd for the part, a total that makes a zip bomb), and every reference
// between parts (DocRoot, BaseLoc) is resolved inside the package or refused.

import { unzipSync } from 'fflate';
import { SaxesParser } from 'saxes';
import { ExtractError } from './extracted-document';

const MB = 1024 * 1024;
/** One XML part (a page's Content.xml is ≈ 50 KB; 2,000 pages of a code stay far below). */
export const MAX_OFD_XML = 32 * MB;
/** One image (a 600 dpi A4 colour scan is ≈ 10 MB as JPEG). */
export const MAX_OFD_IMAGE = 64 * MB;
/** All parts together, inflated. */
export const MAX_OFD_TOTAL = 512 * MB;
export const MAX_OFD_ENTRIES = 20_000;

/** An XML element with its local name (the ofd: prefix dropped), attributes and text. */
export interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  text: string;
}

export function child(node: XmlNode | undefined, name: string): XmlNode | undefined {
  return node?.children.find((c) => c.name === name);
}

export function children(node: XmlNode | undefined, name: string): XmlNode[] {
  return node ? node.children.filter((c) => c.name === name) : [];
}

const MAX_DEPTH = 256;

/** saxes's English message ("1:42: document must contain a root element.") as a reason a user can read. */
export function xmlFault(e: unknown): string {
  const msg = (e as Error)?.message ?? '';
  if (msg === 'nesting too deep') return `标记嵌套超过 ${MAX_DEPTH} 层`;
  if (/[\u4e00-\u9fff]/.test(msg)) return msg; // our own reason, thrown from a handler
  if (/root element|unexpected end|unclosed/i.test(msg)) return '内容不完整：缺少根元素或有未闭合的标记';
  if (/entity|DOCTYPE/i.test(msg)) return '含有不允许的实体或 DOCTYPE 声明';
  return '标记结构有误';
}

export function parseXml(xml: string, part: string, container = 'OFD 文件'): XmlNode {
  const parser = new SaxesParser({ position: false });
  const root: XmlNode = { name: '#root', attrs: {}, children: [], text: '' };
  const stack: XmlNode[] = [root];
  parser.on('opentag', (tag) => {
    if (stack.length > MAX_DEPTH) throw new Error('nesting too deep');
    const attrs: Record<string, string> = {};
    for (const [k, v] of Object.entries(tag.attributes)) attrs[k.slice(k.indexOf(':') + 1)] = String(v);
    const node: XmlNode = { name: tag.name.slice(tag.name.indexOf(':') + 1), attrs, children: [], text: '' };
    stack[stack.length - 1]!.children.push(node);
    stack.push(node);
  });
  parser.on('closetag', () => void stack.pop());
  parser.on('text', (t) => void (stack[stack.length - 1]!.text += t));
  parser.on('cdata', (t) => void (stack[stack.length - 1]!.text += t));
  try {
    parser.write(xml).close();
  } catch (e) {
    throw new ExtractError(`${container}中的 ${part} 不是有效的 XML（${xmlFault(e)}），文件可能已损坏`);
  }
  const top = root.children[0];
  if (!top) throw new ExtractError(`${container}中的 ${part} 是空的`);
  return top;
}

/** A zip entry name that would land outside the package if unpacked (../, absolute, drive letter). */
export function escapesPackage(name: string): boolean {
  const n = name.replace(/\\/g, '/');
  return n.startsWith('/') || /^[a-zA-Z]:/.test(n) || n.split('/').some((s) => s === '..');
}

export class OfdPackage {
  private readonly sizes = new Map<string, number>();
  private readonly lowerCase = new Map<string, string>();

  constructor(private readonly bytes: Uint8Array) {
    let total = 0;
    try {
      unzipSync(bytes, {
        filter: (f) => {
          if (escapesPackage(f.name)) {
            throw new ExtractError(`OFD 文件含有指向包外的路径“${f.name.slice(0, 60)}”，可能是恶意构造的文件，已拒绝导入`);
          }
          if (this.sizes.size >= MAX_OFD_ENTRIES) throw new ExtractError(`OFD 文件中的部件过多（超过 ${MAX_OFD_ENTRIES} 个），已拒绝导入`);
          total += f.originalSize;
          const name = f.name.replace(/\\/g, '/');
          this.sizes.set(name, f.originalSize);
          this.lowerCase.set(name.toLowerCase(), name);
          return false; // list only
        },
      });
    } catch (e) {
      if (e instanceof ExtractError) throw e;
      throw new ExtractError('OFD 文件已损坏或不完整（压缩包无法读取，可能下载或复制中断）');
    }
    if (total > MAX_OFD_TOTAL) {
      throw new ExtractError(`OFD 文件解压后异常庞大（${Math.round(total / MB)} MB，可能是恶意构造的压缩包），已拒绝导入`);
    }
  }

  /** Whether the part is there and holds nothing (libofd's writer leaves its resource files empty). */
  isEmpty(path: string): boolean {
    return (this.sizes.get(path) ?? this.sizes.get(this.lowerCase.get(path.toLowerCase()) ?? '')) === 0;
  }

  has(path: string): boolean {
    return this.sizes.has(path) || this.lowerCase.has(path.toLowerCase());
  }

  /**
   * A reference (ST_Loc) made from inside `base` (a part path) → the part's path in the package.
   * Absolute locations start at the package root; Windows writers use backslashes and wrong case.
   */
  resolve(base: string, loc: string): string {
    const ref = loc.trim().replace(/\\/g, '/');
    const parts = ref.startsWith('/') ? [] : base.split('/').slice(0, -1);
    for (const seg of ref.split('/')) {
      if (seg === '' || seg === '.') continue;
      if (seg === '..') {
        if (parts.length === 0) throw new ExtractError(`OFD 文件引用了包外的路径“${loc.slice(0, 60)}”，可能是恶意构造的文件，已拒绝导入`);
        parts.pop();
      } else parts.push(seg);
    }
    const path = parts.join('/');
    return this.sizes.has(path) ? path : (this.lowerCase.get(path.toLowerCase()) ?? path);
  }

  private xmlParts: Map<string, Uint8Array> | undefined;

  /** Every XML part is inflated in one pass (one walk of the zip), within the per-part limit. */
  private inflateXml(): Map<string, Uint8Array> {
    if (this.xmlParts) return this.xmlParts;
    try {
      const parts = unzipSync(this.bytes, {
        filter: (f) => /\.xml$/i.test(f.name) && f.originalSize <= MAX_OFD_XML && !escapesPackage(f.name),
      });
      this.xmlParts = new Map(Object.entries(parts).map(([n, b]) => [n.replace(/\\/g, '/'), b]));
    } catch {
      throw new ExtractError('OFD 文件已损坏或不完整（压缩包中的部件无法解压）');
    }
    return this.xmlParts;
  }

  read(path: string, limit: number): Uint8Array {
    const size = this.sizes.get(path);
    if (size === undefined) throw new ExtractError(`OFD 文件不完整：缺少 ${path}`);
    if (size > limit) {
      throw new ExtractError(`OFD 文件中的 ${path} 解压后异常庞大（${Math.round(size / MB)} MB，可能是恶意构造的压缩包），已拒绝导入`);
    }
    const fromXml = /\.xml$/i.test(path) ? this.inflateXml() : undefined;
    let out = fromXml?.get(path);
    if (!out) {
      try {
        out = Object.values(unzipSync(this.bytes, { filter: (f) => f.name.replace(/\\/g, '/') === path }))[0];
      } catch {
        throw new ExtractError(`OFD 文件中的 ${path} 已损坏，无法解压`);
      }
    }
    if (!out) throw new ExtractError(`OFD 文件不完整：缺少 ${path}`);
    // fflate sizes its output from the directory and never grows it, so a lying size stays bounded.
    return out;
  }

  xml(path: string): XmlNode {
    return parseXml(new TextDecoder('utf-8').decode(this.read(path, MAX_OFD_XML)), path);
  }
}
