// `lawdesk check --repair`: checkLibrary's findings plus the records', and the repairs that are
// safe to make. Nothing is deleted that cannot be re-derived: an orphan or damaged file is moved to
// <library>/quarantine/, not removed. Repairs: orphan bodies out of bodies/; a missing or damaged
// body re-parsed from its original file; statuses re-derived; stale derived data (article
// mappings, the search index) deleted so that it is rebuilt; leftover temp files removed; a
// damaged records.json replaced by the newest readable backup (after quarantining it). What
// cannot be repaired (an original that is gone, an attachment that is gone, a citation whose
// version is no longer in the library) is reported.

import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, unlinkSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import type { LawVersion } from '../../shared/law-model';
import { writeFileAtomic } from '../library/atomic-file';
import { checkLibrary, type CheckProblem } from '../library/library-check';
import { checkLinks, refreshLinks } from '../links/link-graph';
import { buildVersion } from '../library/library-import';
import { sha256 } from '../library/law-identity';
import { LibraryError, type LibraryStore } from '../library/library-store';
import { RecordsStore } from '../records/records-store';
import { RecordsFileSchema, type RecordsFile } from '../records/record-types';
import { citationSites } from '../records/cited-by';
import { recordCount, referencedAttachments } from './bundle-export';
import { backupRecords, listBackups } from './records-backup';
import { headingByKey, isHeadingKey, isWholeLawKey } from '../records/citation-scope';

export interface IntegrityProblem extends CheckProblem {
  area: 'laws' | 'records' | 'derived';
  /** What --repair did about it; absent when it was not repaired. */
  repaired?: string;
  /** Why it cannot be repaired automatically. */
  unrepairable?: string;
}

export interface IntegrityReport {
  versions: number;
  records: number;
  problems: IntegrityProblem[];
  repaired: number;
  unrepairable: number;
}

function quarantine(store: LibraryStore, file: string): string {
  const dir = join(store.dir, 'quarantine');
  mkdirSync(dir, { recursive: true });
  const to = join(dir, `${store.now().toISOString().replace(/[-:.]/g, '')}-${basename(file)}`);
  renameSync(file, to);
  return to;
}

/** A durable copy of `file` in quarantine/ (the original stays until it is replaced atomically). */
function quarantineCopy(store: LibraryStore, file: string): string {
  const dir = join(store.dir, 'quarantine');
  mkdirSync(dir, { recursive: true });
  const to = join(dir, `${store.now().toISOString().replace(/[-:.]/g, '')}-${basename(file)}`);
  writeFileAtomic(to, readFileSync(file));
  return to;
}

function isTmp(name: string): boolean {
  return name.endsWith('.tmp') && name.startsWith('.');
}

/** Records problems: unreadable file, attachments missing or damaged, citations to versions not in the library. */
/** Copies of records.json a repair could restore from: automatic backups and quarantined copies, newest first. */
function recordsCandidates(store: LibraryStore): { file: string; name: string; mtimeMs: number }[] {
  const out = listBackups(store).map((b) => ({ file: b.file, name: b.name, mtimeMs: statSync(b.file).mtimeMs }));
  const q = join(store.dir, 'quarantine');
  if (existsSync(q)) {
    for (const name of readdirSync(q)) if (name.endsWith('records.json')) out.push({ file: join(q, name), name: `quarantine/${name}`, mtimeMs: statSync(join(q, name)).mtimeMs });
  }
  return out.sort((a, b) => b.mtimeMs - a.mtimeMs);
}

/** The newest candidate that parses and passes the records schema. */
function newestGoodRecords(store: LibraryStore): { file: string; name: string } | undefined {
  return recordsCandidates(store).find((b) => {
    try {
      return RecordsFileSchema.safeParse(JSON.parse(readFileSync(b.file, 'utf8'))).success;
    } catch {
      return false;
    }
  });
}

async function checkRecords(store: LibraryStore, problems: IntegrityProblem[]): Promise<{ data?: RecordsFile; count: number; records?: RecordsStore; setAside?: Set<IntegrityProblem> }> {
  const path = join(store.dir, 'records.json');
  if (!existsSync(path)) {
    // No records file is normal for a library without records — unless copies of one exist: then
    // records were lost or hidden (a repair or restore cut short), and must not read as "0 problems".
    const copies = recordsCandidates(store);
    if (copies.length) problems.push({ area: 'records', file: 'records.json', problem: `记录文件 records.json 缺失，但有 ${copies.length} 份备份或隔离的副本（最新：${copies[0]!.name}）：记录可能被隐藏` });
    return { count: 0 };
  }
  let data: RecordsFile;
  let records: RecordsStore;
  try {
    records = await RecordsStore.open(store.dir, store.lock);
    data = await records.data();
  } catch (e) {
    problems.push({ area: 'records', file: 'records.json', problem: `记录文件无法读取：${(e as Error).message.split('\n')[0]}` });
    return { count: 0 };
  }
  // Records the read set aside (edited by hand into something a form refuses): named one by one.
  const setAside = new Set<IntegrityProblem>();
  for (const note of records.setAsideNotes()) {
    const p: IntegrityProblem = { area: 'records', file: 'records.json', problem: note };
    setAside.add(p);
    problems.push(p);
  }
  const count = recordCount(data); // 规范性文件登记 too, as a bundle counts them
  for (const a of referencedAttachments(data)) {
    const full = join(store.dir, 'attachments', a.sha256 + extname(a.name).toLowerCase());
    if (!existsSync(full)) problems.push({ area: 'records', file: `attachments/${basename(full)}`, problem: `附件“${a.name}”缺失` });
    else if (sha256(readFileSync(full)) !== a.sha256) problems.push({ area: 'records', file: `attachments/${basename(full)}`, problem: `附件“${a.name}”已损坏（校验和不符）` });
  }
  const missing = new Map<string, [string, string]>();
  for (const site of citationSites(data)) {
    const c = site.citation;
    const v = store.version(c.versionId);
    let why: string | undefined;
    if (!v) why = `引用的版本 ${c.versionId} 不在资料库中`;
    else {
      try {
        const body = store.loadVersion(c.versionId);
        const present = isWholeLawKey(c.articleKey) || (isHeadingKey(c.articleKey) ? !!headingByKey(body, c.articleKey) : body.units.some((u) => u.key === c.articleKey));
        if (!present) why = `引用的 ${c.label}（${c.articleKey}）在 ${c.versionId} 中不存在`;
      } catch {
        /* a damaged body is reported on the laws side */
      }
    }
    if (why) missing.set(`${site.id}|${why}`, [site.id, why]);
  }
  for (const [recordId, why] of missing.values()) problems.push({ area: 'records', file: recordId, problem: why });
  return { data, count, records, setAside };
}

export async function checkIntegrity(store: LibraryStore, opts: { repair?: boolean } = {}): Promise<IntegrityReport> {
  const repair = !!opts.repair;
  if (repair && !store.lock.tryAcquire()) throw new LibraryError('LOCKED', store.lock.busyMessage());
  try {
    if (repair) await store.load();
    const problems: IntegrityProblem[] = checkLibrary(store).map((p) => ({ area: 'laws' as const, ...p }));
    let catalogDirty = false;
    const referenced = new Set(store.versions().map((v) => v.file));

    for (const p of problems) {
      if (!repair) continue;
      if (p.file === 'library.json.tmp') {
        unlinkSync(join(store.dir, 'library.json.tmp'));
        p.repaired = '已删除';
      } else if (p.file && !p.versionId && referenced.has(p.file)) {
        // The body a rebuild above just took as its own (a repair killed after writing it, before
        // its catalog): quarantining it would leave the new catalog naming a missing file.
        p.repaired = '已用作重建的正文';
      } else if (p.file && !p.versionId && !referenced.has(p.file)) {
        // An orphan the open() could not recover: damaged or foreign.
        const full = join(store.bodiesDir, p.file);
        if (existsSync(full)) p.repaired = `已移入 ${quarantine(store, full)}`;
      } else if (p.versionId && p.file) {
        // A missing or damaged body: parse its original again.
        const meta = store.version(p.versionId)!;
        const orig = store.originalPath(meta);
        if (!orig) {
          p.unrepairable = '原始文件也缺失，无法重建：请重新导入该法规';
          continue;
        }
        try {
          const { version } = await buildVersion(readFileSync(orig), meta.sourceFile, undefined, meta.importedAt);
          const articles = version.units.filter((u) => u.kind === 'article').length;
          if (articles !== meta.articleCount) {
            p.unrepairable = `从原始文件重新解析得到 ${articles} 条，与目录记录的 ${meta.articleCount} 条不符（解析程序已变化）：请重新导入`;
            continue;
          }
          const body: LawVersion = { ...meta, units: version.units };
          const full = join(store.bodiesDir, meta.file);
          if (existsSync(full)) quarantine(store, full);
          let name = store.writeBody(body); // reuses a body of that name already there (a killed repair's) …
          const at = join(store.bodiesDir, name);
          if (sha256(readFileSync(at)) + '.json' !== name) {
            quarantine(store, at); // … only when it is whole
            name = store.writeBody(body);
          }
          store.stage({ ...meta, file: name });
          referenced.add(name);
          catalogDirty = true;
          p.repaired = `已从原始文件 ${basename(orig)} 重建正文`;
        } catch (e) {
          p.unrepairable = `原始文件无法解析：${(e as Error).message}`;
        }
      } else if (/时效性/.test(p.problem)) {
        catalogDirty = true;
        p.repaired = '已按公布/施行日期重新推定';
      } else if (/原始文件缺失/.test(p.problem)) {
        p.unrepairable = '原始文件无法从正文还原：请重新导入该法规的原始文件';
      } else if (/条文数/.test(p.problem)) {
        p.unrepairable = '正文与目录的条文数不符：请重新导入';
      }
    }
    if (repair && catalogDirty) {
      store.refreshStatuses();
      await store.commit({ added: [], removed: [] });
    }

    // Leftover temp files of interrupted atomic writes (older than a minute: not someone's write in progress).
    for (const sub of ['', 'bodies', 'originals', 'attachments', 'backups']) {
      const dir = join(store.dir, sub);
      if (!existsSync(dir)) continue;
      for (const name of readdirSync(dir)) {
        if (!isTmp(name)) continue;
        const full = join(dir, name);
        if (Date.now() - statSync(full).mtimeMs < 60_000) continue;
        const p: IntegrityProblem = { area: 'laws', file: join(sub, name), problem: '中断写入留下的临时文件' };
        if (repair) {
          unlinkSync(full);
          p.repaired = '已删除';
        }
        problems.push(p);
      }
    }

    // Derived data: the link graph (法条联想), brought up to date on repair.
    for (const problem of checkLinks(store)) {
      const p: IntegrityProblem = { area: 'laws', file: 'derived/links/links.json', problem };
      if (repair) {
        await refreshLinks(store);
        p.repaired = '已更新法条链接';
      }
      problems.push(p);
    }

    // Derived data: article mappings named by body hashes no longer in the library; a search index
    // whose manifest is damaged or names bodies that are gone. Deleted on repair: rebuilt on demand.
    const prefixes = new Set(store.versions().map((v) => v.file.slice(0, 16)));
    const mapDir = join(store.dir, 'derived', 'mappings');
    if (existsSync(mapDir)) {
      for (const name of readdirSync(mapDir)) {
        const m = /^([0-9a-f]{16})-([0-9a-f]{16})\.json$/.exec(name);
        let stale = !m || !prefixes.has(m[1]!) || !prefixes.has(m[2]!);
        if (!stale) {
          try {
            JSON.parse(readFileSync(join(mapDir, name), 'utf8'));
          } catch {
            stale = true;
          }
        }
        if (!stale) continue;
        const p: IntegrityProblem = { area: 'derived', file: `derived/mappings/${name}`, problem: '过期或损坏的条文对照缓存' };
        if (repair) {
          rmSync(join(mapDir, name), { force: true });
          p.repaired = '已删除（需要时重新计算）';
        }
        problems.push(p);
      }
    }
    const indexDir = join(store.dir, 'index');
    if (existsSync(join(indexDir, 'manifest.json'))) {
      let why: string | undefined;
      try {
        const m = JSON.parse(readFileSync(join(indexDir, 'manifest.json'), 'utf8')) as { segments?: { name: string }[] };
        if (!Array.isArray(m.segments)) why = '检索索引的清单格式不对';
        else {
          const gone = m.segments.filter((s) => typeof s?.name !== 'string' || /[\\/]|\.\./.test(s.name) || !existsSync(join(indexDir, s.name)));
          if (gone.length) why = `检索索引缺少 ${gone.length} 个分段文件`;
        }
      } catch {
        why = '检索索引的清单已损坏';
      }
      if (why) {
        const p: IntegrityProblem = { area: 'derived', file: 'index/manifest.json', problem: why };
        if (repair) {
          rmSync(indexDir, { recursive: true, force: true });
          p.repaired = '已删除检索索引（下次打开时重建）';
        }
        problems.push(p);
      }
    }

    // Records.
    const recordProblems: IntegrityProblem[] = [];
    const { count, records, setAside } = await checkRecords(store, recordProblems);
    let keptIn: string | undefined;
    for (const p of recordProblems) {
      if (!repair) continue;
      if (setAside?.has(p)) {
        // The good records stay as they are; the set-aside ones leave records.json for quarantine/, whole.
        keptIn ??= await records!.quarantineSetAside();
        p.repaired = `已移入 ${keptIn ?? 'quarantine/'}（原样保存，附每条的原因；其余记录未动）`;
      } else if (p.file === 'records.json') {
        const good = newestGoodRecords(store);
        if (!good) {
          p.unrepairable = '没有可用的自动备份：请用 lawdesk restore 从手工备份恢复';
          continue;
        }
        // The damaged file is COPIED to quarantine first, then replaced in one atomic rename: at no
        // moment is there no records.json (a repair killed in between used to hide every record).
        const path = join(store.dir, 'records.json');
        const kept = existsSync(path) ? quarantineCopy(store, path) : undefined;
        writeFileAtomic(path, readFileSync(good.file));
        p.repaired = `已用 ${good.name} 恢复${kept ? `（损坏的文件复制到 ${kept}）` : ''}`;
      } else if (/附件.*损坏/.test(p.problem)) {
        const full = join(store.dir, p.file!);
        p.repaired = `已移入 ${quarantine(store, full)}；${'附件内容无法还原，请从手工备份或原件重新添加'}`;
        p.unrepairable = '附件内容无法还原：请从备份资料包导入或重新添加';
      } else if (/附件.*缺失/.test(p.problem)) {
        p.unrepairable = '附件内容无法还原：请从备份资料包导入或重新添加';
      } else {
        p.unrepairable = '引用保留了条文原文快照；请导入该版本或在记录中改引现行版本';
      }
    }
    problems.push(...recordProblems);
    if (repair && recordProblems.some((p) => p.repaired)) backupRecords(store, 'after-repair');
    return {
      versions: store.versions().length,
      records: count,
      problems,
      repaired: problems.filter((p) => p.repaired && !p.unrepairable).length,
      unrepairable: problems.filter((p) => p.unrepairable).length,
    };
  } finally {
    if (repair) store.lock.release();
  }
}
