// Errors of the records domain, with every problem spelled out in Chinese so that a form, the CLI
// or an import report can show them as they are. A RecordsError is a LibraryError, so the CLI and
// the app map it the same way (code → exit status / API error).

import type { z } from 'zod';
import { formatIssues, type ErrorCode, type IssueFormat } from '../../shared/errors';
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

/** The records' field labels and the one hint only records need (how to write a citation). */
const RECORD_ISSUES: IssueFormat = {
  labels: FIELD_LABELS,
  hint: (iss, field) => (iss.code === 'invalid_union' ? `${field}的写法不对：引用条文请写 {"law":"统计法","article":"第七条"}，附件请写 {"path":"文件路径"}` : undefined),
};

/** zod issues → one Chinese sentence each, naming the field (the shared formatter, records' labels). */
export function describeIssues(error: z.ZodError, input?: unknown): string[] {
  return input === undefined ? formatIssues(error, RECORD_ISSUES) : formatIssues(error, RECORD_ISSUES, input);
}

export function invalid(summary: string, issues: string[]): RecordsError {
  return new RecordsError('INVALID', summary, issues);
}
