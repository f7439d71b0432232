// Errors of the records domain, with every problem spelled out in Chinese so that a form, the CLI
// or an import report can show them as they are. A RecordsError is a LibraryError, so the CLI and
// the app map it the same way (code → exit status / API error).

import type { z } from 'zod';
import { formatFieldLine, formatIssues, type ErrorCode } from '../../shared/errors';
import { RECORD_ISSUE_FORMAT } from '../../shared/record-form';
import { LibraryError } from '../library/library-store';

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

/** zod issues → one Chinese sentence each, naming the field (the shared formatter, records' labels). */
export function describeIssues(error: z.ZodError, input?: unknown): string[] {
  return input === undefined ? formatIssues(error, RECORD_ISSUE_FORMAT) : formatIssues(error, RECORD_ISSUE_FORMAT, input);
}

/**
 * The problems of a record as typed (a form, a --from file, a spreadsheet row), one line per field
 * as the forms show them: "标题：请填写标题", "送审材料 › 第1项 › 名称：请填写材料名称".
 */
export function describeFieldIssues(error: z.ZodError, input: unknown): string[] {
  return error.issues.map((i) => formatFieldLine(i, RECORD_ISSUE_FORMAT, input));
}

export function invalid(summary: string, issues: string[]): RecordsError {
  return new RecordsError('INVALID', summary, issues);
}
