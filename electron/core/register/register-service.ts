// The 规范性文件 register: the bureau's own documents with their 有效期, 备案, 评估 and 清理. Entries
// live in records.json beside the other records (so backups, bundles and the writer lock cover
// them and each change is logged the same way); the derived dates follow the office's register
// rules and working-day calendar. A document's file is kept by hash and imported into the law
// library as a 规范性文件 of the office's region, so it can be read, searched and its citations
// flagged when a cited law changes.

import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { implausibleDateFields, unsafeTextFields } from '../../shared/printable-name';
import { issuePathInWords } from '../../shared/errors';
import { RECORD_ISSUE_FORMAT } from '../../shared/record-form';
import { writeFileAtomic } from '../util/atomic-write';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { RegisterEntryInputSchema, RegisterEntrySchema, type RegisterEntry, type RegisterReminder } from '../../shared/register-schema';
import { importPaths } from '../library/library-import';
import { LibraryError, type LibraryStore } from '../library/library-store';
import { appRoot } from '../library/open-library';
import { officeRegionIn } from '../office/office-region';
import { diffRecords } from '../records/change-log';
import { RecordsError, describeIssues, invalid } from '../records/records-errors';
import type { CitingRecord } from '../records/record-types';
import type { RecordsService } from '../records/records-service';
import { RecordsStore } from '../records/records-store';
import { dateProblems, deriveDates, entryStatus, reminders } from './register-dates';
import { loadRegisterRules, registerRulesPath, type RegisterRules } from './register-rules';
import { own } from '../util/own-key';

export interface RegisterView extends RegisterEntry {
  status: ReturnType<typeof entryStatus>;
}

export interface RegisterWriteOptions {
  by?: string;
  /** Refuse the update if the entry changed since this revision. */
  expectedRevision?: number;
  /** The document itself: copied into the library by hash and imported as a 规范性文件. */
  file?: string;
}

export class RegisterService {
  private constructor(
    private readonly svc: RecordsService,
    private readonly store: RecordsStore,
    readonly rules: RegisterRules,
    readonly rulesFile: string,
  ) {}

  static async open(svc: RecordsService, opts: { rulesFile?: string } = {}): Promise<RegisterService> {
    const file = opts.rulesFile ?? registerRulesPath(join(appRoot(), 'resources'), svc.library.dir);
    return new RegisterService(svc, await RecordsStore.open(svc.library.dir, svc.library.lock), loadRegisterRules(file), file);
  }

  private get library(): LibraryStore {
    return this.svc.library;
  }

  private view(e: RegisterEntry): RegisterView {
    return { ...e, status: entryStatus(e, this.svc.today()) };
  }

  async list(filter: { year?: number; q?: string } = {}): Promise<RegisterView[]> {
    const q = filter.q?.trim();
    return Object.values((await this.store.data()).register)
      .filter((e) => !filter.year || e.published.startsWith(String(filter.year)))
      .filter((e) => !q || [e.title, e.docNumber ?? '', e.draftingUnit, ...e.tags].some((s) => s.includes(q)))
      .sort((a, b) => b.published.localeCompare(a.published) || b.id.localeCompare(a.id))
      .map((e) => this.view(e));
  }

  async get(id: string): Promise<RegisterView> {
    const e = own((await this.store.data()).register, id);
    if (!e) throw new RecordsError('NOT_FOUND', `没有找到规范性文件登记 ${id}`);
    return this.view(e);
  }

  async due(): Promise<RegisterReminder[]> {
    return reminders(Object.values((await this.store.data()).register), this.rules, this.svc.today());
  }

  /**
   * The citations inside each registered document (its imported text, read at its 施行 date, 本办法
   * meaning itself), flagged against the versions now in force: red or yellow when a cited article
   * was amended, renumbered, deleted or repealed since — the register's part of the 受影响 list.
   */
  async flags(opts: { onlyAffected?: boolean } = {}): Promise<CitingRecord[]> {
    // The same index as 被引用, 受影响 and `lawdesk cites`, so the register and they agree.
    const index = await this.svc.citationIndex();
    return (opts.onlyAffected ? index.affected() : index.flagged()).filter((e) => e.kind === 'register');
  }

  add(input: unknown, opts: RegisterWriteOptions = {}): Promise<{ entry: RegisterView; warnings: string[] }> {
    return this.save(undefined, input, opts);
  }

  update(id: string, patch: unknown, opts: RegisterWriteOptions = {}): Promise<{ entry: RegisterView; warnings: string[] }> {
    return this.save(id, patch, opts);
  }

  private async save(id: string | undefined, input: unknown, opts: RegisterWriteOptions): Promise<{ entry: RegisterView; warnings: string[] }> {
    const warnings: string[] = [];
    // Validate before anything is written; the file import (a write of its own) comes next, and
    // the entry is committed last, so a bad input leaves the library and the register unchanged.
    const existing = id ? own((await this.store.data()).register, id) : undefined;
    if (id && !existing) throw new RecordsError('NOT_FOUND', `没有找到规范性文件登记 ${id}`);
    if (existing && opts.expectedRevision !== undefined && existing.revision !== opts.expectedRevision) {
      throw new RecordsError('INVALID', `登记 ${id} 已被他人修改（当前第 ${existing.revision} 版），请刷新后再改`);
    }
    const base = existing ? stripDerived(existing) : {};
    if (existing) {
      // A derived date that was the rule's default follows a change of the dates it came from.
      const defaults = deriveDates({ title: existing.title, published: existing.published }, this.rules, this.svc.calendar);
      const fromDefaults = deriveDates({ title: existing.title, published: existing.published, effective: existing.effective }, this.rules, this.svc.calendar);
      if (existing.effective === defaults.effective) delete base.effective;
      if (existing.validUntil === fromDefaults.validUntil) delete base.validUntil;
      if (existing.filingDue === defaults.filingDue) delete base.filingDue;
    }
    // Typed text a record form refuses (terminal escapes, direction overrides, half an emoji, a year
    // 0000) is refused here too: records.json is judged by the same rules when it is read back.
    const unsafe = [...unsafeTextFields(input), ...implausibleDateFields(input)];
    if (unsafe.length) throw invalid('规范性文件登记填写有误', unsafe.map(([path, why]) => `${issuePathInWords(path, RECORD_ISSUE_FORMAT.labels)}：${why}`));
    const parsed = (existing ? RegisterEntryInputSchema.partial() : RegisterEntryInputSchema).safeParse(input);
    if (!parsed.success) throw invalid('规范性文件登记填写有误', describeIssues(parsed.error, input));
    const merged = RegisterEntryInputSchema.safeParse({ ...base, ...parsed.data });
    if (!merged.success) throw invalid('规范性文件登记填写有误', describeIssues(merged.error, { ...base, ...parsed.data }));
    const v = merged.data;
    const dates = deriveDates(v, this.rules, this.svc.calendar);
    const problems = dateProblems({ ...v, ...dates }, this.rules, this.svc.today());
    if (v.reviewId) {
      try {
        await this.svc.getReview(v.reviewId);
      } catch {
        problems.push(`合法性审查记录 ${v.reviewId} 不存在`);
      }
    }
    if (problems.length) throw invalid(`规范性文件登记“${v.title}”不能保存`, problems);

    let fileFields: Pick<RegisterEntry, 'file' | 'versionId'> = {};
    if (opts.file) fileFields = await this.importFile(opts.file, v, dates, warnings);

    const now = this.library.now().toISOString();
    const by = opts.by ?? 'unknown';
    const saved = await this.store.mutate((data) => {
      const entryId = existing?.id ?? nextId(data.register, v.published.slice(0, 4));
      const entry = RegisterEntrySchema.parse({
        ...v,
        ...dates,
        ...fileFields,
        id: entryId,
        revision: (existing?.revision ?? 0) + 1,
        createdAt: existing?.createdAt ?? now,
        createdBy: existing?.createdBy ?? by,
        updatedAt: now,
        updatedBy: by,
      });
      data.register[entryId] = entry;
      const log = (data.log[entryId] ??= []);
      log.push({ seq: log.length + 1, at: now, by, action: existing ? 'update' : 'create', changes: diffRecords(existing ?? {}, entry).filter((c) => !['revision', 'updatedAt', 'updatedBy', 'createdAt', 'createdBy'].includes(c.path)) });
      return entry;
    });
    return { entry: this.view(saved), warnings };
  }

  /**
   * Imports the document into the law library as a 规范性文件 of the office's region (through a
   * one-file manifest, the same path as any import), and keeps its hash and version id.
   */
  private async importFile(file: string, v: { title: string; docNumber?: string | undefined; published: string }, dates: { effective: string }, warnings: string[]): Promise<Pick<RegisterEntry, 'file' | 'versionId'>> {
    let size: number;
    try {
      const st = statSync(file);
      if (!st.isFile()) throw new Error('不是普通文件');
      size = st.size;
    } catch (e) {
      throw invalid(`规范性文件登记“${v.title}”不能保存`, [`无法读取文件 ${file}：${(e as NodeJS.ErrnoException).code === 'ENOENT' ? '文件不存在' : (e as Error).message}`]);
    }
    // the office's place as every face reads it (山东省淄博市高青县 typed out, or a unit named 高青县科学技术局): stored
    // as typed it matched no region of the library, so the 上位法 panel and the 地区 filter never found the office's own files
    const region = officeRegionIn(this.library.dir);
    if (!region) warnings.push('单位信息中没有所在地区：文件按“全国”以外的地区无法归类，请在 lawdesk office --region 中填写（如 山东·淄博·高青县）');
    // The file and its one-line manifest in a folder of our own (the manifest look-up also reads
    // the two folders above the file, which must not be a shared temp folder).
    const dir = mkdtempSync(join(tmpdir(), 'lawdesk-register-'));
    try {
      const folder = join(dir, 'doc');
      mkdirSync(folder);
      const name = `${safeName(v.title)}${extname(file).toLowerCase()}`;
      writeFileAtomic(join(folder, name), readFileSync(file), { fsync: false });
      const meta = { path: name, title: v.title, level: '规范性文件', region: region || '未知', published: v.published, effective: dates.effective, expired: false };
      writeFileAtomic(join(folder, 'manifest.jsonl'), JSON.stringify(meta) + '\n', { fsync: false });
      const report = await importPaths(this.library, [join(folder, name)]);
      if (report.failed.length) throw invalid(`文件 ${basename(file)} 无法导入`, report.failed.map((f) => f.reason));
      for (const w of report.warnings) warnings.push(`${basename(file)}：${w.message}`);
      const version = this.library.version(report.files[0]?.versionId ?? '');
      if (!version) throw new LibraryError('NOT_FOUND', `文件 ${basename(file)} 导入后没有找到对应的版本`);
      return { file: { sha256: version.sourceSha256, name: basename(file), size }, versionId: version.id };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
}

function stripDerived(e: RegisterEntry): Record<string, unknown> {
  const { id: _i, revision: _r, createdAt: _c, createdBy: _cb, updatedAt: _u, updatedBy: _b, ...rest } = e;
  return rest;
}

function nextId(existing: Record<string, unknown>, year: string): string {
  const prefix = `D${year}-`;
  const n = Object.keys(existing).filter((k) => k.startsWith(prefix)).reduce((m, k) => Math.max(m, Number(k.slice(prefix.length)) || 0), 0) + 1;
  return `${prefix}${String(n).padStart(3, '0')}`;
}

function safeName(title: string): string {
  return title.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').slice(0, 80) || '规范性文件';
}
