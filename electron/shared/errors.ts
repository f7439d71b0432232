// The one error type of LawDesk: a DomainError carries a code from one closed list, a Chinese
// message that names the file and the reason, and optionally the file and the list of problems.
// Every face maps it the same way, from the tables here: the HTTP API to a status, the Electron IPC
// to the same {code, message, file?, details?} envelope, the CLI to one JSON shape and exit code.
// Also here: the one formatter of zod issues (Chinese, naming the field path).

import { z } from 'zod';
import { printableName, printableText } from './printable-name';

/** How the CLI exits for a class of errors (documented in electron/cli/README.md). */
export const EXIT_CODES = {
  /** The input or the data is wrong: a bad file, a missing law, a record that fails validation. */
  input: 1,
  /** The command line itself is wrong (unknown option, missing argument). */
  usage: 2,
  /** The computer is in the way: disk full, read-only, no permission, another writer. Retry after fixing it. */
  environment: 3,
  /** A bug: the message says what failed; LAWDESK_DEBUG=1 prints the stack. */
  internal: 4,
  /** Stopped by the user. */
  cancelled: 130,
} as const;
type ExitClass = keyof typeof EXIT_CODES;

// One row per code: the HTTP status of the browser face and the CLI's exit class.
const ERROR_TABLE = {
  INVALID: { http: 400, exit: 'input' }, // the input does not match what is expected (a field, a file, a value)
  USAGE: { http: 400, exit: 'usage' }, // the command line is wrong (CLI)
  NOT_FOUND: { http: 404, exit: 'input' },
  CONFLICT: { http: 409, exit: 'input' }, // changed by someone else since it was read (a stale revision)
  TOO_LARGE: { http: 413, exit: 'input' },
  UNSUPPORTED_FORMAT: { http: 415, exit: 'input' }, // a file of a kind LawDesk cannot read
  CORRUPT: { http: 500, exit: 'input' }, // stored data fails its hash or shape: restore from a backup
  LOCKED: { http: 409, exit: 'environment' }, // another process is writing the library
  DISK_FULL: { http: 507, exit: 'environment' }, // ENOSPC, EDQUOT
  READ_ONLY: { http: 503, exit: 'environment' }, // EROFS: a read-only disk or share
  PERMISSION: { http: 503, exit: 'environment' }, // EACCES, EPERM
  BAD_FILE_NAME: { http: 400, exit: 'input' }, // ENAMETOOLONG, names that are not valid UTF-8
  BUSY: { http: 503, exit: 'environment' }, // EMFILE, ENFILE, EBUSY: try again later
  IO_ERROR: { http: 500, exit: 'environment' }, // EIO: the device failed or was removed
  CANCELLED: { http: 409, exit: 'cancelled' },
  UNSUPPORTED: { http: 501, exit: 'input' }, // not available in this face (browser vs desktop)
  UNAUTHORIZED: { http: 401, exit: 'input' },
  FORBIDDEN: { http: 403, exit: 'input' },
  SEARCH_UNAVAILABLE: { http: 503, exit: 'environment' },
  INTERNAL: { http: 500, exit: 'internal' },
} as const satisfies Record<string, { http: number; exit: ExitClass }>;

export type ErrorCode = keyof typeof ERROR_TABLE;
export const ERROR_CODES = Object.keys(ERROR_TABLE) as [ErrorCode, ...ErrorCode[]];

export function httpStatusOf(code: ErrorCode): number {
  return ERROR_TABLE[code].http;
}

export function exitCodeOf(code: ErrorCode): number {
  return EXIT_CODES[ERROR_TABLE[code].exit];
}

export function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && Object.prototype.hasOwnProperty.call(ERROR_TABLE, code);
}

/** The error as every face sends it: IPC and HTTP envelopes, the CLI's `{"error": …}`. */
export const errorDataSchema = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  file: z.string().optional(),
  details: z.array(z.string()).optional(),
});
export type ErrorData = z.infer<typeof errorDataSchema>;

export interface DomainErrorOptions {
  /** The file the error is about (a path as given, or a name inside a bundle). */
  file?: string | undefined;
  /** One line per problem, when there are several (validation issues, pack items). */
  details?: readonly string[] | undefined;
  cause?: unknown;
}

export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly file: string | undefined;
  readonly details: readonly string[];

  constructor(code: ErrorCode, message: string, opts: DomainErrorOptions = {}) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = 'DomainError';
    this.code = code;
    this.file = opts.file;
    this.details = opts.details ?? [];
  }

  toJSON(): ErrorData {
    return {
      code: this.code,
      message: this.message,
      ...(this.file !== undefined ? { file: this.file } : {}),
      ...(this.details.length ? { details: [...this.details] } : {}),
    };
  }
}

// ---- file-system errors (Node errno codes) ----

/** What a Node errno means for the user, and which code it maps to. */
export const ERRNO: Readonly<Record<string, { code: ErrorCode; reason: string }>> = {
  ENOSPC: { code: 'DISK_FULL', reason: '磁盘已满，请清理磁盘空间后重试' },
  EDQUOT: { code: 'DISK_FULL', reason: '磁盘配额已用完，请清理空间后重试' },
  EROFS: { code: 'READ_ONLY', reason: '所在磁盘或文件夹是只读的（如光盘、只读 U 盘或网络共享），请换一个可写的位置' },
  EACCES: { code: 'PERMISSION', reason: '没有写入权限，请检查文件夹权限或以有权限的用户运行' },
  EPERM: { code: 'PERMISSION', reason: '操作被系统拒绝（权限不足，或文件被其他程序占用），请检查权限后重试' },
  ENAMETOOLONG: { code: 'BAD_FILE_NAME', reason: '文件名或路径过长，请换一个短一些的文件夹或文件名' },
  EILSEQ: { code: 'BAD_FILE_NAME', reason: '文件名含有系统无法表示的字符（不是有效的 UTF-8），请重命名该文件' },
  EMFILE: { code: 'BUSY', reason: '打开的文件过多，请关闭其他程序后重试' },
  ENFILE: { code: 'BUSY', reason: '系统打开的文件过多，请关闭其他程序后重试' },
  EBUSY: { code: 'BUSY', reason: '文件正被其他程序占用，请关闭占用它的程序后重试' },
  EIO: { code: 'IO_ERROR', reason: '磁盘读写出错（设备故障或已拔出），请检查磁盘' },
  ENOENT: { code: 'NOT_FOUND', reason: '文件或文件夹不存在' },
  EISDIR: { code: 'INVALID', reason: '这是一个文件夹，不是文件' },
  ENOTDIR: { code: 'INVALID', reason: '路径中有一段不是文件夹' },
};

/** A Node errno error (has a string `code` such as ENOSPC). */
export function errnoOf(e: unknown): string | undefined {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^E[A-Z]+$/.test(code) ? code : undefined;
}

/** The code for a Node errno error (ENOENT → NOT_FOUND, EACCES → PERMISSION …); `fallback` otherwise. */
export function errnoCode(e: unknown, fallback: ErrorCode = 'IO_ERROR'): ErrorCode {
  return ERRNO[errnoOf(e) ?? '']?.code ?? fallback;
}

/** "<file>：<reason>（ENOSPC）" for a Node fs error; the error's own message otherwise. */
export function errnoMessage(e: unknown, file?: string): string {
  const errno = errnoOf(e);
  const known = errno ? ERRNO[errno] : undefined;
  const where = file ?? (e as { path?: unknown } | null)?.path;
  const reason = known ? `${known.reason}（${errno}）` : String((e as { message?: unknown } | null)?.message ?? e);
  return typeof where === 'string' && where ? `${printableName(where)}：${reason}` : reason;
}

/** Turns anything thrown into the {code, message, file?, details?} every face sends; control characters and bidi overrides of file names in the message are escaped. */
export function toErrorData(e: unknown): ErrorData {
  const d = errorData(e);
  return { ...d, message: printableText(d.message) };
}

function errorData(e: unknown): ErrorData {
  if (e instanceof DomainError) return e.toJSON();
  const err = e as { code?: unknown; message?: unknown; file?: unknown; details?: unknown } | null;
  // An error that crossed a structured clone (a worker) keeps its fields but not its class.
  if (err && isErrorCode(err.code) && typeof err.message === 'string') {
    const r = errorDataSchema.safeParse({ code: err.code, message: err.message, file: err.file, details: err.details });
    return r.success ? r.data : { code: err.code, message: err.message };
  }
  const errno = errnoOf(e);
  if (errno && ERRNO[errno]) {
    const path = (e as { path?: unknown }).path;
    return { code: ERRNO[errno].code, message: errnoMessage(e), ...(typeof path === 'string' ? { file: path } : {}) };
  }
  return { code: 'INTERNAL', message: `内部错误：${String(err?.message ?? e)}` };
}

// ---- zod issues ----
// One formatter: each issue becomes one sentence naming the field (“标题（title）”不能为空) and, from
// the same table, the short message shown beside that field in a form (请填写标题), where the
// label is already on screen. A message the schema itself gives in Chinese (建议修改为不能为空…)
// is kept in both; zod's own default messages (English, or the zh-CN locale) are replaced.

export interface IssueFormat {
  /** Chinese names of fields (the vocabulary of shared/field-labels.ts), shown as “名称（key）”. */
  labels?: Readonly<Record<string, string>>;
  /** A domain's own short message for an issue (how to write a citation), used like a schema's own message; undefined = none. */
  hint?: (issue: z.core.$ZodIssue) => string | undefined;
}

/** The field path of an issue: "sections.0.parts.1", keys shown with their Chinese label when known. */
export function issuePath(path: readonly PropertyKey[], labels?: IssueFormat['labels']): string {
  if (!path.length) return '(整体)';
  return path
    .map((p) => {
      const s = String(p);
      return typeof p !== 'number' && labels?.[s] ? `${labels[s]}（${s}）` : s;
    })
    .join('.');
}

/** The field path in words, for a line that stands alone: "送审材料 › 第1项 › 名称". */
export function issuePathInWords(path: readonly PropertyKey[], labels?: IssueFormat['labels']): string {
  return path.map((p) => (typeof p === 'number' ? `第${p + 1}项` : (labels?.[String(p)] ?? String(p)))).join(' › ') || '内容';
}

function shown(value: unknown): string {
  let s: string;
  try {
    s = JSON.stringify(value) ?? String(value);
  } catch {
    s = String(value);
  }
  return s.length > 60 ? `${s.slice(0, 60)}…` : s;
}

const TYPE_NAMES: Record<string, string> = { string: '文字', number: '数字', int: '整数', boolean: '是/否（true/false）', array: '列表', object: '对象', date: '日期' };

const UNKNOWN = Symbol('unknown');

/** The value an issue is about: zod 4 leaves `input` out of issues unless asked, so it is looked up in the parsed input. */
function inputOf(issue: z.core.$ZodIssue, input: unknown): unknown {
  if ('input' in issue) return (issue as { input?: unknown }).input;
  if (input === UNKNOWN) return UNKNOWN;
  let v: unknown = input;
  for (const p of issue.path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[p as PropertyKey];
  }
  return v;
}

// zod's default messages, to tell them from a schema's own: a default is replaced by our sentence,
// a schema's own message is kept. Both the English and the zh-CN locale (api/common sets it).
const DEFAULT_LOCALES = [z.locales.en(), z.locales.zhCN()];
function isDefaultMessage(issue: z.core.$ZodIssue, got: unknown): boolean {
  // Without the input, an invalid_type default cannot be rebuilt ("received …" names its type).
  if (issue.code === 'invalid_type' && /^(Invalid input: expected|无效输入：期望)/.test(issue.message)) return true;
  if (issue.code === 'custom' && /^(Invalid input|无效输入)$/.test(issue.message)) return true;
  const probe = (got === UNKNOWN ? issue : { ...issue, input: got }) as unknown as z.core.$ZodRawIssue;
  return DEFAULT_LOCALES.some((l) => {
    const m = l.localeError(probe);
    return (typeof m === 'string' ? m : m?.message) === issue.message;
  });
}

/** One issue in both forms: `named` stands alone (names the field), `beside` is shown next to the field. */
interface Sentence {
  named: string;
  beside: string;
  /** "，收到 …" when the value is known and worth showing, for a line that stands alone. */
  received?: string;
}

function sentence(issue: z.core.$ZodIssue, opts: IssueFormat, input: unknown): Sentence {
  const field = `“${issuePath(issue.path, opts.labels)}”`;
  const lastKey = [...issue.path].reverse().find((p) => typeof p === 'string');
  const label = typeof lastKey === 'string' ? opts.labels?.[lastKey] : undefined;
  const got = inputOf(issue, input);
  const own = opts.hint?.(issue) ?? (isDefaultMessage(issue, got) ? undefined : issue.message);
  if (own !== undefined) {
    // A top-level field's message that names it (建议修改为不能为空…) reads as it is; else it is put after the field.
    const names = issue.path.length === 1 && ((label && own.includes(label)) || own.includes(String(issue.path[0])));
    return { named: names ? own : `${field}：${own}`, beside: own };
  }
  const i = issue as z.core.$ZodIssue & { values?: unknown[]; format?: string; minimum?: unknown; maximum?: unknown; origin?: string; expected?: string; keys?: string[] };
  const received = got === UNKNOWN || got === undefined ? '' : `，收到 ${shown(got)}`;
  const missing = { named: `缺少必填字段${field}`, beside: `请填写${label ?? '此项'}` };
  const is = (predicate: string, extra = received) => ({ named: `${field}${predicate}${extra}`, beside: predicate, received: extra });
  switch (i.code) {
    case 'invalid_type': {
      // Without the input, zod's own message still names the received type ("received undefined").
      if (got === UNKNOWN ? /\bundefined\s*$/.test(i.message) : got === undefined) return missing;
      const want = `应为${TYPE_NAMES[i.expected ?? ''] ?? String(i.expected)}`;
      return { named: `${field}的类型不对：${want}${received}`, beside: want, received };
    }
    case 'invalid_value':
      if (got === undefined) return missing; // a missing enum or literal field
      return is(`应为 ${(i.values ?? []).map((v) => (typeof v === 'string' ? v : shown(v))).join(' / ')} 之一`);
    case 'invalid_format':
      if (i.format === 'date') return is('不是有效日期（应为 YYYY-MM-DD）');
      return { named: `${field}格式不对（${i.message}）`, beside: '格式不对' };
    case 'too_small':
      if (i.origin === 'string' && Number(i.minimum) <= 1) return { named: `${field}不能为空`, beside: `请填写${label ?? '此项'}` };
      if (i.origin === 'string') return is(`至少 ${String(i.minimum)} 字`, '');
      if (i.origin === 'array' || i.origin === 'set') return is(`至少要有 ${String(i.minimum)} 项`, '');
      return is(`不能小于 ${String(i.minimum)}`, '');
    case 'too_big':
      if (i.origin === 'string') return is(`不能超过 ${String(i.maximum)} 字`, '');
      if (i.origin === 'array' || i.origin === 'set') return is(`最多 ${String(i.maximum)} 项`, '');
      return is(`不能大于 ${String(i.maximum)}`, '');
    case 'not_multiple_of':
      return is(`应为 ${String((i as { divisor?: unknown }).divisor)} 的整数倍`, '');
    case 'unrecognized_keys': {
      // A hostile payload of 6,000 unknown keys made a 60 KB message: name the first ten.
      const all = i.keys ?? [];
      const keys = all.slice(0, 10).map((k) => (k.length > 40 ? `${k.slice(0, 40)}…` : k)).join('、') + (all.length > 10 ? ` 等 ${all.length} 个` : '');
      return { named: `${field}中有不认识的字段：${keys}`, beside: `不认识的字段：${keys}` };
    }
    case 'invalid_union':
      return { named: `${field}的写法不对（${i.message}）`, beside: '写法不对' };
    default:
      return { named: `${field}：${i.message}`, beside: i.message };
  }
}

/** One Chinese sentence for one zod issue, naming the field. `input` (the value parsed) lets it say what was received. */
export function formatIssue(issue: z.core.$ZodIssue, opts: IssueFormat = {}, input: unknown = UNKNOWN): string {
  return sentence(issue, opts, input).named;
}

/** The same issue as a form shows it beside its field (the label is on screen): 请填写标题, 不能超过 300 字. */
export function besideFieldMessage(issue: z.core.$ZodIssue, opts: IssueFormat = {}, input: unknown = UNKNOWN): string {
  return sentence(issue, opts, input).beside;
}

/** The issue as one line that stands alone, by the field's words and its beside-field message: "送审材料 › 第1项 › 名称：请填写材料名称". */
export function formatFieldLine(issue: z.core.$ZodIssue, opts: IssueFormat = {}, input: unknown = UNKNOWN): string {
  const s = sentence(issue, opts, input);
  return `${issuePathInWords(issue.path, opts.labels)}：${s.beside}${s.received ?? ''}`;
}

/** Every issue of a failed parse, one sentence each. */
export function formatIssues(error: z.ZodError, opts: IssueFormat = {}, input: unknown = UNKNOWN): string[] {
  return error.issues.map((i) => formatIssue(i, opts, input));
}

/** One line for a failed validation: "<what>不合法：…；…（另有 N 处）" (the first five problems). */
export function describeZodError(error: z.ZodError, what = '参数', opts: IssueFormat = {}, input: unknown = UNKNOWN): string {
  const lines = formatIssues(error, opts, input);
  const more = lines.length > 5 ? `（另有 ${lines.length - 5} 处）` : '';
  return `${what}不合法：${lines.slice(0, 5).join('；')}${more}`;
}

/** A DomainError('INVALID') for a failed parse, with every problem in `details`. */
export function invalidInput(error: z.ZodError, what: string, opts: IssueFormat & { file?: string } = {}, input: unknown = UNKNOWN): DomainError {
  try {
    return new DomainError('INVALID', describeZodError(error, what, opts, input), { file: opts.file, details: formatIssues(error, opts, input) });
  } catch {
    // A pathologically deep input (a hostile request) must still be a 400, not a stack overflow.
    return new DomainError('INVALID', `${what}不合法：结构过深或过大`, { file: opts.file });
  }
}
