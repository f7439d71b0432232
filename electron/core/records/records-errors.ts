// Errors of the records domain, with every problem spelled out in Chinese so that a form, the CLI
// or an import report can show them as they are. A RecordsError is a LibraryError, so the CLI and
// the app map it the same way (code → exit status / API error).

import type { z } from 'zod';
import type { ErrorCode } from '../../shared/errors';
import { LibraryError } from '../library/library-store';
import { FIELD_LABELS } from './record-types';

export class RecordsError extends LibraryError {
  constructor(
    code: ErrorCode,
    readonly summary: string,
    readonly issues: string[] = [],
    opts: { file?: string } = {},
  ) {
    super(code, issues.length ? `${summary}：\n  - ${issues.join('\n  - ')}` : summary, { details: issues, file: opts.file });
    this.name = 'RecordsError';
  }
}

function fieldName(path: PropertyKey[]): string {
  const parts: string[] = [];
  for (const p of path) {
    if (typeof p === 'number') parts.push(`第${p + 1}项`);
    else {
      const s = String(p);
      parts.push(FIELD_LABELS[s] ? `${FIELD_LABELS[s]}（${s}）` : s);
    }
  }
  return parts.join(' › ') || '内容';
}

/** zod issues → one Chinese sentence each, naming the field. */
export function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((iss) => {
    const field = `“${fieldName(iss.path)}”`;
    const i = iss as z.core.$ZodIssue & { input?: unknown; values?: unknown[]; format?: string; minimum?: unknown; maximum?: unknown; origin?: string; expected?: string };
    switch (i.code) {
      case 'invalid_type':
        if (i.input === undefined) return `缺少必填字段${field}`;
        return `${field}的类型不对：应为${typeName(i.expected)}，收到 ${JSON.stringify(i.input)}`;
      case 'invalid_value':
        return `${field}应为 ${(i.values ?? []).join(' / ')} 之一，收到 ${JSON.stringify(i.input)}`;
      case 'invalid_format':
        if (i.format === 'date') return `${field}不是有效日期（应为 YYYY-MM-DD），收到 ${JSON.stringify(i.input)}`;
        return `${field}格式不对（${i.format}）`;
      case 'too_small':
        if (i.origin === 'string') return `${field}不能为空`;
        return `${field}不能小于 ${String(i.minimum)}`;
      case 'too_big':
        return `${field}不能大于 ${String(i.maximum)}`;
      case 'invalid_union':
        return `${field}的写法不对：引用条文请写 {"law":"统计法","article":"第七条"}，附件请写 {"path":"文件路径"}`;
      case 'unrecognized_keys':
        return `${field}中有不认识的字段：${(iss as { keys?: string[] }).keys?.join('、')}`;
      default:
        return `${field}：${iss.message}`;
    }
  });
}

function typeName(t: string | undefined): string {
  return t === 'string' ? '文字' : t === 'number' ? '数字' : t === 'boolean' ? '是/否（true/false）' : t === 'array' ? '列表' : t === 'object' ? '对象' : String(t);
}

export function invalid(summary: string, issues: string[]): RecordsError {
  return new RecordsError('INVALID', summary, issues);
}
