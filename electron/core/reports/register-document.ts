// The bureau's 规范性文件登记表 as an official document (GB/T 9704, the pack engine's official
// layout): a sentence of counts taken from the entries, then one table row per document — 名称 and
// 文号, 制定科室, 施行 and 有效期至, 备案 and 状态 — and the 落款. What the register does not hold
// is said so in the row (未登记文号, 未备案), never filled in.

import { chineseDate } from '../../shared/chinese-date';
import type { PackDocument } from '../packs/pack-document';
import { entryStatus } from '../register/register-dates';
import { filingState } from '../../shared/register-schema';
import type { RegisterView } from '../register/register-service';

export interface RegisterDocumentInput {
  entries: RegisterView[];
  unit: string;
  /** Only the documents published in this year (the title says so). */
  year?: number;
  /** Today in the office's zone (YYYY-MM-DD): the 成文日期 when none is given. */
  today: string;
  /**
   * 成文日期 of the 落款 (default today). The register speaks as of this day — 截至 in its sentence,
   * each document's 状态 and 备案 — so a table dated 2021年2月20日 never calls a document 已失效 that
   * expired after it, nor 已备案 on a filing made later.
   */
  date?: string;
}

/** The documents a register dated `day` can list: those published by then. */
export const registeredBy = <T extends { published: string }>(entries: T[], day: string): T[] => entries.filter((e) => e.published <= day);

/** An entry as it stood on `day`: a filing or 清理 dated after it had not happened yet. */
export function entryOn<T extends { filedDate?: string; filedWith?: string; cleanup?: { date: string } }>(e: T, day: string): T {
  const { filedDate, filedWith, cleanup, ...rest } = e;
  const filed = filedDate && filedDate <= day ? { filedDate, ...(filedWith ? { filedWith } : {}) } : {};
  const cleaned = cleanup && cleanup.date <= day ? { cleanup } : {};
  return { ...rest, ...filed, ...cleaned } as T;
}

function asOn(e: RegisterView, day: string): RegisterView {
  const then = entryOn(e, day);
  return { ...then, status: entryStatus(then, day) };
}

// A cell's lines are cut where a clerk would cut them (a date never across two lines): the columns
// are wide enough for each line, so Word and LibreOffice do not break them anywhere else.
function filing(e: RegisterView, today: string): string {
  const state = filingState(e, today);
  if (e.filedDate) return `${chineseDate(e.filedDate)}已备案${state === '逾期备案' ? `\n逾期（应于${chineseDate(e.filingDue)}前）` : ''}${e.filedWith ? `\n（${e.filedWith}）` : ''}`;
  return state === '逾期未备案' ? `逾期未备案\n应于${chineseDate(e.filingDue)}前` : `未备案\n期限${chineseDate(e.filingDue)}`;
}

export function registerDocument(inp: RegisterDocumentInput): PackDocument {
  const date = inp.date ?? inp.today;
  const entries = registeredBy(inp.entries, date).map((e) => asOn(e, date)).sort((a, b) => a.published.localeCompare(b.published) || a.id.localeCompare(b.id));
  const title = `${inp.unit}${inp.year ? `${inp.year}年度` : ''}规范性文件登记表`;
  const count = (s: RegisterView['status']) => entries.filter((e) => e.status === s).length;
  const states = (['现行有效', '尚未施行', '已失效', '已废止'] as const).filter((s) => count(s)).map((s) => `${s}${count(s)}件`);
  const filed = entries.filter((e) => e.filedDate).length;
  const late = entries.filter((e) => filingState(e, date) === '逾期未备案').length;
  const filedLate = entries.filter((e) => filingState(e, date) === '逾期备案').length;
  const intro = `截至${chineseDate(date)}，${inp.year ? `${inp.year}年度公布的` : ''}规范性文件共登记${entries.length}件${states.length ? `，其中${states.join('、')}` : ''}；已备案${filed}件${filedLate ? `（其中逾期备案${filedLate}件）` : ''}${entries.length - filed ? `，未备案${entries.length - filed}件${late ? `（其中逾期${late}件）` : ''}` : ''}。`;
  const rows = entries.map((e, i) => [
    String(i + 1),
    `《${e.title}》\n${e.docNumber ?? '（未登记文号）'}`,
    e.draftingUnit,
    `${chineseDate(e.effective)}施行\n有效期至${chineseDate(e.validUntil)}`,
    filing(e, date),
    e.cleanup ? `${e.status}\n${chineseDate(e.cleanup.date)}\n清理` : e.status,
  ]);
  return {
    title,
    template: '通用',
    cover: { title, unit: inp.unit, date, purpose: '' },
    asOf: date,
    sections: [
      {
        id: 's1',
        heading: '',
        blocks: [
          { kind: 'paragraph', text: intro },
          // Widths in 小四 characters of the 225 mm landscape line (53 of them), cell margins included:
          // 有效期至2024年10月14日 is 11, and LibreOffice puts a fifth of a character between Chinese
          // and digits (autospace, which the DOCX cannot turn off there), 1.2 more for a date, and
          // where no Times New Roman twin is installed its digits are DejaVu's (0.64 em): there
          // 有效期至2024年10月14日 and 应于2020年12月31日前 need 13.9 and 12.7 with the margins (at
          // 12.6 and 11.6 LibreOffice cut 2024年8月31 | 日). 文号 高科发〔2020〕12号 is 9 (10.4 there),
          // so its column gives up 1.5 and 状态 0.9 (its 2020年12月15日 is 7.3 with Liberation Serif's
          // or Word's digits, 7.7 with DejaVu's).
          { kind: 'table', head: ['序号', '文件名称及文号', '制定科室', '施行日期及有效期', '备案情况', '状态'], widths: [2.6, 10.5, 5.7, 13.9, 12.7, 7.7], align: ['center', 'left', 'center', 'center', 'center', 'center'], compact: true, rows },
        ],
        itemIds: [],
        // Six columns of dates and names do not fit the 156 mm portrait line without cutting every
        // date in two: the register is printed 横向, its title and 落款 with it.
        landscape: true,
      },
    ],
    warnings: [],
    articleCount: 0,
    layout: 'official',
    signature: { unit: inp.unit, date: chineseDate(date) },
  };
}
