// What the feature handlers of the app API share: the library, the records service and pack store
// (opened on first use), the event emitter, produced files (exports, bundles, attachments) handed
// out by opaque ids, and temporary upload folders. Handlers never take a path from the renderer.

import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { writeFileAtomic } from '../util/atomic-write';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { DomainError, toErrorData, type ApiOutput, type Channel, type DesktopChannel, type EventName, type EventPayload, type ParsedInput } from '../../shared/api-contract';
import { LIBRARY_INDEX_TASK, type PhaseProgress } from '../../shared/task-progress';
import type { LibraryStore } from '../library/library-store';
import { newId } from '../util/new-id';
import { uploadFailure } from '../library/fs-errors';
import type { PackStore } from '../packs/pack-store';
import type { RecordsService } from '../records/records-service';
import type { SearchBackend } from './search-backend';

export type Emit = <E extends EventName>(event: E, payload: EventPayload<E>) => void;
export type Handler<C extends Channel> = (input: ParsedInput<C>) => Promise<ApiOutput<C>> | ApiOutput<C>;
/** The channels the service answers: all but the desktop-only ones, which electron/main answers. */
export type ServiceChannel = Exclude<Channel, DesktopChannel>;
/**
 * One handler per service channel, none optional: a contract entry without a handler is a compile
 * error (test/node/app/handler-map.test.ts). Each domain file returns its share `satisfies
 * Partial<Handlers>`, and AppService assembles them into a `Handlers`.
 */
export type Handlers = { [C in ServiceChannel]: Handler<C> };

export interface ProducedFile {
  path: string;
  name: string;
  mime: string;
}

const MIME: Record<string, string> = {
  '.html': 'text/html',
  '.pdf': 'application/pdf',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.lawdesk': 'application/zip',
  '.json': 'application/json',
};

/** Largest produced file handed to the renderer as base64 (files:get). */
export const MAX_HANDOUT_BYTES = 200 * 1024 * 1024;

/** The one id maker (staging, task and file ids are capabilities: unguessable). */
export { newId } from '../util/new-id';

/** A file name that is safe on Windows and Linux: no separators, reserved or control characters. */
export function safeFileName(name: string, fallback = '导出'): string {
  const replaced = name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_');
  // Leading/trailing dots and spaces are trimmed by scanning, not by /[.\s]+$/, which is quadratic
  // in a long inner run of them (the same defect the parser's trim had).
  const isEdge = (ch: string): boolean => ch === '.' || ch.trim() === '';
  let start = 0;
  let end = replaced.length;
  while (start < end && isEdge(replaced[start]!)) start++;
  while (end > start && isEdge(replaced[end - 1]!)) end--;
  const clean = replaced.slice(start, end).slice(0, 80);
  return clean || fallback;
}

/** Longest uploaded name written as it is: a name has at most 255 bytes, and the atomic writer's temp file adds about 30. */
export const MAX_DISK_NAME_BYTES = 200;

/**
 * The name an uploaded file is written under: its own, or for a longer one (a 255-byte name is
 * legal on every disk, but its temp file is not) its start and its end — the date and extension
 * the importer reads from a name — around an ellipsis. The report still shows the uploaded name.
 */
/** Each upload's own folder under the staging root (mkdtemp adds six characters). */
const UPLOAD_DIR_PREFIX = 'lawdesk-upload-';

export function diskName(name: string): string {
  if (Buffer.byteLength(name) <= MAX_DISK_NAME_BYTES) return name;
  const chars = [...name];
  const tail: string[] = [];
  let bytes = Buffer.byteLength('…');
  for (let j = chars.length - 1; j >= 0 && bytes + Buffer.byteLength(chars[j]!) <= 90; j--) {
    tail.unshift(chars[j]!);
    bytes += Buffer.byteLength(chars[j]!);
  }
  const head: string[] = [];
  for (const ch of chars) {
    if (bytes + Buffer.byteLength(ch) > MAX_DISK_NAME_BYTES) break;
    head.push(ch);
    bytes += Buffer.byteLength(ch);
  }
  return `${head.join('')}…${tail.join('')}`;
}

export class ApiContext {
  private readonly files = new Map<string, ProducedFile>();
  /** Task ids in use, each with its number of holds (the call that started it, work that outlives the call). */
  private readonly tasksInUse = new Map<string, number>();

  constructor(
    readonly store: LibraryStore,
    readonly emit: Emit,
    private readonly openRecords: () => Promise<RecordsService>,
    private readonly openPacks: () => Promise<PackStore>,
    readonly search: () => SearchBackend | undefined,
    /** Where exports and bundles are written (Electron: the user's documents; browser: a temp folder). */
    readonly exportDir: string,
    readonly stagingRoot: string,
  ) {}

  /**
   * The progress callback of a caller's task: task:progress events carrying its id. Without an
   * id nobody follows the task, and nothing is sent.
   */
  progress(taskId: string | undefined): (p: PhaseProgress) => void {
    if (!taskId) return () => {};
    return (p) => this.emit('task:progress', { taskId, phase: p.phase, done: p.done, total: p.total, ...(p.label ? { label: p.label } : {}) });
  }

  /**
   * Claims the caller's task id for the call that starts the task (AppService.call does this for
   * every such call, startsTask): an id belongs to the task that made it until that task ends, so
   * no other call can report into its progress stream or end it, and no caller can speak as the
   * library's own background task (LIBRARY_INDEX_TASK). Returns the release.
   */
  claimTask(taskId: string | undefined): () => void {
    if (taskId === undefined) return () => {};
    if (taskId === LIBRARY_INDEX_TASK) throw new DomainError('INVALID', `任务编号“${taskId}”是资料库后台任务专用的，请换一个`);
    if (this.tasksInUse.has(taskId)) throw new DomainError('CONFLICT', `任务编号“${taskId}”正被另一项任务使用，请换一个`);
    this.tasksInUse.set(taskId, 1);
    return this.releaser(taskId);
  }

  /** Keeps a task id in use until `until` settles (a folder import runs on after its call answers). */
  holdTask(taskId: string, until: Promise<unknown>): void {
    this.tasksInUse.set(taskId, (this.tasksInUse.get(taskId) ?? 0) + 1);
    const release = this.releaser(taskId);
    void until.then(release, release);
  }

  /** How many tasks with an id are running (a background warm-up waits for 0). */
  tasksRunning(): number {
    return this.tasksInUse.size;
  }

  private releaser(taskId: string): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.tasksInUse.get(taskId) ?? 1) - 1;
      if (left > 0) this.tasksInUse.set(taskId, left);
      else this.tasksInUse.delete(taskId);
    };
  }

  records(): Promise<RecordsService> {
    return this.openRecords();
  }

  packs(): Promise<PackStore> {
    return this.openPacks();
  }

  /** The export folder, created on demand; the path of `name` in it. */
  exportPath(name: string): string {
    mkdirSync(this.exportDir, { recursive: true });
    return join(this.exportDir, name);
  }

  /** Registers a produced file and returns what the renderer may know of it. */
  handOut(path: string, name = basename(path)): { fileId: string; name: string; bytes: number; folder?: string } {
    const fileId = newId('f');
    this.files.set(fileId, { path, name, mime: MIME[extname(name).toLowerCase()] ?? 'application/octet-stream' });
    if (this.files.size > 500) this.files.delete(this.files.keys().next().value!);
    return { fileId, name, bytes: statSync(path).size, folder: this.exportDir };
  }

  file(fileId: string): ProducedFile {
    const f = this.files.get(fileId);
    if (!f || !existsSync(f.path)) throw new DomainError('NOT_FOUND', '这个文件已不存在，请重新导出');
    return f;
  }

  /** Staged paths → the names the person chose (newest 256; a longer name is shortened on disk by diskName). */
  private readonly uploadNames = new Map<string, string>();

  private rememberUpload(path: string, name: string): void {
    this.uploadNames.set(path, name);
    if (this.uploadNames.size > 256) this.uploadNames.delete(this.uploadNames.keys().next().value!);
  }

  /**
   * Writes uploaded files into one fresh temp folder (the one upload writer of the API); the
   * caller removes the folder. Names are checked by the contract (no separators); a repeated
   * name gets a sub-folder of its own.
   */
  writeUploads(files: { name: string; dataBase64: string }[], caps: { maxFileBytes: number; maxTotalBytes?: number; refuseEmpty?: boolean }): { dir: string; paths: string[]; names: Map<string, string> } {
    let total = 0;
    const decoded = files.map((f) => {
      const bytes = Buffer.from(f.dataBase64, 'base64');
      if (caps.refuseEmpty && bytes.length === 0) throw new DomainError('INVALID', `“${f.name}”是空文件`);
      if (bytes.length > caps.maxFileBytes) throw new DomainError('TOO_LARGE', `“${f.name}”超过 ${Math.round(caps.maxFileBytes / 1048576)} MB`);
      total += bytes.length;
      return { name: basename(f.name), bytes };
    });
    if (caps.maxTotalBytes !== undefined && total > caps.maxTotalBytes) throw new DomainError('TOO_LARGE', `一次导入的文件合计不能超过 ${caps.maxTotalBytes / 1048576} MB`);
    // A failure names the user's file and the reason, not the staging folder (core/library/fs-errors).
    let dir: string;
    try {
      mkdirSync(this.stagingRoot, { recursive: true });
      dir = mkdtempSync(join(this.stagingRoot, UPLOAD_DIR_PREFIX));
    } catch (e) {
      throw uploadFailure(e, decoded[0]?.name ?? '');
    }
    const used = new Set<string>();
    const names = new Map<string, string>();
    const paths: string[] = [];
    for (const [i, { name, bytes }] of decoded.entries()) {
      try {
        const onDisk = diskName(name);
        const sub = used.has(onDisk) ? join(dir, String(i)) : dir;
        used.add(onDisk);
        mkdirSync(sub, { recursive: true });
        const path = join(sub, onDisk);
        writeFileAtomic(path, bytes, { fsync: false });
        names.set(path, name);
        this.rememberUpload(path, name);
        paths.push(path);
      } catch (e) {
        rmSync(dir, { recursive: true, force: true });
        throw uploadFailure(e, name);
      }
    }
    return { dir, paths, names };
  }

  /** One uploaded file (an attachment, a bundle): refused when empty. */
  writeUpload(name: string, dataBase64: string, maxBytes: number): { dir: string; path: string } {
    const { dir, paths } = this.writeUploads([{ name, dataBase64 }], { maxFileBytes: maxBytes, refuseEmpty: true });
    return { dir, path: paths[0]! };
  }

  /**
   * An error about a staged upload names the person's file, not the staging path: the renderer never
   * sees paths (a damaged bundle's error carries its `file` since session 30). Other errors pass as they are.
   */
  shownError(e: unknown): unknown {
    const file = (e as { file?: unknown } | null)?.file;
    if (typeof file !== 'string' || !file.startsWith(join(this.stagingRoot, UPLOAD_DIR_PREFIX))) return e;
    const name = this.uploadNames.get(file) ?? basename(file);
    const d = toErrorData(e);
    const named = (t: string) => t.split(file).join(name);
    return new DomainError(d.code, named(d.message), { file: name, details: d.details?.map(named) });
  }

  dropDir(dir: string): void {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function defaultExportDir(): string {
  return join(tmpdir(), `lawdesk-exports-${process.pid}`);
}
