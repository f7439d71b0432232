// Verifies a library against its own invariants: every catalog entry has its body (hash-checked)
// and its original file; no body is left outside the catalog; statuses match their derivation.
// Used by `lawdesk check` and by the crash-safety tests.

import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { deriveStatuses } from './version-status';
import type { LibraryStore } from './library-store';

export interface CheckProblem {
  versionId?: string;
  file?: string;
  problem: string;
}

/**
 * What the app tells the user at once of the library's state (library:info): the repairs the open
 * made to library.json — the first `shown`, the rest counted — and why it cannot be written. The
 * same notes `lawdesk check` lists.
 */
export function libraryHealth(store: LibraryStore, shown: number): { repairs?: string[]; readOnly?: string } {
  const repairs = firstNotes(store.catalogNotes, shown, '处修复');
  return { ...(repairs.length ? { repairs } : {}), ...(store.readOnlyReason ? { readOnly: store.readOnlyReason.slice(0, 500) } : {}) };
}

/** The records set aside by the read of records.json, for library:info: count, file and the first `shown` sentences. */
export function setAsideHealth(state: { count: number; keptIn: string } | undefined, notes: readonly string[], shown: number): { setAside?: { count: number; keptIn: string; notes: string[] } } {
  return state ? { setAside: { ...state, keptIn: state.keptIn.slice(0, 300), notes: firstNotes(notes, shown, '条搁置的记录') } } : {};
}

function firstNotes(notes: readonly string[], shown: number, what: string): string[] {
  const first = notes.length > shown ? [...notes.slice(0, shown), `另有 ${notes.length - shown} ${what}（lawdesk check 列出全部）`] : notes;
  return first.map((n) => n.slice(0, 500));
}

export function checkLibrary(store: LibraryStore): CheckProblem[] {
  // What the open found wrong in library.json and repaired (said once, by the check that saw it).
  const problems: CheckProblem[] = store.catalogNotes.map((problem) => ({ file: 'library.json', problem }));
  const versions = store.versions();
  const files = new Set<string>();
  for (const v of versions) {
    files.add(v.file);
    try {
      const body = store.loadVersion(v.id);
      const articles = body.units.filter((u) => u.kind === 'article').length;
      if (articles !== v.articleCount) problems.push({ versionId: v.id, problem: `条文数 ${articles} 与目录记录 ${v.articleCount} 不符` });
    } catch (e) {
      problems.push({ versionId: v.id, file: v.file, problem: (e as Error).message });
    }
    if (!store.originalPath(v)) problems.push({ versionId: v.id, problem: `原始文件缺失（${v.sourceFile}）` });
  }
  for (const name of readdirSync(store.bodiesDir)) {
    if (!files.has(name)) problems.push({ file: name, problem: '正文文件不在目录中（未完成的导入残留）' });
  }
  const byLaw = new Map<string, typeof versions>();
  for (const v of versions) byLaw.set(v.lawId, [...(byLaw.get(v.lawId) ?? []), v]);
  const today = store.today();
  for (const vs of byLaw.values()) {
    const derived = deriveStatuses(vs, today);
    for (const v of vs) {
      if (derived.get(v.id) !== v.status) problems.push({ versionId: v.id, problem: `时效性“${v.status}”应为“${derived.get(v.id)}”` });
    }
  }
  if (existsSync(join(store.dir, 'library.json.tmp'))) problems.push({ file: 'library.json.tmp', problem: '残留的临时文件' });
  return problems;
}
