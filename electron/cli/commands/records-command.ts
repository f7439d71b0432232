// `lawdesk records …`: bulk import (a spreadsheet of past reviews, or a JSON bundle of records),
// citation detection in a piece of text, and the helpers the other record commands share.

import { readFileSync } from 'node:fs';
import { dirname, extname, resolve } from 'node:path';
import { errnoCode } from '../../shared/errors';
import { RecordsService, type SaveResult, type WriteOptions } from '../../core/records/records-service';
import { RecordsError } from '../../core/records/records-errors';
import { parseColumnMap } from '../../core/records/spreadsheet-import';
import type { DetectedMention } from '../../core/records/citation-detect';
import { findLaws } from '../../core/library/law-lookup';
import { latestDraftOf } from '../../core/review/draft-store';
import { type Command, UsageError, libraryOption, openForCli, parse, printJson } from '../cli-support';

export const writeOptions = {
  ...libraryOption,
  from: { type: 'string' },
  by: { type: 'string' },
  link: { type: 'boolean' },
  json: { type: 'boolean' },
} as const;

export async function openService(library: string | undefined, quiet: boolean): Promise<RecordsService> {
  const store = await openForCli(library, quiet);
  // a review's 草案第八条 links into its latest 送审稿 version, as in the app
  return RecordsService.open(store, { ...(process.env.LAWDESK_USER ? { actor: process.env.LAWDESK_USER } : {}), draftUnderReview: (id) => latestDraftOf(store.dir, id) });
}

/** Reads --from FILE.json ('-' = stdin); relative attachment paths are read from the file's folder. */
export function readJsonInput(from: string | undefined, usage: string): { value: unknown; baseDir: string } {
  if (!from) throw new UsageError(`请用 --from 给出 JSON 文件（- 表示标准输入）\n用法：${usage}`);
  let text: string;
  try {
    text = from === '-' ? readFileSync(0, 'utf8') : readFileSync(from, 'utf8');
  } catch (e) {
    throw new RecordsError(errnoCode(e), `无法读取“${from}”：${(e as NodeJS.ErrnoException).code === 'ENOENT' ? '文件不存在' : (e as Error).message}`, [], { file: from });
  }
  try {
    return { value: JSON.parse(text.replace(/^\uFEFF/, '')), baseDir: from === '-' ? process.cwd() : dirname(resolve(from)) };
  } catch (e) {
    throw new RecordsError('INVALID', `“${from}”不是有效的 JSON：${(e as Error).message}`);
  }
}

export function writeOpts(values: { by?: string; link?: boolean }, baseDir: string): WriteOptions {
  return { ...(values.by ? { by: values.by } : {}), ...(values.link ? { linkDetected: true } : {}), baseDir };
}

export function reportSave<T extends { id: string }>(res: SaveResult<T>, json: boolean, verb: string, describe: (r: T) => string): void {
  if (json) {
    printJson({ ...res, record: res.record });
    return;
  }
  process.stdout.write(`${verb} ${res.record.id}  ${describe(res.record)}\n`);
  for (const w of res.warnings) process.stdout.write(`提示  ${w}\n`);
  printUnresolved(res.unresolved);
}

/**
 * `<kind> add --from FILE.json`: one record from a JSON object, or (when `bulk` names the kind)
 * several from a JSON array, imported together.
 */
export function addSubcommand<T extends { id: string }>(
  usage: string,
  create: (svc: RecordsService, value: unknown, opts: WriteOptions) => Promise<SaveResult<T>>,
  describe: (r: T) => string,
  bulk?: 'reviews' | 'lectures',
): (rest: string[]) => Promise<number> {
  return async (rest) => {
    const { values } = parse(rest, writeOptions, usage);
    const { value, baseDir } = readJsonInput(values.from, usage);
    const svc = await openService(values.library, !!values.json);
    if (bulk && Array.isArray(value)) {
      const res = await svc.importBundle({ [bulk]: value }, writeOpts(values, baseDir));
      const ids = res.created[bulk] ?? [];
      if (values.json) printJson(res);
      else process.stdout.write(`已新增 ${ids.length} 条：${ids.join('、')}\n`);
      return 0;
    }
    reportSave(await create(svc, value, writeOpts(values, baseDir)), !!values.json, '已新增', describe);
    return 0;
  };
}

/** `<kind> update <编号> --from FILE.json`: the new content of one record. */
export function updateSubcommand<T extends { id: string }>(
  usage: string,
  idName: string,
  update: (svc: RecordsService, id: string, value: unknown, opts: WriteOptions) => Promise<SaveResult<T>>,
  describe: (r: T) => string,
): (rest: string[]) => Promise<number> {
  return async (rest) => {
    const { values, positionals } = parse(rest, writeOptions, usage);
    const id = positionals[0];
    if (!id) throw new UsageError(`请给出${idName}\n用法：${usage}`);
    const { value, baseDir } = readJsonInput(values.from, usage);
    const svc = await openService(values.library, !!values.json);
    reportSave(await update(svc, id, value, writeOpts(values, baseDir)), !!values.json, '已保存', describe);
    return 0;
  };
}

export function printUnresolved(list: DetectedMention[]): void {
  for (const u of list) process.stdout.write(`未链接  “${u.text}”${u.lawText ? `（${u.lawText}）` : ''}：${u.reason}\n`);
}

/** Runs a subcommand from a table; the usage lists them. */
export async function dispatch(argv: string[], subs: Record<string, (rest: string[]) => Promise<number>>, usage: string): Promise<number> {
  const [sub, ...rest] = argv;
  const run = sub ? subs[sub] : undefined;
  if (!run) throw new UsageError(`${sub ? `未知的子命令“${sub}”` : '请给出子命令'}\n用法：${usage}`);
  return run(rest);
}

const usage = [
  'lawdesk records import <FILE.csv|FILE.xlsx|FILE.json> [--map 列名=字段]… [--dry-run] [--all-or-nothing] [--no-link] [--json]',
  '         lawdesk records detect "<文字>" [--date YYYY-MM-DD] [--law 法规] [--json]',
].join('\n');

export const recordsCommand: Command = {
  summary: '导入审查台账（CSV/XLSX）或记录包（JSON）；识别文字中的条文引用',
  usage,
  run: (argv) =>
    dispatch(
      argv,
      {
        async import(rest) {
          const { values, positionals } = parse(
            rest,
            { ...writeOptions, map: { type: 'string', multiple: true }, 'dry-run': { type: 'boolean' }, 'all-or-nothing': { type: 'boolean' }, 'no-link': { type: 'boolean' } },
            usage,
          );
          const file = positionals[0];
          if (!file) throw new UsageError(`请给出要导入的文件\n用法：${usage}`);
          const svc = await openService(values.library, !!values.json);
          const opts = { ...(values.by ? { by: values.by } : {}), linkDetected: !values['no-link'], baseDir: dirname(resolve(file)) };
          if (extname(file).toLowerCase() === '.json') {
            const { value } = readJsonInput(file, usage);
            const res = await svc.importBundle(value, opts);
            if (values.json) printJson(res);
            else {
              for (const [k, ids] of Object.entries(res.created)) if (ids.length) process.stdout.write(`${k}: ${ids.join('、')}\n`);
              for (const w of res.warnings) process.stdout.write(`提示  ${w}\n`);
              printUnresolved(res.unresolved);
            }
            return 0;
          }
          const res = await svc.importSpreadsheet(file, {
            ...opts,
            mapping: parseColumnMap(values.map ?? []),
            dryRun: !!values['dry-run'],
            allOrNothing: !!values['all-or-nothing'],
          });
          if (values.json) printJson(res);
          else {
            process.stdout.write(`列对应：${Object.entries(res.mapping).map(([h, f]) => `${h}→${f}`).join('，')}${res.unmapped.length ? `；未使用的列：${res.unmapped.join('、')}` : ''}\n`);
            for (const x of res.imported) process.stdout.write(`导入  第 ${x.row} 行 → ${x.id} ${x.title}\n`);
            for (const x of res.skipped) process.stdout.write(`跳过  第 ${x.row} 行：${x.reason}\n`);
            for (const x of res.failed) process.stdout.write(`失败  第 ${x.row} 行：${x.reason}\n`);
            for (const x of res.warnings) process.stdout.write(`提示  第 ${x.row} 行：${x.message}\n`);
            process.stdout.write(`${res.dryRun ? '（试运行，未写入）' : ''}共 ${res.rows} 行：导入 ${res.imported.length}，跳过 ${res.skipped.length}，失败 ${res.failed.length}\n`);
          }
          return res.failed.length ? 1 : 0;
        },
        async detect(rest) {
          const { values, positionals } = parse(rest, { ...libraryOption, json: { type: 'boolean' }, date: { type: 'string' }, law: { type: 'string' } }, usage);
          const text = positionals.join(' ');
          if (!text) throw new UsageError(`请给出要识别的文字\n用法：${usage}`);
          const svc = await openService(values.library, !!values.json);
          let near: string | undefined;
          if (values.law) {
            const laws = findLaws(svc.library, values.law);
            if (laws.length !== 1) throw new RecordsError('INVALID', `“${values.law}”匹配到 ${laws.length} 部法规`);
            near = laws[0]!.id;
          }
          const res = svc.detectCitations(text, values.date ?? svc.today(), near);
          if (values.json) printJson(res);
          else {
            for (const m of res.mentions) {
              process.stdout.write(m.citation ? `✓ ${m.text} → ${m.citation.citation}  [${m.citation.versionId}]${m.warning ? `（${m.warning}）` : ''}\n` : `✗ ${m.text}${m.lawText ? `（${m.lawText}）` : ''}：${m.reason}\n`);
            }
          }
          return 0;
        },
      },
      usage,
    ),
};
