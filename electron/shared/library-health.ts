// What the app says of the library's state where the adviser looks every day (the header's tag,
// 设置 → 资料库): one wording for every face. Three different things, never said as one another:
// the library can only be read; opening it repaired its catalogue (library.json); records.json had
// records that could not be read and were set aside — the catalogue then is intact.

/** The part of library:info these sentences are made from. */
export interface LibraryHealth {
  readOnly?: string;
  /** Repairs opening made to the catalogue (library.json). */
  repairs?: readonly string[];
  /** Records the read of records.json set aside: how many, and the file they are kept in now. */
  setAside?: { count: number; keptIn: string };
}

/** The records file (core's RECORDS_FILE): set-aside records stay in it until the next write. */
export const RECORDS_FILE_NAME = 'records.json';

/** The header's tag: the most pressing of the three, in a few characters. */
export function libraryHealthTag(h: LibraryHealth): { text: string; color: 'red' | 'orange' } | undefined {
  if (h.readOnly) return { text: '资料库只读', color: 'red' };
  if (h.repairs?.length) return { text: '资料库目录已修复', color: 'orange' };
  if (h.setAside?.count) return { text: `${h.setAside.count} 条记录已搁置`, color: 'orange' };
  return undefined;
}

/** One sentence on the set-aside records: the catalogue is intact, how many, and where they are. */
export function setAsideSummary(s: { count: number; keptIn: string }, catalogueRepaired = false): string {
  const where =
    s.keptIn === RECORDS_FILE_NAME
      ? `已搁置，原样留在 ${RECORDS_FILE_NAME} 中（下次保存时移入 quarantine/，运行 lawdesk check --repair 可立即移入）`
      : `已搁置到 ${s.keptIn}`;
  return `${catalogueRepaired ? '' : '资料库目录完好；'}${RECORDS_FILE_NAME} 中有 ${s.count} 条记录无法读取，${where}，其余记录照常打开`;
}
