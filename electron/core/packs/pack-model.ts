// The briefing pack (汇编材料) as saved and as written by hand: a cover, an as-of date, a template
// and an ordered list of items. Laws and articles may be named by id or by title (and 第十二条), so a
// pack.json can be typed without looking ids up; export resolves them against the library.
// Invariants: every saved item has an id unique within its pack; item order is the document order.

import type { z } from 'zod';
import { DomainError, formatIssues, issuePathInWords, type ErrorCode, type IssueFormat } from '../../shared/errors';
import { unsafeTextFields } from '../../shared/printable-name';
import { PackInputSchema, type Cover, type Pack, type PackInput, type PackItemInput, type PackTemplate } from '../../shared/pack-schema';
import { dateInZone } from '../../shared/office-clock';
import { newId } from '../util/new-id';

// The shapes live in electron/shared/pack-schema.ts (one definition for core, CLI and API).
export * from '../../shared/pack-schema';

/** What went wrong with a pack; `code` is the shared code it maps to. */
export type PackFailure = 'INVALID' | 'NOT_FOUND' | 'EMPTY' | 'WRITE_FAILED' | 'RENDER_FAILED' | 'LOCKED' | 'CORRUPT';
const PACK_CODES: Record<PackFailure, ErrorCode> = {
  INVALID: 'INVALID',
  EMPTY: 'INVALID',
  NOT_FOUND: 'NOT_FOUND',
  WRITE_FAILED: 'INTERNAL',
  RENDER_FAILED: 'INTERNAL',
  LOCKED: 'LOCKED',
  CORRUPT: 'CORRUPT',
};

export class PackError extends DomainError {
  constructor(
    readonly failure: PackFailure,
    message: string,
    details: string[] = [],
    /** Overrides the code of `failure` (a write that failed on a full disk is DISK_FULL). */
    opts: { code?: ErrorCode; file?: string } = {},
  ) {
    super(opts.code ?? PACK_CODES[failure], details.length ? `${message}\n  ${details.join('\n  ')}` : message, { details, file: opts.file });
    this.name = 'PackError';
  }
}

/** zod issues → one sentence per problem, naming the place (items.3.article); an unknown item type lists the known ones. */
export function describePackIssues(error: z.ZodError, input?: unknown): string[] {
  const opts: IssueFormat = {
    hint: (i) => (i.code === 'invalid_union' && i.path.at(-1) === 'type' ? '不认识的条目类型（可用：law、article、search、review、lecture、note、stats、text）' : undefined),
  };
  return input === undefined ? formatIssues(error, opts) : formatIssues(error, opts, input);
}


/**
 * Validates a hand-written or app-sent pack and fills ids, cover and asOf. `today` is the office
 * clock's date (LibraryStore.today()); by default the date of `now` in the office's default zone,
 * never the computer's zone.
 */
export function normalisePack(input: unknown, now = new Date(), existing?: Pick<Pack, 'id' | 'createdAt'>, today = dateInZone(now)): Pack {
  const r = PackInputSchema.safeParse(input);
  if (!r.success) throw new PackError('INVALID', '简报包格式不对', describePackIssues(r.error, input));
  // Terminal escapes, NUL, direction overrides or half an emoji in a title or heading end up on a cover page.
  const unsafe = unsafeTextFields(input);
  if (unsafe.length) throw new PackError('INVALID', '简报包格式不对', unsafe.map(([path, why]) => `“${issuePathInWords(path)}”：${why}`));
  const p = r.data;
  const stamp = now.toISOString();
  const used = new Set<string>();
  const items = p.items.map((it) => {
    let id = it.id && !used.has(it.id) ? it.id : newId('i', now);
    while (used.has(id)) id = newId('i', now);
    used.add(id);
    return { ...it, id };
  });
  return {
    id: existing?.id ?? p.id ?? newId('P', now),
    title: p.title,
    template: p.template,
    cover: p.cover ?? { ...TEMPLATE_DEFAULTS[p.template].cover, title: p.title },
    asOf: p.asOf ?? today,
    items,
    createdAt: existing?.createdAt ?? stamp,
    updatedAt: stamp,
  };
}

interface TemplateDefaults {
  cover: Omit<Cover, 'title'>;
  /** Heading for a run of article items that has none of its own. */
  articlesHeading: string;
  /** Items a new pack of this template starts with (free text to fill in, a stats item …). */
  skeleton: (year: number) => PackItemInput[];
}

export const TEMPLATE_DEFAULTS: Record<PackTemplate, TemplateDefaults> = {
  合法性审查参考资料: {
    cover: { unit: '', date: '', purpose: '供合法性审查参阅' },
    articlesHeading: '相关法律依据',
    skeleton: () => [
      { type: 'text', heading: '审查事项', paragraphs: ['（决策事项名称、承办单位、送审时间）'] },
      { type: 'text', heading: '相关审查意见', paragraphs: [] },
    ],
  },
  法律大讲堂讲义: {
    cover: { unit: '', date: '', purpose: '法律大讲堂学习材料' },
    articlesHeading: '学习条文',
    skeleton: () => [
      { type: 'text', heading: '学习主题', paragraphs: ['（主题、主讲人、时间、地点）'] },
      { type: 'text', heading: '思考题', paragraphs: ['1．', '2．'] },
    ],
  },
  年度学法清单: {
    cover: { unit: '', date: '', purpose: '年度学法用法情况汇编' },
    articlesHeading: '学习条文',
    skeleton: (year) => [
      { type: 'text', heading: `${year}年度学法计划`, paragraphs: [] },
      { type: 'stats', year },
    ],
  },
  通用: {
    cover: { unit: '', date: '', purpose: '' },
    articlesHeading: '相关法律条文',
    skeleton: () => [],
  },
};

/** A new pack from a template: cover defaults and the template's skeleton items, dated `today` (the office clock's). */
export function packFromTemplate(template: PackTemplate, title: string, today: string, unit = ''): PackInput {
  const d = TEMPLATE_DEFAULTS[template];
  return {
    title,
    template,
    cover: { ...d.cover, title, unit, date: today },
    asOf: today,
    items: d.skeleton(Number(today.slice(0, 4))),
  };
}
