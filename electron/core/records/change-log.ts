// Field-level differences between two states of a record, for the append-only change log. Plain
// objects are compared field by field; lists of identifiable things (citations, attachments, plan
// items, checks) element by element, so adding one citation logs one change, not the whole list.
// Lists of plain values are compared as a whole. Every entry keeps the old value: the log alone can
// replay a record's history, edits never erase it.

import type { FieldChange } from './record-types';

type Json = unknown;

function isPlainObject(v: Json): v is Record<string, Json> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Identity of an element of a list, when it has one. */
function elementKey(v: Json): string | undefined {
  if (!isPlainObject(v)) return undefined;
  if (typeof v.versionId === 'string' && typeof v.articleKey === 'string') {
    return `${v.versionId}#${v.articleKey}${v.paragraph ? '#' + v.paragraph : ''}${v.item ? '#' + v.item : ''}`;
  }
  if (typeof v.sha256 === 'string') return v.sha256;
  if (typeof v.check === 'string') return v.check;
  if (typeof v.id === 'string') return v.id;
  if (typeof v.name === 'string') return v.name;
  if (typeof v.lawId === 'string') return `${v.lawId}#${v.versionId ?? ''}#${v.articleKey ?? ''}`;
  return undefined;
}

function same(a: Json, b: Json): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Fields that change on every write and say nothing about the content. */
const IGNORED = new Set(['revision', 'updatedAt', 'updatedBy', 'createdAt', 'createdBy']);

export function diffRecords(before: Json, after: Json, path = ''): FieldChange[] {
  if (same(before, after)) return [];
  if (isPlainObject(before) && isPlainObject(after)) {
    const out: FieldChange[] = [];
    const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
    for (const k of keys) {
      if (!path && IGNORED.has(k)) continue;
      out.push(...diffRecords(before[k], after[k], path ? `${path}.${k}` : k));
    }
    return out;
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    const keysA = before.map(elementKey);
    const keysB = after.map(elementKey);
    const keyed = [...keysA, ...keysB].every((k) => k !== undefined);
    const unique = new Set(keysA).size === keysA.length && new Set(keysB).size === keysB.length;
    if (keyed && unique) {
      const out: FieldChange[] = [];
      const mapA = new Map(before.map((v, i) => [keysA[i]!, v]));
      const mapB = new Map(after.map((v, i) => [keysB[i]!, v]));
      for (const [k, v] of mapA) {
        if (!mapB.has(k)) out.push({ path: `${path}[${k}]`, from: v });
        else out.push(...diffRecords(v, mapB.get(k), `${path}[${k}]`));
      }
      for (const [k, v] of mapB) if (!mapA.has(k)) out.push({ path: `${path}[${k}]`, to: v });
      return out;
    }
  }
  return [{ path, ...(before !== undefined ? { from: before } : {}), ...(after !== undefined ? { to: after } : {}) }];
}
