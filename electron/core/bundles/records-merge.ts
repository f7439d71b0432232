// Merging records from a bundle into the library's records, by id. A record's change log is its
// lineage: when every entry of one side's log is in the other's, the other is simply newer (fast
// forward); when both sides have entries the other lacks, both were edited: the newer edit (later
// updatedAt) wins and the other's values go into a merge entry of the log, so nothing is dropped.
// Two records that share an id but no history (each machine numbered its own R2024-003) are two
// records: the bundle's is kept under a new id. Logs are only ever appended to.

import { diffRecords } from '../records/change-log';
import type { ChangeEntry, RecordsFile } from '../records/record-types';
import { own } from '../util/own-key';

export const RECORD_COLLECTIONS = ['reviews', 'lectures', 'plans', 'notes', 'collections', 'register'] as const;
type CollectionKey = (typeof RECORD_COLLECTIONS)[number];

interface AnyRecord {
  id: string;
  revision: number;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
  [k: string]: unknown;
}

export type RecordOutcome = 'new' | 'identical' | 'newer' | 'older' | 'conflicting' | 'renamed';

export interface RecordPlanItem {
  id: string;
  collection: CollectionKey;
  title: string;
  outcome: RecordOutcome;
  /** conflicting: which side's edit wins. */
  winner?: 'bundle' | 'library';
  /** renamed: the id the bundle's record gets. */
  newId?: string;
  detail?: string;
}

function titleOf(r: AnyRecord): string {
  return String(r.title ?? r.topic ?? r.name ?? (typeof r.text === 'string' ? r.text.slice(0, 30) : '') ?? r.id);
}

/** A log entry's identity without its sequence number (seqs are renumbered when logs merge). */
function entryKey(e: ChangeEntry): string {
  const { seq: _s, ...rest } = e;
  return JSON.stringify(rest);
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function find(data: RecordsFile, id: string): { key: CollectionKey; rec: AnyRecord } | undefined {
  for (const key of RECORD_COLLECTIONS) {
    const r = own(data[key] as Record<string, AnyRecord>, id);
    if (r) return { key, rec: r };
  }
  return undefined;
}

function freeId(data: RecordsFile, incoming: RecordsFile, id: string): string {
  for (let n = 2; ; n++) {
    const cand = `${id}-${n}`;
    if (!find(data, cand) && !own(data.log, cand) && !find(incoming, cand)) return cand;
  }
}

/** What merging `incoming` into `local` would do, record by record (no changes made). */
export function planRecordsMerge(local: RecordsFile, incoming: RecordsFile): RecordPlanItem[] {
  const plan: RecordPlanItem[] = [];
  for (const key of RECORD_COLLECTIONS) {
    for (const rec of Object.values(incoming[key] as Record<string, AnyRecord>)) {
      const here = find(local, rec.id);
      const item: RecordPlanItem = { id: rec.id, collection: key, title: titleOf(rec), outcome: 'new' };
      if (!here) {
        if (own(local.log, rec.id)) {
          item.outcome = 'renamed';
          item.newId = freeId(local, incoming, rec.id);
          item.detail = '本库中该编号已有修改记录';
        }
        plan.push(item);
        continue;
      }
      const mine = here.rec;
      const myLog = own(local.log, rec.id) ?? [];
      const theirLog = own(incoming.log, rec.id) ?? [];
      if (sameJson(mine, rec)) item.outcome = 'identical';
      else if (here.key !== key || mine.createdAt !== rec.createdAt || mine.createdBy !== rec.createdBy) {
        item.outcome = 'renamed';
        item.newId = freeId(local, incoming, rec.id);
        item.detail = `与本库的 ${rec.id}（${titleOf(mine)}）编号相同但不是同一条记录`;
      } else {
        const mineKeys = new Set(myLog.map(entryKey));
        const theirKeys = new Set(theirLog.map(entryKey));
        const theyHaveAllMine = [...mineKeys].every((k) => theirKeys.has(k));
        const iHaveAllTheirs = [...theirKeys].every((k) => mineKeys.has(k));
        if (iHaveAllTheirs) item.outcome = 'older';
        else if (theyHaveAllMine) item.outcome = 'newer';
        else {
          item.outcome = 'conflicting';
          item.winner = newerSide(mine, rec);
          item.detail = `两边都有修改：本库第 ${mine.revision} 版（${mine.updatedAt} ${mine.updatedBy}），资料包第 ${rec.revision} 版（${rec.updatedAt} ${rec.updatedBy}）`;
        }
      }
      plan.push(item);
    }
  }
  return plan;
}

function newerSide(mine: AnyRecord, theirs: AnyRecord): 'bundle' | 'library' {
  if (theirs.updatedAt !== mine.updatedAt) return theirs.updatedAt > mine.updatedAt ? 'bundle' : 'library';
  return theirs.revision > mine.revision ? 'bundle' : 'library';
}

/** Appends the entries of `from` that `into` lacks, renumbered after it. */
function appendMissing(into: ChangeEntry[], from: ChangeEntry[]): void {
  const have = new Set(into.map(entryKey));
  for (const e of from) {
    if (have.has(entryKey(e))) continue;
    // Kept as they were (only renumbered): an entry's identity is what makes re-imports no-ops.
    into.push({ ...e, seq: into.length + 1 });
    have.add(entryKey(e));
  }
}

export interface MergeContext {
  at: string;
  by: string;
  source: string;
}

/** The record's change log in `draft`, created when it has none. */
function logOf(draft: RecordsFile, id: string): ChangeEntry[] {
  const log = own(draft.log, id);
  if (log) return log;
  draft.log[id] = [];
  return draft.log[id];
}

/** Applies a plan to `draft` (a copy of the library's records inside a commit). */
export function applyRecordsMerge(draft: RecordsFile, incoming: RecordsFile, plan: RecordPlanItem[], ctx: MergeContext): void {
  const renamed = new Map(plan.filter((p) => p.outcome === 'renamed').map((p) => [p.id, p.newId!]));
  for (const p of plan) {
    const theirs = structuredClone(own(incoming[p.collection] as Record<string, AnyRecord>, p.id)!);
    const theirLog = structuredClone(own(incoming.log, p.id) ?? []);
    const coll = draft[p.collection] as Record<string, AnyRecord>;
    switch (p.outcome) {
      case 'identical':
      case 'older':
        break;
      case 'new':
        coll[p.id] = rewritePlanRefs(theirs, renamed);
        draft.log[p.id] = theirLog;
        break;
      case 'renamed': {
        const rec = rewritePlanRefs(theirs, renamed);
        const oldId = rec.id;
        rec.id = p.newId!;
        if (Array.isArray(rec.items)) for (const it of rec.items as { id?: string }[]) if (it.id?.startsWith(oldId + '.')) it.id = p.newId! + it.id.slice(oldId.length);
        coll[p.newId!] = rec;
        const log = theirLog.map((e, i) => ({ ...e, seq: i + 1 }));
        log.push({ seq: log.length + 1, at: ctx.at, by: ctx.by, action: 'import', note: `从资料包 ${ctx.source} 导入时编号 ${oldId} 已被本库另一条记录使用，改为 ${p.newId}`, changes: [{ path: 'id', from: oldId, to: p.newId }] });
        draft.log[p.newId!] = log;
        break;
      }
      case 'newer': {
        coll[p.id] = rewritePlanRefs(theirs, renamed);
        appendMissing(logOf(draft, p.id), theirLog);
        break;
      }
      case 'conflicting': {
        const mine = own(coll, p.id)!;
        const log = logOf(draft, p.id);
        appendMissing(log, theirLog);
        const winner = p.winner === 'bundle' ? rewritePlanRefs(theirs, renamed) : mine;
        const loser = p.winner === 'bundle' ? mine : theirs;
        // The loser's values are the `from` side of the merge entry: winner + from = the other edit, whole.
        const changes = diffRecords(JSON.parse(JSON.stringify(loser)), JSON.parse(JSON.stringify(winner)));
        for (const k of ['revision', 'updatedAt', 'updatedBy'] as const) changes.push({ path: `merged.${k}`, from: loser[k], to: winner[k] });
        const merged: AnyRecord = { ...winner, revision: Math.max(mine.revision, theirs.revision) + 1, updatedAt: ctx.at, updatedBy: ctx.by };
        coll[p.id] = merged;
        log.push({
          seq: log.length + 1,
          at: ctx.at,
          by: ctx.by,
          action: 'import',
          note: `合并冲突（资料包 ${ctx.source}）：两边都修改过，保留较新的${p.winner === 'bundle' ? '资料包' : '本库'}版本（第 ${winner.revision} 版，${winner.updatedAt}，${winner.updatedBy}）；另一版本（第 ${loser.revision} 版，${loser.updatedAt}，${loser.updatedBy}）的内容记在本条的“原值”中`,
          changes,
        });
        break;
      }
    }
  }
}

/** A lecture of the bundle that names an item of a plan that was renamed follows the rename. */
function rewritePlanRefs(rec: AnyRecord, renamed: Map<string, string>): AnyRecord {
  if (typeof rec.planItemId === 'string') {
    const dot = rec.planItemId.lastIndexOf('.');
    const plan = dot > 0 ? rec.planItemId.slice(0, dot) : '';
    const to = renamed.get(plan);
    if (to) rec.planItemId = to + rec.planItemId.slice(dot);
  }
  return rec;
}

/** The record with the given id from either side, for reports. */
export function recordById(data: RecordsFile, id: string): AnyRecord | undefined {
  return find(data, id)?.rec;
}
