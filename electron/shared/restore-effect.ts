// What restoring a backup would do, as its preview counts it: the one rule by which the core skips
// a restore that changes nothing (no write, no 恢复前 backup) and the faces say so instead of asking
// to replace data that is already the backup's.

/** The counts of a restore preview (core/bundles/records-restore's RestorePreview, the API's DTO). */
export interface RestoreCounts {
  restored: readonly string[];
  changed: readonly string[];
  removed: readonly string[];
  unchanged: number;
  userData?: readonly { what: string; changed: boolean }[] | undefined;
}

/** Whether the restore would change any record or user-data file. */
export function restoreChangesAnything(p: RestoreCounts): boolean {
  return p.restored.length > 0 || p.changed.length > 0 || p.removed.length > 0 || (p.userData ?? []).some((u) => u.changed);
}

/** The plain sentence for a backup (named `backup`) that is the current state already: what was compared, the same as now. */
export function sameAsBackupSentence(p: RestoreCounts, backup: string): string {
  const what = [...(p.unchanged ? [`${p.unchanged} 条记录`] : []), ...(p.userData ?? []).map((u) => u.what)];
  // 都 (“all of them”) only when more than one thing was compared: several kinds, or several records.
  const all = what.length > 1 || p.unchanged > 1 ? '都' : '';
  return `${what.length ? `${backup}中的${what.join('、')}${all}与现在的相同` : `${backup}与现在的状态相同`}，恢复不会改变任何内容。`;
}
