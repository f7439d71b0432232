// The API contract implemented on the core, in plain Node: both faces (Electron IPC, localhost
// HTTP) call `service.call(channel, rawInput)`, which validates the input, runs the handler and
// validates the output. Calls that need the desktop (dialogs, shell) are answered by main itself.
// Invariant: a handler never sees unvalidated input; errors leave as {code, message}.

import { tmpdir } from 'node:os';
import { basename } from 'node:path';
import {
  DomainError,
  LIBRARY_REPAIRS_SHOWN,
  UPLOAD_LIMITS,
  apiContract,
  channelInFace,
  lawRowToWire,
  parseInput,
  parseOutput,
  startsTask,
  type ApiOutput,
  type Channel,
  type EventName,
  type EventPayload,
  type ParsedInput,
} from '../../shared/api-contract';
import { LIBRARY_INDEX_TASK } from '../../shared/task-progress';
import type { Article, Law, LawVersionMeta } from '../../shared/law-model';
import { FavoritesStore, migrateSettingsFavorites } from '../library/favorites-store';
import { quickOpenByTitle } from '../library/law-lookup';
import { LawRowsCache, listLaws } from '../library/law-list';
import { ImportStaging } from '../library/import-staging';
import type { LibraryStore } from '../library/library-store';
import { openLibrary } from '../library/open-library';
import { libraryHealth, setAsideHealth } from '../library/library-check';
import { dailyBackupIfDue } from '../bundles/records-backup';
import { PackStore } from '../packs/pack-store';
import type { PrintHtmlToPdf } from '../packs/render-pdf';
import { RecordsService } from '../records/records-service';
import { ApiContext, defaultExportDir, type Handler, type Handlers } from './api-context';
import { bundleStagings, bundlesHandlers, previewBundleFile, type BundleStagings } from './bundles-api';
import { packsHandlers } from './packs-api';
import { reportsHandlers } from './reports-api';
import { recordsHandlers } from './records-api';
import { openSearchBackend, type IndexProgress, type SearchBackend } from './search-backend';
import type { TimeSlicer } from '../util/time-slicer';
import type { SettingsStore } from './settings-file';
import { versionsHandlers } from './versions-api';
import { MappingWarmup } from '../versions/mapping-warmup';
import { smallestStoredPair } from '../versions/version-compare';
import { linksHandlers } from './links-api';
import { libraryEditHandlers } from './library-edit-api';
import { citesSearch, splitCitesQuery } from '../links/cites-search';
import { currentLinkGraph } from '../links/link-graph-cache';
import { importFolderHandlers } from './import-folder-api';
import { workbenchHandlers } from './workbench-api';
import { warmPrecheck } from '../review/precheck-warmup';
import { latestDraftOf } from '../review/draft-store';
import { runWhenIdle } from '../util/run-when-idle';
import type { FolderRoot } from '../library/folder-browse';
import { sweepStaleTemps } from '../util/stale-temps';
import { sweepBrowserTemps } from '../util/browser-temp';
import { codePlace, groupCodeParts, type CodePlace } from '../library/code-parts';
import { officeRegionIn } from '../office/office-region';
import { withRegionTree } from '../library/region-facet';

export type Face = 'electron' | 'browser';
export type Emit = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

export interface AppServiceOptions {
  store: LibraryStore;
  settings: SettingsStore;
  face: Face;
  appVersion?: string;
  emit?: Emit;
  /** Where uploaded files wait between preview and commit (default: the OS temp folder). */
  stagingRoot?: string;
  /** Skip opening the search engine (tests of other parts). */
  search?: boolean;
  /** Where pack exports and bundles are written (default: a temp folder). */
  exportDir?: string;
  /** PDF printing (Electron passes printToPDF); default Chromium through playwright-core. */
  printPdf?: PrintHtmlToPdf;
  /** Makes the slicer of each index job (tests hold a background update mid-way with it). */
  indexSlicer?: () => TimeSlicer;
  /** Where 按路径导入 may choose folders (default: the user's home and the drives). */
  importRoots?: FolderRoot[];
  /** How long after start records.json is opened in the background (default RECORDS_WARMUP_DELAY_MS). */
  recordsWarmupDelayMs?: number;
}

/**
 * version:get's `part`: where the run of `count` units starts — `before` units ahead of the unit
 * `around` (or the text's start), kept inside the text — and how many units the whole text has.
 * Undefined, the whole text sent, when it is no longer than the run or has no unit `around` (the
 * reader then looks for what it was asked in the whole text).
 */
export function unitRun(units: readonly { key: string }[], part: { around?: string | undefined; before: number; count: number }): { offset: number; total: number } | undefined {
  const total = units.length;
  if (total <= part.count) return undefined;
  const at = part.around === undefined ? 0 : units.findIndex((u) => u.key === part.around);
  if (at < 0) return undefined;
  return { offset: Math.min(Math.max(0, at - part.before), total - part.count), total };
}

/**
 * version:get's `outline` with a part: the units of the whole text that the 目录 is built from —
 * each where the headings (path) change, every path-less 序言 and 附件, or every unit when the
 * text has no headings — with its index in the whole text. The TOC of a long law is then whole
 * while only its first run is shown (民法典: 137 entries for 1,260 units).
 */
export function outlineOf(units: readonly Pick<Article, 'key' | 'label' | 'kind' | 'path'>[]): { index: number; key: string; label: string; kind: Article['kind']; path: string[] }[] {
  const headed = units.some((u) => u.path.length > 0);
  const out: ReturnType<typeof outlineOf> = [];
  let last: readonly string[] = [];
  units.forEach((u, index) => {
    const moved = u.path.length !== last.length || u.path.some((h, d) => h !== last[d]);
    if (!headed || moved || (u.path.length === 0 && (u.kind === 'preamble' || u.kind === 'appendix'))) out.push({ index, key: u.key, label: u.label, kind: u.kind, path: [...u.path] });
    last = u.path;
  });
  return out;
}

/** Quiet time after the last library change before the link graph is brought up to date. */
const LINKS_REFRESH_DELAY_MS = 1500;
/** After the texts are read (search-backend: 1.5 s), before an adviser is likely to open a 审查工作台. */
const PRECHECK_WARMUP_DELAY_MS = 4000;
/**
 * After start, before a law is likely to be opened: one small version asked through version:get
 * (read, hash and shape checked, output checked), its answer thrown away. The first version:get of
 * a process compiles zod's checks of a stored body and of the reader's answer and runs cold code:
 * 23–37 ms of CPU for 行政许可法 (83 articles) against ≈ 1 ms for the same call warm. Then the same
 * for 版本对比: the two smallest versions whose mapping is stored through versions:diff — the
 * first diff of a process compiled the checks of a stored mapping and of the diff's answer
 * (刑诉法解释's first answer 80 ms of CPU in a fresh server against 5–15 ms warm).
 */
const READER_WARMUP_DELAY_MS = 300;
/**
 * After start, once the first screen is up: records.json opened in the background, so that records
 * it had to set aside are told in the header without the window's first library:info reading and
 * checking every record (library:info says only what an open records store knows).
 */
const RECORDS_WARMUP_DELAY_MS = 2000;

export class AppService {
  readonly store: LibraryStore;
  private readonly settings: SettingsStore;
  private readonly face: Face;
  private readonly emit: Emit;
  private readonly imports: ImportStaging;
  private search: SearchBackend | undefined;
  private searchState: { ready: boolean; message?: string } = { ready: false, message: '正在建立索引…' };
  private searchOpening: Promise<void> | undefined;
  private readonly lawRows: LawRowsCache;
  private favoritesOpening: Promise<FavoritesStore> | undefined;
  private unsubscribe: () => void;
  private linksTimer: ReturnType<typeof setTimeout> | undefined;
  /** The article mappings of new versions computed in the background, so that a first 版本对比 need not. */
  private readonly mappings: MappingWarmup;
  private cancelWarmup: (() => void) | undefined;
  private readerWarmupTimer: ReturnType<typeof setTimeout> | undefined;
  private recordsWarmupTimer: ReturnType<typeof setTimeout> | undefined;
  /** The records, once opened (library:info reports what their read set aside, and never opens them itself). */
  private recordsOpen: RecordsService | undefined;
  /** A version:get has run in this process (the reader's warm-up is then not needed). */
  private versionAsked = false;
  private closed = false;
  private readonly handlers: Handlers;
  private recordsOpening: Promise<RecordsService> | undefined;
  private packsOpening: Promise<PackStore> | undefined;
  private readonly ctx: ApiContext;
  private readonly bundleStagings: BundleStagings;

  /**
   * The link graph catches up a moment after the last change — and not while this process holds
   * the writer lock (a folder import commits every few seconds: refreshing between its batches
   * re-scanned the citations of every law a batch could affect, seconds of CPU for nothing).
   */
  private scheduleLinks(): void {
    clearTimeout(this.linksTimer);
    this.linksTimer = setTimeout(() => {
      if (this.store.lock.isHeld) this.scheduleLinks();
      else void currentLinkGraph(this.store).catch(() => undefined);
    }, LINKS_REFRESH_DELAY_MS);
    this.linksTimer.unref?.();
  }

  constructor(private readonly opts: AppServiceOptions) {
    this.store = opts.store;
    this.settings = opts.settings;
    this.face = opts.face;
    this.emit = opts.emit ?? (() => {});
    this.lawRows = new LawRowsCache(this.store);
    this.imports = new ImportStaging(this.store);
    this.unsubscribe = this.store.onChange((c) => {
      this.emit('library:changed', { added: c.added, removed: c.removed, generation: this.store.generation });
      // the link graph follows the library in the background (time-sliced), once the changes of an
      // import have stopped coming, so the reader's links and 受影响 answer at once afterwards
      this.scheduleLinks();
    });
    this.mappings = new MappingWarmup(this.store);
    if (opts.search !== false) this.searchOpening = this.openSearch();
    else this.searchState = { ready: false, message: '搜索未启用' };
    this.ctx = new ApiContext(
      this.store,
      this.emit,
      // 设置 → 署名 names who made a change; without it, the computer's user (often "root" or "admin").
      () => (this.recordsOpening ??= RecordsService.open(this.store, { actor: () => this.settings.get().displayName || undefined, draftUnderReview: (id) => latestDraftOf(this.store.dir, id) }).then((r) => this.recordsOpened(r))),
      () => (this.packsOpening ??= PackStore.open(this.store.dir, { lock: this.store.lock, now: () => this.store.now(), today: () => this.store.today() })),
      () => this.search,
      opts.exportDir ?? defaultExportDir(),
      opts.stagingRoot ?? tmpdir(),
    );
    sweepStaleTemps(this.ctx.exportDir); // exports a kill cut short: only our temp files, only if their writer is gone
    if (!opts.printPdf) sweepBrowserTemps(); // the Chromium folders of PDF exports a kill cut short (ours, process gone)
    this.bundleStagings = bundleStagings();
    this.handlers = {
      ...this.makeHandlers(),
      ...versionsHandlers(this.ctx),
      ...linksHandlers(this.ctx),
      ...libraryEditHandlers(this.ctx),
      ...recordsHandlers(this.ctx),
      ...packsHandlers(this.ctx, opts.printPdf),
      ...reportsHandlers(this.ctx, opts.printPdf),
      ...bundlesHandlers(this.ctx, this.bundleStagings),
      ...importFolderHandlers(this.ctx, opts.importRoots),
      ...workbenchHandlers(this.ctx, opts.printPdf),
    };
    this.readerWarmupTimer = setTimeout(() => this.warmReader(), READER_WARMUP_DELAY_MS);
    this.readerWarmupTimer.unref?.();
    this.recordsWarmupTimer = setTimeout(() => {
      if (!this.closed) void this.ctx.records().catch(() => undefined); // a records.json that does not open is the record pages' to say
    }, opts.recordsWarmupDelayMs ?? RECORDS_WARMUP_DELAY_MS);
    this.recordsWarmupTimer.unref?.();
    try {
      dailyBackupIfDue(this.store); // the records backup of the day, when there are records
    } catch {
      /* a backup failure must not keep the library from opening; check --repair reports it */
    }
  }

  private recordsOpened(r: RecordsService): RecordsService {
    this.recordsOpen = r;
    // The window asked library:info before the records were read: it asks again.
    if (r.setAsideState() && !this.closed) this.emit('library:health', {});
    return r;
  }

  /** The reader's warm-up (READER_WARMUP_DELAY_MS): the smallest version with text, through the whole call. */
  private warmReader(): void {
    if (this.closed) return;
    if (!this.versionAsked) {
      let smallest: LawVersionMeta | undefined;
      for (const v of this.store.versions()) if (v.unitCount > 0 && (!smallest || v.charCount < smallest.charCount)) smallest = v;
      // A damaged body is the real open's (and check's) to report.
      if (smallest) void this.call('version:get', { versionId: smallest.id }).catch(() => undefined);
    }
    // 版本对比's: only a pair whose mapping is stored (nothing computed or written here).
    const pair = smallestStoredPair(this.store);
    if (pair) void this.call('versions:diff', { ...pair, changedOnly: true }).catch(() => undefined);
  }

  /** Opens (or creates and seeds) the library, then the service. */
  static async open(
    opts: Omit<AppServiceOptions, 'store'> & { libraryDir?: string; starterDir?: string; seed?: boolean },
  ): Promise<AppService> {
    const { store } = await openLibrary({
      ...(opts.libraryDir ? { dir: opts.libraryDir } : {}),
      ...(opts.starterDir ? { starterDir: opts.starterDir } : {}),
      ...(opts.seed === false ? { seed: false } : {}),
      onSeedProgress: (p) => opts.emit?.('task:progress', { taskId: LIBRARY_INDEX_TASK, phase: 'seed', done: p.done, total: p.total }),
    });
    return new AppService({ ...opts, store });
  }

  /** The search index's own progress (opening, background updates, rebuilds): the library's task. */
  private readonly indexProgress = (p: IndexProgress): void => this.emit('task:progress', { taskId: LIBRARY_INDEX_TASK, ...p });

  private indexEnded(failure?: string): void {
    this.emit('task:progress', { taskId: LIBRARY_INDEX_TASK, phase: failure ? 'failed' : 'done', done: 1, total: 1, ...(failure ? { message: failure } : {}) });
  }

  private async openSearch(): Promise<void> {
    try {
      this.indexProgress({ phase: 'index', done: 0, total: 0 });
      const engine = await openSearchBackend(
        this.store,
        this.indexProgress,
        () => {
          if (this.search) this.indexEnded();
        },
        this.opts.indexSlicer,
      );
      if (!engine) {
        this.searchState = { ready: false, message: '本版本未包含全文检索引擎，仅可按标题快速打开' };
        this.indexEnded(this.searchState.message!);
        return;
      }
      this.search = engine;
      this.searchState = { ready: true };
      this.indexEnded();
      // Once the index is current and idle: a small pre-check, so the adviser's first 审查工作台 does
      // not pay for cold caches and unoptimised code (review/precheck-warmup.ts); failures are the real check's to report.
      void engine.settled().then(() => {
        if (this.closed) return;
        // not while the library changes or a task runs (an import started meanwhile): its own quiet moment
        this.cancelWarmup = runWhenIdle(
          PRECHECK_WARMUP_DELAY_MS,
          () => `${this.store.generation}#${this.ctx.tasksRunning()}`,
          () => void warmPrecheck(this.store, engine, this.store.today(), { region: officeRegionIn(this.store.dir) }).catch(() => undefined),
        );
      });
    } catch (e) {
      this.searchState = { ready: false, message: `建立索引失败：${(e as Error).message}` };
      this.indexEnded(this.searchState.message!);
    }
  }

  /** Validates, runs and validates again. Throws DomainError (or errors that toErrorData maps). */
  async call<C extends Channel>(channel: C, raw: unknown): Promise<ApiOutput<C>> {
    if (!Object.prototype.hasOwnProperty.call(apiContract, channel)) throw new DomainError('NOT_FOUND', `没有这个接口：${String(channel)}`);
    if (!channelInFace(channel, this.face)) throw new DomainError('UNSUPPORTED', '浏览器版不支持此操作，请使用桌面版');
    const input = parseInput(channel, raw);
    // Desktop-only channels have no handler here (electron/main answers them); every other one does.
    const handler = (this.handlers as Partial<Record<Channel, Handler<C>>>)[channel];
    if (!handler) throw new DomainError('UNSUPPORTED', `此处不处理 ${channel}`);
    // The app left open overnight: a version whose 施行日期 came today is 现行有效 from this call on.
    if (this.store.refreshStatusesForToday()) this.search?.statusesChanged();
    // The caller's task id is this call's until it ends (a folder import holds it longer itself).
    const release = startsTask(channel) ? this.ctx.claimTask((input as { taskId?: string }).taskId) : undefined;
    try {
      return parseOutput(channel, await handler(input));
    } catch (e) {
      throw this.ctx.shownError(e);
    } finally {
      release?.();
    }
  }

  /** Channels this service answers itself (main answers the electron-only ones). */
  handles(channel: Channel): boolean {
    return Object.prototype.hasOwnProperty.call(this.handlers, channel);
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.linksTimer);
    this.cancelWarmup?.();
    clearTimeout(this.readerWarmupTimer);
    clearTimeout(this.recordsWarmupTimer);
    this.mappings.stop();
    this.unsubscribe();
    this.search?.close();
    this.imports.dropAll();
    this.bundleStagings.dropAll();
  }

  /** For Electron's open dialog: a preview of a bundle the user picked natively. */
  async previewBundlePath(path: string): Promise<ApiOutput<'bundles:preview'>> {
    return previewBundleFile(this.ctx, this.bundleStagings, { path, name: basename(path) });
  }

  /** For Electron's shell:showFile: where a produced file is. */
  producedFilePath(fileId: string): string {
    return this.ctx.file(fileId).path;
  }

  /** For Electron's open dialog: a preview of files the user picked natively. */
  async previewPaths(paths: string[], taskId?: string): Promise<ApiOutput<'import:preview'>> {
    const release = this.ctx.claimTask(taskId);
    try {
      return await this.imports.preview({ paths }, this.ctx.progress(taskId));
    } finally {
      release();
    }
  }

  /** Waits for the search engine to open (tests, CLI). */
  async searchReady(): Promise<void> {
    await this.searchOpening;
  }

  /** The library's 收藏, opened on first use; the favourites of older settings are moved in then. */
  private favorites(): Promise<FavoritesStore> {
    return (this.favoritesOpening ??= (async () => {
      const f = FavoritesStore.open(this.store);
      await migrateSettingsFavorites(f, this.settings);
      return f;
    })().catch((e: unknown) => {
      this.favoritesOpening = undefined; // a damaged or locked file: try again on the next call
      throw e;
    }));
  }

  // -------------------------------------------------------------------------------------------

  private makeHandlers() {
    return {
      'library:info': async () => ({
        dir: this.store.dir,
        lawCount: this.store.counts().laws,
        versionCount: this.store.counts().versions,
        generation: this.store.generation,
        search: this.searchState,
        face: this.face,
        appVersion: this.opts.appVersion ?? '0.0.0',
        timeZone: this.store.timeZone(),
        ...libraryHealth(this.store, LIBRARY_REPAIRS_SHOWN),
        // Records set aside by the read (records.json edited by hand), once the records are open (a
        // page's call or the warm-up after start); a records.json that does not open at all is said
        // by the record pages themselves.
        ...(this.recordsOpen ? setAsideHealth(this.recordsOpen.setAsideState(), this.recordsOpen.setAsideNotes(), LIBRARY_REPAIRS_SHOWN) : {}),
      }),
      // A damaged favorites.json does not take the 法规库 list down with it: the list shows no 收藏
      // marks, and 收藏 itself (and a favorites-only list) says which file is damaged.
      'laws:list': async (i) => this.listLaws(i, new Set(i.favoritesOnly ? (await this.favorites()).lawIds() : await this.favorites().then((f) => f.lawIds(), () => []))),
      'law:get': ({ lawId }) => {
        const law = this.requireLaw(lawId);
        return { law, versions: this.versionsOf(law) };
      },
      'version:get': ({ versionId, part }) => {
        this.versionAsked = true;
        const meta = this.store.version(versionId);
        if (!meta) throw new DomainError('NOT_FOUND', '没有找到这个版本，可能已被删除');
        const law = this.requireLaw(meta.lawId);
        const { units: all, ...version } = this.store.loadVersion(versionId);
        const run = part ? unitRun(all, part) : undefined;
        const units = run ? all.slice(run.offset, run.offset + part!.count) : all;
        // Each unit without its paragraphs: they are the lines of its text (versionUnitSchema).
        return {
          meta: version,
          law,
          versions: this.versionsOf(law),
          units: units.map(({ paragraphs: _lines, ...u }) => u),
          ...(run ? { part: run, outline: outlineOf(all) } : {}),
        };
      },
      'law:setFavorite': async ({ lawId, favorite }) => {
        this.requireLaw(lawId);
        return { favorites: await (await this.favorites()).set(lawId, favorite) };
      },
      'law:favorites': async () => ({ favorites: (await this.favorites()).lawIds() }),
      'search:query': async (q) => {
        const { favoritesOnly, ...rest } = q;
        const query = favoritesOnly ? { ...rest, lawIds: (await this.favorites()).lawIds() } : rest;
        // 引用:行政许可法第十二条 — the articles citing an article, from the link graph (no index needed)
        const cites = splitCitesQuery(q.q);
        const region = officeRegionIn(this.store.dir);
        if (cites) {
          const r = citesSearch(this.store, await currentLinkGraph(this.store), cites, query, region);
          return { ...r, facets: withRegionTree(r.facets, region, q.regions ?? []) };
        }
        await this.searchOpening;
        if (!this.search) throw new DomainError('SEARCH_UNAVAILABLE', this.searchState.message ?? '全文检索暂不可用');
        // While the index catches up with an import, wait for it (without blocking) rather than
        // answer from the index as it was.
        await this.search.settled();
        const r = this.search.search(query);
        return { ...r, facets: withRegionTree(r.facets, region, q.regions ?? []) };
      },
      'search:indexStats': async () => {
        await this.searchOpening;
        if (!this.search) throw new DomainError('SEARCH_UNAVAILABLE', this.searchState.message ?? '全文检索暂不可用');
        await this.search.settled();
        return this.search.stats();
      },
      'search:reindex': async ({ taskId }) => {
        await this.searchOpening;
        if (!this.search) throw new DomainError('SEARCH_UNAVAILABLE', this.searchState.message ?? '全文检索暂不可用');
        this.searchState = { ready: false, message: '正在重建索引…' };
        const mine = this.ctx.progress(taskId);
        try {
          // Reported to the caller's task and to the library's (the status bar follows that one).
          await this.search.reindex((p) => {
            this.indexProgress(p);
            mine(p);
          });
        } finally {
          this.searchState = { ready: true };
        }
        return this.search.stats();
      },
      'search:quickOpen': async ({ text, limit }) => {
        await this.searchOpening;
        if (this.search) {
          await this.search.settled();
          return this.withCodes(this.search.quickOpen(text, limit ?? 12));
        }
        return this.withCodes(quickOpenByTitle(this.store, text, limit ?? 12));
      },
      'import:preview': ({ files, taskId }) => {
        const { dir, paths, names } = this.ctx.writeUploads(files, UPLOAD_LIMITS);
        return this.imports.preview({ paths, tempDir: dir, names }, this.ctx.progress(taskId));
      },
      'import:commit': ({ stagingId, taskId, replace }) => this.imports.commit(stagingId, this.ctx.progress(taskId), replace),
      'import:discard': ({ stagingId }) => ({ ok: this.imports.discard(stagingId) }),
      'settings:get': () => this.settings.get(),
      'settings:set': (patch) => this.settings.set(patch),
    } satisfies Partial<Handlers>;
  }

  private requireLaw(lawId: string): Law {
    const law = this.store.law(lawId);
    if (!law) throw new DomainError('NOT_FOUND', '没有找到这部法规，可能已被删除');
    return law;
  }

  private versionsOf(law: Law): LawVersionMeta[] {
    return law.versionIds.map((id) => this.store.version(id)).filter((v): v is LawVersionMeta => !!v);
  }

  /** Parts of a code (民法典 总则 … 附则) marked with their code and kept together in the code's order. */
  private withCodes<T extends { lawId: string }>(rows: T[]): (T & { code?: CodePlace })[] {
    const marked: (T & { code?: CodePlace })[] = rows.map((r) => {
      const code = codePlace(this.store, r.lawId);
      return code ? { ...r, code } : r;
    });
    return groupCodeParts(marked);
  }

  private listLaws(i: ParsedInput<'laws:list'>, favorites: ReadonlySet<string>): ApiOutput<'laws:list'> {
    const { favoritesOnly, asOf, ...query } = i;
    const list = listLaws(this.lawRows.rows(asOf), { ...query, ...(favoritesOnly ? { lawIds: favorites } : {}) });
    return {
      ...list,
      facets: withRegionTree(list.facets, officeRegionIn(this.store.dir), query.regions ?? []),
      rows: list.rows.map((r) => lawRowToWire({ ...r, favorite: favorites.has(r.lawId) })),
      favorites: this.lawRows.rows().filter((r) => favorites.has(r.lawId)).length,
    };
  }
}
