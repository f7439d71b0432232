// The one API of LawDesk: every call the renderer can make, as "domain:verb" channels with zod
// schemas for input and output, plus the events it can subscribe to. Both faces (Electron IPC and
// the localhost HTTP server) register exactly these channels and validate both directions with
// these schemas. To extend (records, issue 6): add schemas and entries to `apiContract`; the
// preload, the server, the HTTP client and the tests pick them up from here.
// Invariant: inputs are strict objects (unknown keys rejected), strings and arrays are capped.

import { z } from 'zod';
import { LEVELS, STATUSES } from './law-model';

// Validation messages in Chinese: they are shown to the user as they are.
z.config(z.locales.zhCN());

// ---------------------------------------------------------------------------------------------
// Building blocks

const id = z.string().min(1).max(300);
const shortText = z.string().max(500);
const date = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, '日期应为 YYYY-MM-DD');
const level = z.enum(LEVELS);
const status = z.enum(STATUSES);
const count = z.number().int().nonnegative();

export const historyEventSchema = z.object({
  date: z.string(),
  text: z.string(),
  kind: z.enum(['通过', '公布', '修正', '修订', '施行', '其他']),
});

export const versionMetaSchema = z.object({
  id: z.string(),
  lawId: z.string(),
  title: z.string(),
  subtitle: z.string().optional(),
  published: z.string().optional(),
  effective: z.string().optional(),
  issuer: z.string().optional(),
  docNumber: z.string().optional(),
  level,
  region: z.string(),
  status,
  expired: z.boolean().optional(),
  history: z.array(historyEventSchema),
  sourceFile: z.string(),
  sourceFormat: z.string(),
  articleCount: count,
  unitCount: count,
  charCount: count,
  importedAt: z.string(),
});
export type VersionMetaDto = z.infer<typeof versionMetaSchema>;

export const articleSchema = z.object({
  key: z.string(),
  kind: z.enum(['article', 'section', 'preamble', 'appendix']),
  number: z.number(),
  suffix: z.number(),
  label: z.string(),
  path: z.array(z.string()),
  paragraphs: z.array(z.object({ text: z.string(), items: z.array(z.string()) })),
  text: z.string(),
});

export const lawSchema = z.object({
  id: z.string(),
  title: z.string(),
  shortTitle: z.string(),
  subtitle: z.string().optional(),
  level,
  region: z.string(),
  versionIds: z.array(z.string()),
});

/** One row of the library table: a law, shown through its current version. */
export const lawRowSchema = z.object({
  lawId: z.string(),
  versionId: z.string(),
  title: z.string(),
  shortTitle: z.string(),
  subtitle: z.string().optional(),
  level,
  region: z.string(),
  status,
  published: z.string().optional(),
  effective: z.string().optional(),
  issuer: z.string().optional(),
  versionCount: count,
  articleCount: count,
  favorite: z.boolean(),
});
export type LawRow = z.infer<typeof lawRowSchema>;

const facetCounts = z.record(z.string(), count);
export const facetsSchema = z.object({ level: facetCounts, region: facetCounts, status: facetCounts });

export const lawSortSchema = z.object({
  field: z.enum(['title', 'published', 'effective', 'level']),
  order: z.enum(['asc', 'desc']),
});
export type LawSort = z.infer<typeof lawSortSchema>;

export const searchHitSchema = z.object({
  lawId: z.string(),
  versionId: z.string(),
  title: z.string(),
  subtitle: z.string().optional(),
  versionDate: z.string(),
  level,
  region: z.string(),
  status,
  articleKey: z.string(),
  articleNumber: z.number(),
  articleSuffix: z.number(),
  articleLabel: z.string(),
  path: z.array(z.string()),
  snippet: z.string(),
  highlights: z.array(z.tuple([z.number(), z.number()])),
  titleMatch: z.boolean(),
  score: z.number(),
});

export const searchQuerySchema = z
  .object({
    q: z.string().max(500),
    limit: z.number().int().min(1).max(200).optional(),
    offset: z.number().int().min(0).max(100_000).optional(),
    levels: z.array(level).max(20).optional(),
    regions: z.array(shortText).max(200).optional(),
    statuses: z.array(status).max(10).optional(),
    lawId: id.optional(),
    versionId: id.optional(),
    publishedFrom: date.optional(),
    publishedTo: date.optional(),
    effectiveFrom: date.optional(),
    effectiveTo: date.optional(),
    inForceOnly: z.boolean().optional(),
  })
  .strict();

export const searchResultSchema = z.object({
  total: count,
  tookMs: z.number(),
  hits: z.array(searchHitSchema),
  facets: facetsSchema,
  jump: z
    .object({
      lawId: z.string(),
      versionId: z.string(),
      articleKey: z.string(),
      articleLabel: z.string(),
      title: z.string(),
      otherVersions: z.array(z.object({ versionId: z.string(), versionDate: z.string(), status })),
    })
    .optional(),
  didYouMean: z.array(z.string()).optional(),
});

export const quickOpenItemSchema = z.object({
  lawId: z.string(),
  versionId: z.string(),
  title: z.string(),
  shortTitle: z.string(),
  subtitle: z.string().optional(),
  level,
  region: z.string(),
  articleKey: z.string().optional(),
  articleLabel: z.string().optional(),
  score: z.number(),
});

/** Caps for files uploaded by the browser face (and dropped files in Electron). */
export const UPLOAD_LIMITS = { maxFileBytes: 20 * 1024 * 1024, maxFiles: 200, maxTotalBytes: 60 * 1024 * 1024 } as const;
const base64Cap = Math.ceil(UPLOAD_LIMITS.maxFileBytes / 3) * 4;

export const uploadFileSchema = z
  .object({
    name: z
      .string()
      .min(1)
      .max(255)
      .refine((n) => !/[\\/\0]/.test(n) && n !== '.' && n !== '..', '文件名不能包含路径'),
    /** Bytes as base64; at most UPLOAD_LIMITS.maxFileBytes decoded. */
    dataBase64: z.string().max(base64Cap, `单个文件不能超过 ${UPLOAD_LIMITS.maxFileBytes / 1048576} MB`),
  })
  .strict();

export const importFileResultSchema = z.object({
  file: z.string(),
  status: z.enum(['imported', 'replaced', 'skipped', 'failed']),
  versionId: z.string().optional(),
  title: z.string().optional(),
  articleCount: z.number().optional(),
  reason: z.string().optional(),
  preview: z.array(z.object({ label: z.string(), text: z.string() })).optional(),
});

export const importReportSchema = z.object({
  imported: count,
  replaced: count,
  skipped: count,
  failed: z.array(z.object({ file: z.string(), reason: z.string() })),
  warnings: z.array(z.object({ file: z.string(), message: z.string() })),
  files: z.array(importFileResultSchema),
  dryRun: z.boolean(),
});
export type ImportReportDto = z.infer<typeof importReportSchema>;

/** A preview is kept on the service side until committed or discarded (by stagingId). */
export const importPreviewSchema = z.object({ stagingId: z.string(), report: importReportSchema });

export const FONT_SIZES = { min: 12, max: 28, default: 16 } as const;

export const settingsSchema = z.object({
  /** The library folder; a change takes effect after a restart. '' = the default folder. */
  libraryDir: z.string().max(1000),
  fontSize: z.number().int().min(FONT_SIZES.min).max(FONT_SIZES.max),
  defaultFilters: z.object({
    inForceOnly: z.boolean(),
    levels: z.array(level).max(20),
    regions: z.array(shortText).max(200),
  }),
  favorites: z.array(id).max(10_000),
});
export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  libraryDir: '',
  fontSize: FONT_SIZES.default,
  defaultFilters: { inForceOnly: false, levels: [], regions: [] },
  favorites: [],
};

// ---------------------------------------------------------------------------------------------
// The calls

const empty = z.object({}).strict();

/**
 * `face`: which faces implement the call. 'electron' calls need the desktop (native dialogs,
 * shell); the browser face answers them with code UNSUPPORTED.
 */
interface CallSpec<I extends z.ZodType, O extends z.ZodType> {
  input: I;
  output: O;
  face?: 'electron' | 'all';
  /** Body cap in bytes for the HTTP face (default 64 KB). */
  maxBodyBytes?: number;
}
function call<I extends z.ZodType, O extends z.ZodType>(spec: CallSpec<I, O>): CallSpec<I, O> {
  return spec;
}

export const apiContract = {
  'library:info': call({
    input: empty,
    output: z.object({
      dir: z.string(),
      lawCount: count,
      versionCount: count,
      generation: count,
      search: z.object({ ready: z.boolean(), message: z.string().optional() }),
      face: z.enum(['electron', 'browser']),
      appVersion: z.string(),
    }),
  }),
  'laws:list': call({
    input: z
      .object({
        q: z.string().max(200).optional(),
        levels: z.array(level).max(20).optional(),
        regions: z.array(shortText).max(200).optional(),
        statuses: z.array(status).max(10).optional(),
        favoritesOnly: z.boolean().optional(),
        sort: lawSortSchema.optional(),
        offset: z.number().int().min(0).optional(),
        limit: z.number().int().min(1).max(50_000).optional(),
      })
      .strict(),
    output: z.object({ total: count, rows: z.array(lawRowSchema), facets: facetsSchema, favorites: count }),
  }),
  'law:get': call({
    input: z.object({ lawId: id }).strict(),
    output: z.object({ law: lawSchema, versions: z.array(versionMetaSchema) }),
  }),
  'version:get': call({
    input: z.object({ versionId: id }).strict(),
    output: z.object({ meta: versionMetaSchema, law: lawSchema, versions: z.array(versionMetaSchema), units: z.array(articleSchema) }),
  }),
  'law:setFavorite': call({
    input: z.object({ lawId: id, favorite: z.boolean() }).strict(),
    output: z.object({ favorites: z.array(z.string()) }),
  }),
  'search:query': call({ input: searchQuerySchema, output: searchResultSchema }),
  'search:quickOpen': call({
    input: z.object({ text: z.string().max(200), limit: z.number().int().min(1).max(50).optional() }).strict(),
    output: z.array(quickOpenItemSchema),
  }),
  'import:preview': call({
    input: z.object({ files: z.array(uploadFileSchema).min(1).max(UPLOAD_LIMITS.maxFiles) }).strict(),
    output: importPreviewSchema,
    maxBodyBytes: Math.ceil(UPLOAD_LIMITS.maxTotalBytes / 3) * 4 + 64 * 1024,
  }),
  /** Electron only: the native open dialog, then a preview of the chosen files or folder. */
  'import:pickAndPreview': call({
    input: z.object({ kind: z.enum(['files', 'folder']) }).strict(),
    output: z.union([importPreviewSchema, z.object({ canceled: z.literal(true) })]),
    face: 'electron',
  }),
  'import:commit': call({ input: z.object({ stagingId: id }).strict(), output: importReportSchema }),
  'import:discard': call({ input: z.object({ stagingId: id }).strict(), output: z.object({ ok: z.boolean() }) }),
  'settings:get': call({ input: empty, output: settingsSchema }),
  'settings:set': call({ input: settingsSchema.partial().strict(), output: settingsSchema }),
  /** Electron only: opens an https:// link in the system browser. */
  'shell:openExternal': call({
    input: z.object({ url: z.string().url().max(2000).startsWith('https://') }).strict(),
    output: z.object({ ok: z.boolean() }),
    face: 'electron',
  }),
} as const;

export type ApiContract = typeof apiContract;
export type Channel = keyof ApiContract;
export type ApiInput<C extends Channel> = z.input<ApiContract[C]['input']>;
export type ApiOutput<C extends Channel> = z.output<ApiContract[C]['output']>;
export const CHANNELS = Object.keys(apiContract) as Channel[];

export function isChannel(name: string): name is Channel {
  return Object.prototype.hasOwnProperty.call(apiContract, name);
}

/** Whether a face implements a channel. */
export function channelInFace(channel: Channel, face: 'electron' | 'browser'): boolean {
  const f = (apiContract[channel] as CallSpec<z.ZodType, z.ZodType>).face ?? 'all';
  return f === 'all' || f === face;
}

export function maxBodyBytes(channel: Channel): number {
  return (apiContract[channel] as CallSpec<z.ZodType, z.ZodType>).maxBodyBytes ?? 64 * 1024;
}

// ---------------------------------------------------------------------------------------------
// Events (main/server -> renderer)

export const APP_COMMANDS = ['library', 'search', 'import', 'settings', 'quickOpen', 'importFiles', 'importFolder', 'fontBigger', 'fontSmaller'] as const;
export type AppCommand = (typeof APP_COMMANDS)[number];

export const apiEvents = {
  'import:progress': z.object({
    stagingId: z.string(),
    phase: z.enum(['preview', 'commit']),
    done: count,
    total: count,
    file: z.string(),
  }),
  'index:progress': z.object({ phase: z.enum(['opening', 'indexing', 'ready', 'failed']), done: count, total: count, message: z.string().optional() }),
  'library:changed': z.object({ added: z.array(z.string()), removed: z.array(z.string()), generation: count }),
  /** Desktop menu commands (Electron only). */
  'app:command': z.object({ command: z.enum(APP_COMMANDS) }),
} as const;
export type EventName = keyof typeof apiEvents;
export type EventPayload<E extends EventName> = z.output<(typeof apiEvents)[E]>;
export const EVENT_NAMES = Object.keys(apiEvents) as EventName[];

// ---------------------------------------------------------------------------------------------
// Errors and the envelope both transports carry

export const ERROR_CODES = [
  'VALIDATION', // the input did not match the contract
  'NOT_FOUND',
  'UNSUPPORTED', // the call is not available in this face
  'UNAUTHORIZED',
  'FORBIDDEN',
  'TOO_LARGE',
  'LOCKED', // another process is writing the library
  'CORRUPT',
  'SEARCH_UNAVAILABLE',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const apiErrorSchema = z.object({ code: z.enum(ERROR_CODES), message: z.string() });
export type ApiErrorData = z.infer<typeof apiErrorSchema>;

export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
  toJSON(): ApiErrorData {
    return { code: this.code, message: this.message };
  }
}

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ApiErrorData };

/** A readable (Chinese) message for a failed validation: one line per problem, with its path. */
export function describeZodError(error: z.ZodError, what = '参数'): string {
  const lines = error.issues.slice(0, 5).map((i) => {
    const path = i.path.length ? i.path.map(String).join('.') : '(整体)';
    return `${path}：${i.message}`;
  });
  const more = error.issues.length > 5 ? `（另有 ${error.issues.length - 5} 处）` : '';
  return `${what}不合法：${lines.join('；')}${more}`;
}

export type ParsedInput<C extends Channel> = z.output<ApiContract[C]['input']>;

export function parseInput<C extends Channel>(channel: C, raw: unknown): ParsedInput<C> {
  const r = apiContract[channel].input.safeParse(raw ?? {});
  if (!r.success) throw new ApiError('VALIDATION', describeZodError(r.error));
  return r.data as ParsedInput<C>;
}

export function parseOutput<C extends Channel>(channel: C, value: unknown): ApiOutput<C> {
  const r = apiContract[channel].output.safeParse(value);
  if (!r.success) throw new ApiError('INTERNAL', describeZodError(r.error, `${channel} 的返回值`));
  return r.data as ApiOutput<C>;
}

/** Turns anything thrown into the {code, message} both transports send. */
export function toApiError(e: unknown): ApiErrorData {
  if (e instanceof ApiError) return e.toJSON();
  const err = e as { code?: unknown; message?: unknown; name?: unknown };
  if (err && typeof err.code === 'string' && (ERROR_CODES as readonly string[]).includes(err.code)) {
    return { code: err.code as ErrorCode, message: String(err.message ?? err.code) };
  }
  return { code: 'INTERNAL', message: `内部错误：${String(err?.message ?? e)}` };
}

// ---------------------------------------------------------------------------------------------
// The typed client interface: the renderer sees `call(channel, input)` through api/ and the
// preload exposes one named function per channel (camelCase of the channel).

export type ApiMethods = { [C in Channel]: (input: ApiInput<C>) => Promise<ApiOutput<C>> };

export { methodName } from './api-channels';
