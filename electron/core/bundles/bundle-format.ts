// The .lawdesk bundle format: a zip with a fixed set of folders, every file named by the hash of
// its content, and a manifest listing each entry's sha256 and size. Entry names are checked
// against this closed list before anything is read, so a crafted bundle cannot name a path
// outside the library (`..`, `/etc/x`, `C:\x`, `a\..\b`) or smuggle in a file we do not know.

import { z } from 'zod';
import { DomainError, type ErrorCode } from '../../shared/errors';
import type { ZipEntry } from './zip-file';
import { DRAFT_STATUS, HISTORY_KINDS, LEVELS, SOURCE_FORMATS, STATUSES, TEXT_SOURCES, type LawVersionMeta } from '../../shared/law-model';
import { libraryMatchSchema } from '../../shared/scan-match';
import { ocrDoubtfulPageSchema } from '../../shared/ocr-page-doubt';
import { ocrTurnedPageSchema } from '../../shared/ocr-page-turn';

export const BUNDLE_FORMAT = 'lawdesk-bundle';
/**
 * 2: userdata/ (packs, 收藏, office profile …) and contents.userData. Version 1 bundles still import.
 * 3 (session 27): laws of 时效性 草案 (a catalog entry's `draft`, a body's status 草案) and records' links into
 * the draft under review (draftCitations). A reader of 2 refused such a bundle for an unknown status or key,
 * in words naming a field, or dropped the links without a word: it now refuses it by its version
 * ("请先升级"). A bundle without them is written as 2 (bundleSchemaVersionFor), and an older LawDesk reads it.
 */
export const BUNDLE_SCHEMA_VERSION = 3;
/** The first format whose writer marked drafts (`draft`, status 草案): an older bundle's are read again (bundle-read.ts). */
export const DRAFTS_MARKED_SINCE = 3;

/** The lowest format that holds what a bundle carries: 3 with a 草案 or a link into a draft under review, else 2. */
export function bundleSchemaVersionFor(versions: readonly Pick<LawVersionMeta, 'status' | 'draft' | 'statusOverride'>[], records: unknown): number {
  const drafts = versions.some((v) => v.draft !== undefined || v.status === DRAFT_STATUS || v.statusOverride?.status === DRAFT_STATUS);
  return drafts || holdsDraftCitations(records) ? BUNDLE_SCHEMA_VERSION : 2;
}

function holdsDraftCitations(v: unknown): boolean {
  if (Array.isArray(v)) return v.some(holdsDraftCitations);
  if (!v || typeof v !== 'object') return false;
  for (const [k, x] of Object.entries(v)) {
    if (k === 'draftCitations' && Array.isArray(x) && x.length) return true;
    if (x && typeof x === 'object' && holdsDraftCitations(x)) return true;
  }
  return false;
}

export const MANIFEST = 'manifest.json';
export const LAWS_CATALOG = 'laws/catalog.json';
export const RECORDS_JSON = 'records/records.json';
/** A library user-data file (user-data-files.ts) travels as userdata/<its path in the library>. */
export const USER_DATA_PREFIX = 'userdata/';
/** A note for people who open the zip by hand; ignored on import. */
export const README_NAME = '说明.txt';

const HEX = '[0-9a-f]{64}';
const EXT = '(?:\\.[a-z0-9]{1,10})?';
export const ENTRY_PATTERNS: { re: RegExp; kind: EntryKind }[] = [
  { re: /^manifest\.json$/, kind: 'manifest' },
  { re: /^说明\.txt$/, kind: 'readme' },
  { re: /^laws\/catalog\.json$/, kind: 'catalog' },
  { re: new RegExp(`^laws/bodies/${HEX}\\.json$`), kind: 'body' },
  { re: new RegExp(`^laws/originals/${HEX}${EXT}$`), kind: 'original' },
  { re: /^records\/records\.json$/, kind: 'records' },
  { re: new RegExp(`^records/attachments/${HEX}${EXT}$`), kind: 'attachment' },
  // Only names of the closed list in user-data-files.ts are read (checked in bundle-read.ts).
  { re: /^userdata\/(?:templates\/)?[a-z0-9-]{1,40}\.json$/, kind: 'userdata' },
];
const FOLDERS = new Set(['laws/', 'laws/bodies/', 'laws/originals/', 'records/', 'records/attachments/', 'userdata/', 'userdata/templates/']);

export type EntryKind = 'manifest' | 'readme' | 'catalog' | 'body' | 'original' | 'records' | 'attachment' | 'userdata';

/** What is wrong with a bundle; `code` is the shared code it maps to. */
export type BundleFailure = 'INVALID' | 'UNSAFE' | 'TOO_LARGE' | 'HASH' | 'SCHEMA' | 'LOCKED';
const BUNDLE_CODES: Record<BundleFailure, ErrorCode> = {
  INVALID: 'INVALID',
  UNSAFE: 'INVALID',
  SCHEMA: 'INVALID',
  HASH: 'CORRUPT',
  TOO_LARGE: 'TOO_LARGE',
  LOCKED: 'LOCKED',
};

export class BundleError extends DomainError {
  constructor(
    readonly failure: BundleFailure,
    message: string,
    opts: { file?: string } = {},
  ) {
    super(BUNDLE_CODES[failure], message, opts);
    this.name = 'BundleError';
  }
}

/** Why an entry name is refused, or undefined when it is one of ours. Checked before any read. */
export function unsafeNameReason(name: string): string | undefined {
  if (name.length === 0) return '文件名为空';
  if (name.length > 300) return '文件名过长';
  if (/[\u0000-\u001f\u007f]/.test(name)) return '文件名含控制字符';
  if (name.includes('\\')) return '文件名含反斜杠（Windows 路径分隔符）';
  if (/^[a-zA-Z]:/.test(name)) return '文件名是 Windows 盘符路径';
  if (name.startsWith('/') || name.startsWith('//')) return '文件名是绝对路径';
  if (name.split('/').some((p) => p === '..')) return '文件名含“..”（指向资料库之外）';
  if (name.split('/').some((p) => p === '.')) return '文件名含“.”路径段';
  return undefined;
}

export function classifyEntry(e: Pick<ZipEntry, 'name' | 'isDirectory' | 'isSymlink'>): { kind?: EntryKind; folder?: boolean; reason?: string } {
  const unsafe = unsafeNameReason(e.name);
  if (unsafe) return { reason: unsafe };
  if (e.isSymlink) return { reason: '是符号链接（不允许）' };
  if (e.isDirectory) return FOLDERS.has(e.name.endsWith('/') ? e.name : e.name + '/') ? { folder: true } : { reason: '是不认识的文件夹' };
  const hit = ENTRY_PATTERNS.find((p) => p.re.test(e.name));
  return hit ? { kind: hit.kind } : { reason: '不是资料包中应有的文件（只允许 manifest.json、laws/、records/ 下按内容哈希命名的文件和 userdata/ 下的用户数据文件）' };
}

const sha = z.string().regex(/^[0-9a-f]{64}$/);

export const ManifestSchema = z
  .object({
    format: z.literal(BUNDLE_FORMAT),
    schemaVersion: z.number().int().positive(),
    appVersion: z.string().max(50),
    createdAt: z.string().max(40),
    /** What the bundle holds, for the preview. */
    contents: z.object({
      versions: z.number().int().nonnegative(),
      records: z.number().int().nonnegative(),
      attachments: z.number().int().nonnegative(),
      /** Library paths of the user-data files carried (schema 2). */
      userData: z.array(z.string().max(200)).max(50).optional(),
    }),
    /** Every entry but the manifest (and the readme): its sha256 and size. */
    entries: z.record(z.string().max(300), z.object({ sha256: sha, size: z.number().int().nonnegative() })),
  })
  .strict();
export type BundleManifest = z.infer<typeof ManifestSchema>;

/** The catalog of the bundle: version metadata as in library.json (file = body entry name). */
export const CatalogEntrySchema = z
  .object({
    id: z.string().regex(/^L[0-9a-f]{10}@[0-9A-Za-z-]{1,40}$/),
    lawId: z.string().regex(/^L[0-9a-f]{10}$/),
    title: z.string().min(1).max(200),
    subtitle: z.string().max(200).optional(),
    published: z.iso.date().optional(),
    effective: z.iso.date().optional(),
    issuer: z.string().max(500).optional(),
    docNumber: z.string().max(200).optional(),
    // the library's own values (law-body.ts): an entry a library would drop at its next open is refused here, before
    // anything is written, not imported and then lost
    level: z.enum(LEVELS),
    region: z.string().max(100),
    category: z.string().max(100).optional(),
    status: z.enum(STATUSES),
    statusOverride: z.object({ status: z.enum(STATUSES), basis: z.string().max(2000) }).strict().optional(),
    expired: z.boolean().optional(),
    /** A drafted text (format 3; a session-26 LawDesk wrote it in format 2 and refused its own bundle for it). */
    draft: z.boolean().optional(),
    history: z.array(z.object({ date: z.string().max(20), kind: z.enum(HISTORY_KINDS), text: z.string().max(2000) }).strict()).max(200),
    sourceFile: z.string().max(300),
    sourceSha256: sha,
    sourceFormat: z.enum(SOURCE_FORMATS),
    textSource: z.enum(TEXT_SOURCES).optional(),
    verified: z.boolean().optional(),
    verifiedBy: z.string().max(100).optional(),
    verifiedAt: z.string().max(40).optional(),
    libraryMatch: libraryMatchSchema.optional(),
    ocrDoubtfulPages: z.array(ocrDoubtfulPageSchema).max(2000).optional(),
    ocrTurnedPages: z.array(ocrTurnedPageSchema).max(2000).optional(),
    articleCount: z.number().int().nonnegative(),
    unitCount: z.number().int().nonnegative(),
    charCount: z.number().int().nonnegative(),
    importedAt: z.string().max(40),
    file: z.string().regex(/^[0-9a-f]{64}\.json$/),
  })
  .strict();
export const BundleCatalogSchema = z.object({ versions: z.array(CatalogEntrySchema).max(100_000) }).strict();

/** JSON.parse that refuses prototype-polluting keys and absurd nesting (a crafted bundle's JSON). */
export function parseBundleJson(text: string, what: string, maxDepth = 64): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text, (k, v) => {
      if (k === '__proto__' || k === 'constructor' || k === 'prototype') throw new BundleError('UNSAFE', `${what} 含有不允许的键“${k}”`);
      return v;
    });
  } catch (e) {
    if (e instanceof BundleError) throw e;
    // V8's words ("Unexpected token } in JSON at position 5") as a place a user can look at
    const msg = (e as Error).message;
    const at = /position (\d+)/.exec(msg)?.[1];
    const why = /end of JSON input|Unterminated/i.test(msg) ? '内容在中途截断' : at ? `第 ${Number(at) + 1} 个字符处格式有误` : '格式有误';
    throw new BundleError('SCHEMA', `${what} 不是有效的 JSON（${why}）`);
  }
  const depth = (v: unknown, d: number): void => {
    if (d > maxDepth) throw new BundleError('UNSAFE', `${what} 嵌套层数超过 ${maxDepth}`);
    if (v && typeof v === 'object') for (const x of Object.values(v)) depth(x, d + 1);
  };
  depth(value, 0);
  return value;
}

/**
 * schema.safeParse for JSON read from a file: zod recurses per item, so a huge array (200,000
 * entries of a record's changes) overflowed the stack and escaped as a RangeError. It is refused
 * as too large, in a sentence naming `what`.
 */
export function safeParseBounded<S extends z.ZodType>(schema: S, raw: unknown, what: string): ReturnType<S['safeParse']> {
  try {
    return schema.safeParse(raw) as ReturnType<S['safeParse']>;
  } catch (e) {
    if (e instanceof RangeError) throw new BundleError('TOO_LARGE', `${what} 的结构过大（数组过长或嵌套过深），无法校验，已拒绝`);
    throw e;
  }
}
