// Mutations for the importer fuzzer (fuzz-importers.ts): byte-level damage any file can suffer,
// and structure-aware damage per container (zip, XML, PDF, OLE, images, JSON) that reaches the
// parsers' deeper paths — a random bit flip almost never gets past a zip's CRC or a PDF's xref.
// Every choice comes from one seeded generator, so a seed and an iteration number name a file.
import { crc32 } from 'node:zlib';
import { deflateSync, unzipSync } from 'fflate';
import { seededRandom, type Rng } from './seeded-random';

export type { Rng };

/** The fuzzer's generator: the one all benches use. */
export const rng = seededRandom;

const int = (r: Rng, n: number) => Math.floor(r() * n);
const pick = <T>(r: Rng, xs: readonly T[]): T => xs[int(r, xs.length)]!;
const INTERESTING = [0, 1, 0x7f, 0x80, 0xff, 0x7fff, 0xffff, 0x7fffffff, 0xffffffff, 0xfffffffe, 0x10000];

export interface Mutant {
  bytes: Uint8Array;
  /** What was done, for the findings list (short, reproducible with the seed). */
  how: string;
}

// ---------- byte level ----------

export function byteMutation(r: Rng, src: Uint8Array): Mutant {
  const b = Uint8Array.from(src);
  const n = b.length;
  switch (int(r, 6)) {
    case 0: {
      const at = int(r, Math.max(1, n));
      return { bytes: b.subarray(0, at), how: `truncated at ${at}/${n}` };
    }
    case 1: {
      const flips = 1 + int(r, 32);
      for (let i = 0; i < flips; i++) b[int(r, n)]! ^= 1 << int(r, 8);
      return { bytes: b, how: `${flips} bit flips` };
    }
    case 2: {
      const at = int(r, n);
      const len = 1 + int(r, pick(r, [16, 256, 65_536]));
      const v = int(r, 256);
      for (let i = at; i < Math.min(n, at + len); i++) b[i] = v;
      return { bytes: b, how: `run of 0x${v.toString(16)} ×${len} at ${at}` };
    }
    case 3: {
      const at = int(r, n);
      const v = pick(r, INTERESTING);
      const dv = new DataView(b.buffer);
      if (at + 4 <= n) dv.setUint32(at, v >>> 0, r() < 0.5);
      return { bytes: b, how: `u32 ${v} at ${at}` };
    }
    case 4: {
      // a chunk of the file copied into itself (repeated structures, duplicated objects)
      const from = int(r, n);
      const len = Math.min(n - from, 1 + int(r, 4096));
      const at = int(r, n);
      const out = concat(b.subarray(0, at), b.subarray(from, from + len), b.subarray(at));
      return { bytes: out, how: `copied ${len} bytes from ${from} to ${at}` };
    }
    default: {
      const at = int(r, n);
      const len = Math.min(n - at, 1 + int(r, 4096));
      return { bytes: concat(b.subarray(0, at), b.subarray(at + len)), how: `deleted ${len} bytes at ${at}` };
    }
  }
}

export function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

const latin1 = (b: Uint8Array) => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('latin1');
const fromLatin1 = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));
const utf8 = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));

// ---------- XML / HTML text ----------

/** Damage to markup that a well-formed-looking file can carry: depth, entities, size, unclosed. */
export function markupMutation(r: Rng, text: string): { text: string; how: string } {
  const tagAt = (() => {
    const opens = [...text.matchAll(/<[A-Za-z][^>]*>/g)];
    const m = opens.length ? pick(r, opens) : undefined;
    return m ? m.index! + m[0].length : int(r, text.length);
  })();
  const ins = (s: string) => text.slice(0, tagAt) + s + text.slice(tagAt);
  const tag = /^<([A-Za-z][\w:.-]*)/.exec(text.slice(text.lastIndexOf('<', tagAt - 1), tagAt))?.[1] ?? 'div';
  switch (int(r, 9)) {
    case 0: {
      const d = pick(r, [10_000, 100_000, 300_000]);
      return { text: ins(`<${tag}>`.repeat(d) + '第一条 嵌套。' + `</${tag}>`.repeat(d)), how: `${d} nested <${tag}>` };
    }
    case 1: {
      const d = pick(r, [50_000, 200_000]);
      return { text: ins(`<${tag}>`.repeat(d)), how: `${d} unclosed <${tag}>` };
    }
    case 2: {
      const lol = ['<!ENTITY lol "lol">', ...Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`)].join('');
      const decl = /^<\?xml[^>]*\?>/.exec(text)?.[0] ?? '';
      const root = /<([A-Za-z][\w:.-]*)/.exec(text.slice(decl.length))?.[1] ?? 'html';
      return { text: decl + `<!DOCTYPE ${root} [${lol}]>` + ins('&lol9;').slice(decl.length), how: 'billion laughs (&lol9;)' };
    }
    case 3: {
      const mb = pick(r, [1, 4, 12]);
      const i = text.indexOf('>', tagAt - 1);
      const at = i > 0 && text[i - 1] !== '/' ? i : tagAt - 1;
      return { text: text.slice(0, at) + ` x="${'甲'.repeat((mb * 1024 * 1024) / 3)}"` + text.slice(at), how: `${mb} MB attribute` };
    }
    case 4: {
      const n = pick(r, [10_000, 100_000]);
      const at = tagAt - 1;
      return { text: text.slice(0, at) + Array.from({ length: n }, (_, i) => ` a${i}="${i}"`).join('') + text.slice(at), how: `${n} attributes` };
    }
    case 5:
      return { text: ins(pick(r, ['&undefined;', '&#xFFFFFFFF;', '&#0;', '&#xD800;', '<![CDATA[', '<!--', '<?pi', '<script>', '<style>', ']]>'])), how: 'stray markup' };
    case 6: {
      const n = pick(r, [100_000, 1_000_000]);
      return { text: ins(`<${tag}/>`.repeat(n)), how: `${n} empty <${tag}/>` };
    }
    case 7: {
      const len = pick(r, [1, 5, 15]) * 1024 * 1024;
      return { text: ins('第'.repeat(len / 3)), how: `${len / 1048576} MB text node without a break` };
    }
    default: {
      const at = int(r, text.length);
      return { text: text.slice(0, at), how: `markup cut at ${at}/${text.length}` };
    }
  }
}

// ---------- zip containers (DOCX, OFD, bundles) ----------

export interface ZipItem {
  name: string;
  data: Uint8Array;
  /** 0 stored, 8 deflate */
  method?: number;
  /** Lies written into the headers. */
  declaredSize?: number;
  declaredCompressed?: number;
  crc?: number;
}

/** A zip written by hand so that names, sizes and duplicates can lie. */
export function writeZip(items: ZipItem[]): Uint8Array {
  const locals: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const it of items) {
    const name = utf8(it.name);
    const method = it.method ?? 8;
    const body = method === 8 ? deflateSync(it.data) : it.data;
    const crc = it.crc ?? crc32(it.data);
    const size = it.declaredSize ?? it.data.length;
    const csize = it.declaredCompressed ?? body.length;
    const lh = new DataView(new ArrayBuffer(30));
    lh.setUint32(0, 0x04034b50, true);
    lh.setUint16(4, 20, true);
    lh.setUint16(6, 0x0800, true);
    lh.setUint16(8, method, true);
    lh.setUint32(14, crc >>> 0, true);
    lh.setUint32(18, csize >>> 0, true);
    lh.setUint32(22, size >>> 0, true);
    lh.setUint16(26, name.length, true);
    const local = concat(new Uint8Array(lh.buffer), name, body);
    const ch = new DataView(new ArrayBuffer(46));
    ch.setUint32(0, 0x02014b50, true);
    ch.setUint16(4, 20, true);
    ch.setUint16(6, 20, true);
    ch.setUint16(8, 0x0800, true);
    ch.setUint16(10, method, true);
    ch.setUint32(16, crc >>> 0, true);
    ch.setUint32(20, csize >>> 0, true);
    ch.setUint32(24, size >>> 0, true);
    ch.setUint16(28, name.length, true);
    ch.setUint32(42, offset, true);
    central.push(concat(new Uint8Array(ch.buffer), name));
    locals.push(local);
    offset += local.length;
  }
  const cd = concat(...central);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, items.length, true);
  end.setUint16(10, items.length, true);
  end.setUint32(12, cd.length, true);
  end.setUint32(16, offset, true);
  return concat(...locals, cd, new Uint8Array(end.buffer));
}

export function readZipItems(bytes: Uint8Array): ZipItem[] {
  return Object.entries(unzipSync(bytes)).map(([name, data]) => ({ name, data }));
}

/**
 * Damage to a zip package: its directory (sizes, names, duplicates, bombs, nesting) or one of its
 * parts (markup damage for XML/JSON parts, byte damage otherwise). `fix` runs after a part changed
 * (bundles re-hash their manifest so the damage reaches the readers behind the hash check).
 */
export function zipMutation(r: Rng, src: Uint8Array, fix?: (items: ZipItem[]) => void): Mutant {
  const items = readZipItems(src);
  const i = int(r, items.length);
  const it = items[i]!;
  let how: string;
  const isMarkup = /\.(xml|rels|json|html?)$/i.test(it.name);
  switch (int(r, 10)) {
    case 0:
      it.declaredSize = pick(r, [0, 1, it.data.length - 1, it.data.length * 1000, 0xffffffff]) >>> 0;
      how = `${it.name}: declared size ${it.declaredSize} (real ${it.data.length})`;
      break;
    case 1:
      it.declaredCompressed = pick(r, [0, 1, 0xffffffff, 0x7fffffff]);
      how = `${it.name}: declared compressed size ${it.declaredCompressed}`;
      break;
    case 2:
      items.splice(i + 1, 0, { name: it.name, data: byteMutation(r, it.data).bytes });
      how = `${it.name} twice`;
      break;
    case 3: {
      const bad = pick(r, ['../', '../../../../tmp/', '/', 'C:\\', '..\\', './../', 'a/../../']);
      it.name = bad + it.name;
      how = `name ${it.name}`;
      break;
    }
    case 4: {
      // deflate bomb: 1,000:1 zeros (or spaces inside the XML) under the part's own name
      const mb = pick(r, [64, 300]);
      it.data = isMarkup ? concat(it.data, new Uint8Array(mb * 1024 * 1024).fill(0x20)) : new Uint8Array(mb * 1024 * 1024);
      how = `${it.name}: ${mb} MB deflate bomb`;
      fix?.(items);
      break;
    }
    case 5:
      it.data = writeZip(items.map((x) => ({ name: x.name, data: x.data })));
      how = `${it.name}: replaced by the zip itself (nested)`;
      fix?.(items);
      break;
    case 6:
      items.splice(i, 1);
      how = `${it.name} removed`;
      fix?.(items);
      break;
    case 7:
      it.crc = int(r, 0xffffffff);
      how = `${it.name}: wrong CRC`;
      break;
    default: {
      // damage inside a part, with the directory telling the truth about it
      const xmlLike = items.filter((x) => /\.(xml|rels|json|html?)$/i.test(x.name));
      const target = xmlLike.length && r() < 0.8 ? pick(r, xmlLike) : it;
      if (/\.(xml|rels|json|html?)$/i.test(target.name)) {
        const m = target.name.endsWith('.json') ? jsonMutation(r, Buffer.from(target.data).toString('utf8')) : markupMutation(r, Buffer.from(target.data).toString('utf8'));
        target.data = utf8(m.text);
        how = `${target.name}: ${m.how}`;
      } else {
        const m = byteMutation(r, target.data);
        target.data = m.bytes;
        how = `${target.name}: ${m.how}`;
      }
      fix?.(items);
    }
  }
  return { bytes: writeZip(items), how };
}

// ---------- JSON (bundle parts, backups) ----------

export function jsonMutation(r: Rng, text: string): { text: string; how: string } {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return { text: text.slice(0, int(r, text.length)), how: 'cut' };
  }
  const paths: { parent: Record<string, unknown> | unknown[]; key: string | number }[] = [];
  const walk = (x: unknown, depth: number) => {
    if (depth > 12 || !x || typeof x !== 'object') return;
    for (const k of Object.keys(x)) {
      paths.push({ parent: x as Record<string, unknown>, key: Array.isArray(x) ? Number(k) : k });
      walk((x as Record<string, unknown>)[k], depth + 1);
    }
  };
  walk(v, 0);
  const choice = int(r, 8);
  if (choice === 0 || paths.length === 0) {
    const d = pick(r, [10_000, 100_000, 1_000_000]);
    return { text: text.replace(/:/, `:${'['.repeat(d)}${']'.repeat(d)},"x":`), how: `${d}-deep array` };
  }
  if (choice === 1) return { text: text.slice(0, int(r, text.length)), how: 'JSON cut' };
  const p = pick(r, paths);
  const set = (val: unknown) => ((p.parent as Record<string | number, unknown>)[p.key] = val);
  const how = `${String(p.key)} = `;
  switch (choice) {
    case 2: {
      const val = pick(r, [null, -1, 1e308, 'x', '', true, [], {}, '../../etc/passwd', '__proto__', 2 ** 53, 0.5, 'NaN']);
      set(val);
      return { text: JSON.stringify(v), how: how + JSON.stringify(val) };
    }
    case 3:
      set('甲'.repeat(pick(r, [100_000, 3_000_000])));
      return { text: JSON.stringify(v), how: how + 'long string' };
    case 4: {
      const n = pick(r, [10_000, 200_000]);
      set(Array.from({ length: n }, (_, i) => i));
      return { text: JSON.stringify(v), how: how + `${n}-item array` };
    }
    case 5: {
      const n = pick(r, [10_000, 100_000]);
      set(Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, { id: `k${i}` }])));
      return { text: JSON.stringify(v), how: how + `${n}-key object` };
    }
    case 6:
      return { text: JSON.stringify(v).replace(`"${String(p.key)}"`, '"__proto__"'), how: `${String(p.key)} renamed __proto__` };
    default: {
      let deep: unknown = 'x';
      for (let k = 0; k < 5000; k++) deep = { a: deep };
      set(deep);
      return { text: JSON.stringify(v), how: how + '5,000-deep object' };
    }
  }
}

// ---------- PDF ----------

export function pdfMutation(r: Rng, src: Uint8Array): Mutant {
  let s = latin1(src);
  const objs = [...s.matchAll(/(\d+) 0 obj/g)].map((m) => Number(m[1]));
  const someObj = () => (objs.length ? pick(r, objs) : 1);
  switch (int(r, 10)) {
    case 0: {
      // a number token changed: xref offsets, /Length, object numbers, array entries
      const nums = [...s.matchAll(/\b\d{1,10}\b/g)];
      const m = pick(r, nums);
      const v = pick(r, [0, 1, 999_999_999, 2_147_483_647, 4_294_967_295, m[0].length > 1 ? Number(m[0]) * 10 : 7]);
      s = s.slice(0, m.index) + v + s.slice(m.index! + m[0].length);
      return { bytes: fromLatin1(s), how: `number ${m[0]} at ${m.index} → ${v}` };
    }
    case 1: {
      const self = /(\d+) 0 obj\s*<<\s*\/Type\s*\/Pages/.exec(s)?.[1] ?? String(someObj());
      s = s.replace(/\/Kids\s*\[[^\]]*\]/, `/Kids [${self} 0 R ${self} 0 R]`);
      return { bytes: fromLatin1(s), how: `/Kids points at its own Pages (${self})` };
    }
    case 2:
      s = s.replace(/\/Count\s+\d+/, `/Count ${pick(r, [0, 99_999_999, 2_147_483_647, -1])}`);
      return { bytes: fromLatin1(s), how: 'huge /Count' };
    case 3:
      s = s.replace(/\/MediaBox\s*\[[^\]]*\]/g, `/MediaBox [0 0 ${pick(r, ['1e9', '14400', '0', '-5', '99999999'])} ${pick(r, ['1e9', '14400', '0'])}]`);
      return { bytes: fromLatin1(s), how: 'huge /MediaBox' };
    case 4: {
      const at = s.lastIndexOf('startxref');
      if (at < 0) break;
      const v = pick(r, [0, 9, at, s.length * 2]);
      s = s.slice(0, at) + `startxref\n${v}\n%%EOF\n`;
      return { bytes: fromLatin1(s), how: `startxref → ${v}` };
    }
    case 5: {
      // an xref that names itself as its previous section: a /Prev loop
      const at = s.lastIndexOf('startxref');
      const off = /startxref\s+(\d+)/.exec(s.slice(at))?.[1];
      if (!off) break;
      s = s.replace(/trailer\s*<</g, `trailer\n<< /Prev ${off}`);
      return { bytes: fromLatin1(s), how: '/Prev loop' };
    }
    case 6: {
      // /Parent of a page points at the page itself; the inherited-attribute walk loops
      const m = /(\d+) 0 obj\s*<<\s*\/Type\s*\/Page\b/.exec(s);
      if (!m) break;
      s = s.replace(/\/Parent\s+\d+\s+0\s+R/, `/Parent ${m[1]} 0 R`);
      return { bytes: fromLatin1(s), how: 'page is its own /Parent' };
    }
    case 7: {
      // a stream's /Length lies
      const ms = [...s.matchAll(/\/Length\s+(\d+)/g)];
      if (!ms.length) break;
      const m = pick(r, ms);
      const v = pick(r, [0, 1, 2_147_483_647, Number(m[1]) + 100]);
      s = s.slice(0, m.index) + `/Length ${v}` + s.slice(m.index! + m[0].length);
      return { bytes: fromLatin1(s), how: `/Length ${m[1]} → ${v}` };
    }
    case 8: {
      // deep nesting in a dictionary or array
      const d = pick(r, [10_000, 100_000]);
      const at = s.indexOf('<<');
      if (at < 0) break;
      const open = r() < 0.5 ? '[' : '<<';
      const close = open === '[' ? ']' : '>>';
      s = s.slice(0, at + 2) + ` /X ${open.repeat(d)}${close.repeat(d)} ` + s.slice(at + 2);
      return { bytes: fromLatin1(s), how: `${d}-deep ${open}` };
    }
    default: {
      const ms = [...s.matchAll(/stream\r?\n/g)];
      if (!ms.length) break;
      const m = pick(r, ms);
      const start = m.index! + m[0].length;
      const b = fromLatin1(s);
      const len = Math.min(200, b.length - start);
      for (let k = 0; k < 1 + int(r, 8); k++) {
        const at = start + int(r, len);
        b[at] = b[at]! ^ (1 << int(r, 8));
      }
      return { bytes: b, how: `bits flipped in the stream at ${start}` };
    }
  }
  return byteMutation(r, src);
}

// ---------- OLE compound files (.doc, .wps) ----------

/** Loops and lies in the sector chains: FAT entries, the directory's start, stream sizes. */
export function oleMutation(r: Rng, src: Uint8Array): Mutant {
  const b = Uint8Array.from(src);
  const dv = new DataView(b.buffer);
  const shift = dv.getUint16(0x1e, true);
  const ss = 1 << (shift >= 7 && shift <= 16 ? shift : 9);
  const sectorAt = (sec: number) => 512 + sec * ss;
  const fatSecs = Array.from({ length: Math.min(109, dv.getUint32(0x2c, true)) }, (_, k) => dv.getUint32(0x4c + k * 4, true)).filter((x) => sectorAt(x) + ss <= b.length);
  const dirStart = dv.getUint32(0x30, true);
  switch (int(r, 7)) {
    case 0: {
      if (!fatSecs.length) break;
      const fs = pick(r, fatSecs);
      const k = int(r, ss / 4);
      const idx = fatSecs.indexOf(fs) * (ss / 4) + k;
      const v = r() < 0.5 ? idx : int(r, Math.max(1, idx));
      dv.setUint32(sectorAt(fs) + k * 4, v, true);
      return { bytes: b, how: `FAT[${idx}] → ${v} (loop)` };
    }
    case 1: {
      // the directory's chain loops on its first sector
      if (!fatSecs.length) break;
      const perFat = ss / 4;
      const fs = fatSecs[Math.floor(dirStart / perFat)];
      if (fs === undefined) break;
      dv.setUint32(sectorAt(fs) + (dirStart % perFat) * 4, dirStart, true);
      return { bytes: b, how: `directory chain loops at ${dirStart}` };
    }
    case 2: {
      // a directory entry's size or start sector lies
      const de = sectorAt(dirStart) + 128 * int(r, Math.max(1, ss / 128));
      if (de + 128 > b.length) break;
      if (r() < 0.5) {
        const v = pick(r, [0xffffffff, 0x7fffffff, 0x10000000, 4097]);
        dv.setUint32(de + 0x78, v, true);
        return { bytes: b, how: `directory entry size → ${v}` };
      }
      const v = pick(r, [0, dirStart, 0xfffffffd, 0x7fffffff]);
      dv.setUint32(de + 0x74, v, true);
      return { bytes: b, how: `directory entry start → ${v}` };
    }
    case 3: {
      // the red-black tree's child/sibling links point back at themselves
      const k = int(r, Math.max(1, ss / 128));
      const de = sectorAt(dirStart) + 128 * k;
      if (de + 128 > b.length) break;
      dv.setUint32(de + 0x44 + 4 * int(r, 3), k, true);
      return { bytes: b, how: `directory entry ${k} is its own child/sibling` };
    }
    case 4: {
      const v = pick(r, [0xffffffff, 0x7fffffff, 110, 0]);
      dv.setUint32(0x2c, v, true);
      return { bytes: b, how: `FAT sector count → ${v}` };
    }
    case 5: {
      // a DIFAT chain that loops on itself
      const v = fatSecs[0] ?? 1;
      dv.setUint32(0x44, v, true);
      dv.setUint32(0x48, pick(r, [1, 1000, 0xffffffff]), true);
      return { bytes: b, how: `DIFAT chain starts at FAT sector ${v}` };
    }
    default: {
      const v = pick(r, [0xffffffff, 0x7fffffff, 0, 0xfffffffe]);
      dv.setUint32(0x3c, v, true);
      dv.setUint32(0x40, pick(r, [0xffffffff, 1, 1000]), true);
      return { bytes: b, how: `mini FAT start → ${v}` };
    }
  }
  return byteMutation(r, src);
}

// ---------- images ----------

function pngChunk(type: string, data: Uint8Array): Uint8Array {
  const head = new DataView(new ArrayBuffer(8));
  head.setUint32(0, data.length);
  const t = fromLatin1(type);
  new Uint8Array(head.buffer).set(t, 4);
  const crc = new DataView(new ArrayBuffer(4));
  crc.setUint32(0, crc32(concat(t, data)) >>> 0);
  return concat(new Uint8Array(head.buffer), data, new Uint8Array(crc.buffer));
}

/** Declared dimensions that lie, for PNG (IHDR, CRC kept valid), JPEG (SOF) and TIFF (IFD). */
export function imageMutation(r: Rng, src: Uint8Array): Mutant {
  const b = Uint8Array.from(src);
  const dv = new DataView(b.buffer);
  const huge = () => pick(r, [0, 1, 11_999, 12_001, 65_535, 100_000, 0x7fffffff, 0xffffffff]);
  if (b[0] === 0x89 && r() < 0.7) {
    const w = huge();
    const h = huge();
    const ihdr = Uint8Array.from(b.subarray(16, 29));
    const v = new DataView(ihdr.buffer);
    v.setUint32(0, w >>> 0);
    v.setUint32(4, h >>> 0);
    return { bytes: concat(b.subarray(0, 8), pngChunk('IHDR', ihdr), b.subarray(33)), how: `PNG IHDR ${w} × ${h}` };
  }
  if (b[0] === 0xff && r() < 0.7) {
    for (let i = 2; i + 9 < b.length; ) {
      const marker = b[i + 1]!;
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        const w = Math.min(65_535, huge());
        const h = Math.min(65_535, huge());
        dv.setUint16(i + 5, h);
        dv.setUint16(i + 7, w);
        return { bytes: b, how: `JPEG SOF ${w} × ${h}` };
      }
      i += 2 + dv.getUint16(i + 2);
    }
  }
  if ((b[0] === 0x49 || b[0] === 0x4d) && r() < 0.7) {
    const le = b[0] === 0x49;
    const ifd = dv.getUint32(4, le);
    const count = dv.getUint16(ifd, le);
    const k = int(r, count);
    const e = ifd + 2 + k * 12;
    if (r() < 0.3) {
      dv.setUint32(4, pick(r, [8, 0xffffffff, b.length - 2]), le);
      return { bytes: b, how: 'TIFF IFD offset lies' };
    }
    dv.setUint32(e + 8, huge() >>> 0, le);
    dv.setUint32(e + 4, pick(r, [1, 0xffffffff, 1_000_000]), le);
    return { bytes: b, how: `TIFF tag ${dv.getUint16(e, le)} value/count lies` };
  }
  return byteMutation(r, src);
}

/** A small uncompressed 8-bit greyscale TIFF. */
export function smallTiff(width: number, height: number, pixels: (x: number, y: number) => number): Uint8Array {
  const tags: [number, number, number][] = [
    [256, 3, width],
    [257, 3, height],
    [258, 3, 8],
    [259, 3, 1],
    [262, 3, 1],
    [273, 4, 0], // strip offset, patched below
    [277, 3, 1],
    [278, 3, height],
    [279, 4, width * height],
  ];
  const ifdSize = 2 + tags.length * 12 + 4;
  const dataAt = 8 + ifdSize;
  const out = new Uint8Array(dataAt + width * height);
  const dv = new DataView(out.buffer);
  out.set([0x49, 0x49, 0x2a, 0]);
  dv.setUint32(4, 8, true);
  dv.setUint16(8, tags.length, true);
  tags.forEach(([tag, type, value], k) => {
    const e = 10 + k * 12;
    dv.setUint16(e, tag, true);
    dv.setUint16(e + 2, type, true);
    dv.setUint32(e + 4, 1, true);
    if (type === 3) dv.setUint16(e + 8, tag === 273 ? 0 : value, true);
    else dv.setUint32(e + 8, tag === 273 ? dataAt : value, true);
  });
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) out[dataAt + y * width + x] = pixels(x, y);
  return out;
}

// ---------- plain text ----------

export function textMutation(r: Rng, src: Uint8Array, encoding: 'utf-8' | 'gbk' | 'utf-16le'): Mutant {
  switch (int(r, 6)) {
    case 0: {
      const at = int(r, src.length);
      const junk = pick(r, [new Uint8Array([0xc0, 0x80]), new Uint8Array([0xed, 0xa0, 0x80]), new Uint8Array([0x81]), new Uint8Array([0x00, 0xd8]), new Uint8Array([0xff, 0xfe, 0x00, 0x00]), new Uint8Array(64)]);
      return { bytes: concat(src.subarray(0, at), junk, src.subarray(at)), how: `invalid ${encoding} sequence at ${at}` };
    }
    case 1: {
      const mb = pick(r, [1, 5, 19]);
      const line = encoding === 'utf-16le' ? new Uint8Array(Buffer.from('甲'.repeat((mb * 1048576) / 2), 'utf16le')) : new Uint8Array(mb * 1048576).fill(0x41);
      const at = int(r, src.length);
      return { bytes: concat(src.subarray(0, at), line, src.subarray(at)), how: `${mb} MB line` };
    }
    case 2: {
      const n = pick(r, [100_000, 2_000_000]);
      const unit = encoding === 'utf-16le' ? new Uint8Array([0x0a, 0]) : new Uint8Array([0x0a]);
      const nl = new Uint8Array(unit.length * n);
      for (let i = 0; i < n; i++) nl.set(unit, i * unit.length);
      return { bytes: concat(src, nl), how: `${n} empty lines` };
    }
    case 3: {
      const n = pick(r, [20_000, 200_000]);
      const s = Array.from({ length: n }, (_, i) => `第${i + 1}条 甲。`).join('\n');
      const bytes = encoding === 'utf-16le' ? Buffer.from(s, 'utf16le') : Buffer.from(s, 'utf8');
      return { bytes: concat(src, bytes), how: `${n} articles appended` };
    }
    case 4: {
      // a heading or article number repeated without end
      const s = pick(r, ['第一章 总则\n', '第一条\n', '# 标题\n', '（一）', '【发布部门】\n', '目  录\n']).repeat(pick(r, [10_000, 100_000]));
      return { bytes: concat(src, encoding === 'utf-16le' ? Buffer.from(s, 'utf16le') : Buffer.from(s, 'utf8')), how: `repeated ${JSON.stringify(s.slice(0, 8))}` };
    }
    default:
      return byteMutation(r, src);
  }
}

export function mhtMutation(r: Rng, src: Uint8Array): Mutant {
  let s = latin1(src);
  switch (int(r, 4)) {
    case 0:
      s = s.replace(/boundary="?([^";\r\n]+)"?/, 'boundary="nonexistent"');
      return { bytes: fromLatin1(s), how: 'boundary that never occurs' };
    case 1:
      s = s.replace(/Content-Transfer-Encoding:\s*\S+/i, `Content-Transfer-Encoding: ${pick(r, ['base64', 'quoted-printable', 'x-unknown'])}`);
      return { bytes: fromLatin1(s), how: 'transfer encoding switched' };
    case 2:
      s = s.replace(/charset="?[\w-]+"?/i, `charset="${pick(r, ['utf-32', 'x-bogus', 'utf-7', 'gb2312', ''])}"`);
      return { bytes: fromLatin1(s), how: 'charset switched' };
    default:
      return { bytes: fromLatin1(s + '\r\n' + '=\r\n'.repeat(pick(r, [100_000, 1_000_000]))), how: 'soft line breaks without end' };
  }
}
