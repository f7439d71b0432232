// Past reviews kept in a spreadsheet (CSV or XLSX) → review inputs. Columns are mapped by their
// Chinese headers (editable with --map 列名=字段); each row becomes an input or a reason it could
// not be read, with the row number as the user sees it in Excel/WPS (the header is row 1).

import { readFileSync } from 'node:fs';
import { extname, basename } from 'node:path';
import ExcelJS from 'exceljs';
import { errnoCode } from '../../shared/errors';
import Papa from 'papaparse';
import { decodeText } from '../text/text-decoding';
import { CONCLUSIONS, REVIEW_STATUSES, REVIEW_TYPES } from './record-types';
import { RecordsError } from './records-errors';

/** Fields a column can map to. Dotted names go into nested objects (opinion.text). */
export const IMPORT_FIELDS = [
  'type',
  'title',
  'refNo',
  'leadUnit',
  'receivedDate',
  'unitDeadline',
  'completedDate',
  'conclusion',
  'status',
  'adopted',
  'opinion.text',
  'opinion.adviser',
  'findings.authority.text',
  'findings.procedure.text',
  'findings.content.text',
  'basis', // 法律依据 as free text: its citations are detected and linked
  'tags',
  'notes',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Header words → field. The first match wins; headers are compared without spaces. */
export const DEFAULT_COLUMN_MAP: Record<string, ImportField> = {
  类型: 'type',
  审查类型: 'type',
  文件类型: 'type',
  标题: 'title',
  名称: 'title',
  事项名称: 'title',
  文件名称: 'title',
  送审文件: 'title',
  文号: 'refNo',
  编号: 'refNo',
  承办单位: 'leadUnit',
  送审单位: 'leadUnit',
  起草单位: 'leadUnit',
  收件日期: 'receivedDate',
  收文日期: 'receivedDate',
  受理日期: 'receivedDate',
  送审日期: 'receivedDate',
  审查期限: 'unitDeadline',
  单位确定的审查期限: 'unitDeadline',
  办结期限: 'unitDeadline',
  出具意见日期: 'completedDate',
  办结日期: 'completedDate',
  完成日期: 'completedDate',
  审查结论: 'conclusion',
  结论: 'conclusion',
  状态: 'status',
  是否采纳: 'adopted',
  采纳情况: 'adopted',
  审查意见: 'opinion.text',
  意见: 'opinion.text',
  审查人: 'opinion.adviser',
  法律顾问: 'opinion.adviser',
  法律依据: 'basis',
  依据: 'basis',
  标签: 'tags',
  备注: 'notes',
};

export interface SheetRow {
  row: number; // as shown in the spreadsheet (header = 1)
  cells: Record<string, unknown>;
}

export async function readSheet(file: string): Promise<{ headers: string[]; rows: SheetRow[] }> {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new RecordsError(errnoCode(e), `无法读取“${basename(file)}”：${code === 'ENOENT' ? '文件不存在' : code === 'EACCES' ? '没有读取权限' : code}`, [], { file });
  }
  const ext = extname(file).toLowerCase();
  if (ext === '.xlsx') return readXlsx(bytes, file);
  if (ext === '.csv' || ext === '.txt') return readCsv(bytes);
  if (ext === '.xls') throw new RecordsError('INVALID', '不支持旧版 .xls 文件：请在 Excel/WPS 中另存为 .xlsx 或 .csv');
  throw new RecordsError('INVALID', `不认识的表格格式“${ext}”：请用 .csv 或 .xlsx`);
}

function readCsv(bytes: Buffer): { headers: string[]; rows: SheetRow[] } {
  const { text } = decodeText(bytes); // Excel on Chinese Windows saves CSV as GBK
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: false });
  const lines = parsed.data;
  const headers = (lines[0] ?? []).map((h) => String(h).trim());
  const rows: SheetRow[] = [];
  lines.slice(1).forEach((cells, i) => {
    if (!cells.some((c) => String(c).trim())) return;
    rows.push({ row: i + 2, cells: Object.fromEntries(headers.map((h, j) => [h, cells[j] ?? ''])) });
  });
  return { headers, rows };
}

async function readXlsx(bytes: Buffer, file: string): Promise<{ headers: string[]; rows: SheetRow[] }> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    throw new RecordsError('INVALID', `“${basename(file)}”不是有效的 .xlsx 文件（${(e as Error).message}）`);
  }
  const ws = wb.worksheets[0];
  if (!ws) throw new RecordsError('INVALID', `“${basename(file)}”中没有工作表`);
  const headers: string[] = [];
  ws.getRow(1).eachCell({ includeEmpty: true }, (cell, col) => {
    headers[col - 1] = cellText(cell.value).trim();
  });
  const rows: SheetRow[] = [];
  ws.eachRow({ includeEmpty: false }, (row, n) => {
    if (n === 1) return;
    const cells: Record<string, unknown> = {};
    headers.forEach((h, j) => {
      const v = row.getCell(j + 1).value;
      cells[h] = v instanceof Date ? v : typeof v === 'number' ? v : cellText(v);
    });
    if (Object.values(cells).some((v) => String(v ?? '').trim())) rows.push({ row: n, cells });
  });
  return { headers, rows };
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('text' in v) return String(v.text);
    if ('result' in v) return String(v.result ?? '');
    if ('error' in v) return '';
  }
  return String(v);
}

/** 2020-03-05, 2020/3/5, 2020.3.5, 2020年3月5日, an Excel date or serial number → YYYY-MM-DD. */
export function parseSheetDate(v: unknown): string | undefined {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? undefined : v.toISOString().slice(0, 10);
  if (typeof v === 'number' && v > 20000 && v < 80000) {
    return new Date(Math.round((v - 25569) * 86400_000)).toISOString().slice(0, 10); // Excel serial
  }
  const s = String(v ?? '').trim();
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(s);
  if (!m) return undefined;
  const iso = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  const d = new Date(iso + 'T00:00:00Z');
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso ? iso : undefined;
}

function setPath(obj: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let o = obj;
  for (const p of parts.slice(0, -1)) o = (o[p] ??= {}) as Record<string, unknown>;
  o[parts[parts.length - 1]!] = value;
}

/** Parses "列名=字段" options; throws on an unknown field. */
export function parseColumnMap(specs: string[]): Record<string, ImportField> {
  const map: Record<string, ImportField> = {};
  for (const spec of specs) {
    const i = spec.indexOf('=');
    const col = spec.slice(0, i).trim();
    const field = spec.slice(i + 1).trim();
    if (i <= 0 || !field) throw new RecordsError('INVALID', `--map 的写法是 列名=字段，收到“${spec}”`);
    if (!(IMPORT_FIELDS as readonly string[]).includes(field)) {
      throw new RecordsError('INVALID', `--map ${spec}：不认识的字段“${field}”，可用的字段：${IMPORT_FIELDS.join('、')}`);
    }
    map[col] = field as ImportField;
  }
  return map;
}

export interface RowConversion {
  inputs: { row: number; input: unknown }[];
  failed: { row: number; reason: string }[];
  /** Header → field actually used, and headers left unmapped. */
  mapping: Record<string, ImportField>;
  unmapped: string[];
}

const norm = (h: string) => h.replace(/[\s\u3000*＊:：]/g, '');

/** Maps the rows' cells to review inputs; a row with an unreadable cell fails with the reason. */
export function rowsToReviewInputs(headers: string[], rows: SheetRow[], overrides: Record<string, ImportField> = {}): RowConversion {
  const mapping: Record<string, ImportField> = {};
  const unmapped: string[] = [];
  const custom = Object.fromEntries(Object.entries(overrides).map(([k, v]) => [norm(k), v]));
  for (const h of headers) {
    if (!h) continue;
    const f = custom[norm(h)] ?? DEFAULT_COLUMN_MAP[norm(h)] ?? ((IMPORT_FIELDS as readonly string[]).includes(h) ? (h as ImportField) : undefined);
    if (f) mapping[h] = f;
    else unmapped.push(h);
  }
  for (const col of Object.keys(overrides)) {
    if (!headers.some((h) => norm(h) === norm(col))) throw new RecordsError('INVALID', `--map 中的列“${col}”在表头中找不到；表头为：${headers.join('、')}`);
  }
  const inputs: RowConversion['inputs'] = [];
  const failed: RowConversion['failed'] = [];
  for (const { row, cells } of rows) {
    const input: Record<string, unknown> = {};
    const problems: string[] = [];
    let basis = '';
    for (const [h, field] of Object.entries(mapping)) {
      const raw = cells[h];
      const text = raw instanceof Date ? raw.toISOString().slice(0, 10) : String(raw ?? '').trim();
      if (!text) continue;
      if (field === 'receivedDate' || field === 'unitDeadline' || field === 'completedDate') {
        const d = parseSheetDate(raw);
        if (!d) problems.push(`“${h}”不是日期：${text}`);
        else input[field] = d;
      } else if (field === 'adopted') {
        if (/^(是|已采纳|采纳|y|yes|true|1)$/i.test(text)) input.adopted = true;
        else if (/^(否|未采纳|不采纳|n|no|false|0)$/i.test(text)) input.adopted = false;
        else if (/部分/.test(text)) {
          input.adopted = true;
          input.adoptionNote = text;
        } else problems.push(`“${h}”应为 是/否，收到：${text}`);
      } else if (field === 'type') {
        const t = REVIEW_TYPES.find((x) => text.includes(x)) ?? (text.includes('决策') ? '重大行政决策' : text.includes('执法') ? '重大执法决定' : text.includes('协议') ? '合同' : undefined);
        if (!t) problems.push(`“${h}”应为 ${REVIEW_TYPES.join(' / ')}，收到：${text}`);
        else input.type = t;
      } else if (field === 'conclusion') {
        const c = CONCLUSIONS.find((x) => text === x) ?? CONCLUSIONS.find((x) => text.includes(x));
        if (!c) problems.push(`“${h}”应为 ${CONCLUSIONS.join(' / ')}，收到：${text}`);
        else input.conclusion = c;
      } else if (field === 'status') {
        const s = REVIEW_STATUSES.find((x) => text === x);
        if (!s) problems.push(`“${h}”应为 ${REVIEW_STATUSES.join(' / ')}，收到：${text}`);
        else input.status = s;
      } else if (field === 'tags') {
        input.tags = text.split(/[,，;；、\s]+/).filter(Boolean);
      } else if (field === 'basis') {
        basis = text;
      } else setPath(input, field, text);
    }
    if (basis) {
      // 法律依据 goes into the findings on content so its citations are detected and kept as written
      const content = ((input.findings as Record<string, Record<string, string>> | undefined)?.content?.text ?? '').trim();
      setPath(input, 'findings.content.text', content ? `${content}\n依据：${basis}` : `依据：${basis}`);
    }
    if (input.conclusion && !input.status) input.status = '已出具意见';
    // The workflow wants an opinion text once issued; a sheet often has only the conclusion.
    const opinionText = (input.opinion as { text?: string } | undefined)?.text;
    if (input.status && input.status !== '收件' && input.status !== '审查中' && !opinionText) {
      setPath(input, 'opinion.text', `（自表格导入，原表无意见正文）审查结论：${String(input.conclusion ?? '')}`);
    }
    if (problems.length) failed.push({ row, reason: problems.join('；') });
    else inputs.push({ row, input });
  }
  return { inputs, failed, mapping, unmapped };
}
