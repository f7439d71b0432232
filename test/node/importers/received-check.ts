// Imports each document of test/fixtures/documents/received/ the way the app does (buildVersion:
// extractor + law parser + metadata) and compares it with the import of the Markdown law it was
// made from: articles by label and exact text, and the metadata the document itself states.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildVersion } from '../../../electron/core/library/library-import';
import { FIXTURES } from './article-match';

export const RECEIVED = join(FIXTURES, 'received');

export interface ReceivedResult {
  file: string;
  articles: number;
  exact: number;
  mismatches: { label: string; expected: string; got: string | undefined }[];
  meta: { field: string; expected: string; got: string | undefined }[];
  /** Articles the document gave that the source does not have (a deleted revision, chrome read as one). */
  extra: string[];
  error?: string;
}

export function receivedCases(): [string, { source: string; meta: Record<string, string> }][] {
  return Object.entries(JSON.parse(readFileSync(join(RECEIVED, 'expected.json'), 'utf8')) as Record<string, { source: string; meta: Record<string, string> }>);
}

export async function checkReceived(
  file: string,
  source: string,
  meta: Record<string, string>,
  dirs = { documents: RECEIVED, sources: join(FIXTURES, 'sources') },
): Promise<ReceivedResult> {
  const now = '2026-12-05T00:00:00.000Z';
  const md = await buildVersion(new Uint8Array(readFileSync(join(dirs.sources, source))), source, undefined, now, { ocr: false });
  const want = md.version.units.filter((u) => u.kind === 'article' || u.kind === 'section');
  const result: ReceivedResult = { file, articles: want.length, exact: 0, mismatches: [], meta: [], extra: [] };
  let version;
  try {
    version = (await buildVersion(new Uint8Array(readFileSync(join(dirs.documents, file))), file, undefined, now, { ocr: false })).version;
  } catch (e) {
    result.error = (e as Error).message;
    return result;
  }
  const got = new Map(version.units.filter((u) => u.kind === 'article' || u.kind === 'section').map((u) => [u.label, u.text]));
  const wanted = new Set(want.map((u) => u.label));
  result.extra = [...got.keys()].filter((l) => !wanted.has(l));
  for (const u of want) {
    if (got.get(u.label) === u.text) result.exact++;
    else result.mismatches.push({ label: u.label, expected: u.text, got: got.get(u.label) });
  }
  for (const [field, expected] of Object.entries(meta)) {
    result.meta.push({ field, expected, got: (version as unknown as Record<string, string | undefined>)[field] });
  }
  return result;
}

// npx tsx test/node/importers/received-check.ts  → the counts, one line per file
// … --dir DIR: every <law>-*.<ext> of DIR against DIR/<law>.md (make-received-variety.ts), articles only
if (process.argv[1]?.endsWith('received-check.ts')) {
  let files = 0, exact = 0, total = 0, metaRight = 0, metaAll = 0;
  const dirAt = process.argv.indexOf('--dir');
  const dir = dirAt > 0 ? process.argv[dirAt + 1] : undefined;
  const cases: [string, { source: string; meta: Record<string, string> }][] = dir
    ? readdirSync(dir)
        .filter((f) => /^[a-z]+-.+\.[a-z]+$/.test(f) && !f.endsWith('.md'))
        .map((f) => [f, { source: `${f.split('-')[0]}.md`, meta: {} }])
    : receivedCases();
  const dirs = dir ? { documents: dir, sources: dir } : undefined;
  for (const [file, c] of cases) {
    const r = await checkReceived(file, c.source, c.meta, dirs);
    files++;
    exact += r.exact;
    total += r.articles;
    const right = r.meta.filter((m) => m.got === m.expected).length;
    metaRight += right;
    metaAll += r.meta.length;
    console.log(`${file}: articles ${r.exact}/${r.articles}, metadata ${right}/${r.meta.length}${r.extra.length ? `, extra ${r.extra.join(' ')}` : ''}${r.error ? `, ERROR ${r.error}` : ''}`);
    for (const m of r.meta.filter((x) => x.got !== x.expected)) console.log(`   ${m.field}: want ${m.expected} got ${m.got}`);
    for (const m of r.mismatches.slice(0, 4)) console.log(`   ${m.label}: want ${m.expected.slice(0, 60)}\n   ${' '.repeat(m.label.length)}  got  ${m.got?.slice(0, 60)}`);
  }
  console.log(`total: ${files} files, articles ${exact}/${total}, metadata ${metaRight}/${metaAll}`);
}
