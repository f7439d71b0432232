// The office's rules for its own 规范性文件 — 有效期, the 备案 time limit (in days or working days),
// when to evaluate before expiry and when to remind — kept as data (resources/register-rules.json,
// or the library's own copy, which wins) because they differ by province and change.

import { formatIssue } from '../../shared/errors';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { DomainFileError } from '../reports/report-errors';

export const RegisterRulesSchema = z.strictObject({
  schemaVersion: z.literal(1),
  validity: z.strictObject({
    years: z.number().int().min(1).max(50),
    provisionalYears: z.number().int().min(1).max(50),
    /** A title matching this (a regular expression) is 暂行 / 试行. */
    provisionalPattern: z.string().min(1).max(200),
    basis: z.string().max(1000).optional(),
  }),
  filing: z.strictObject({ within: z.number().int().min(1).max(365), unit: z.enum(['日', '工作日']), basis: z.string().max(1000).optional() }),
  evaluation: z.strictObject({ monthsBeforeExpiry: z.number().int().min(0).max(60) }),
  remind: z.strictObject({ filingDaysBefore: z.number().int().min(0).max(365), expiryMonthsBefore: z.number().int().min(0).max(60) }),
});
export type RegisterRules = z.infer<typeof RegisterRulesSchema>;

export const REGISTER_RULES_FILE = 'register-rules.json';

export function registerRulesPath(resourcesDir: string, libraryDir?: string): string {
  const own = libraryDir ? join(libraryDir, REGISTER_RULES_FILE) : undefined;
  return own && existsSync(own) ? own : join(resourcesDir, REGISTER_RULES_FILE);
}

export function loadRegisterRules(file: string): RegisterRules {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new DomainFileError(file, `登记规则无法读取：${(e as NodeJS.ErrnoException).code === 'ENOENT' ? '文件不存在' : (e as Error).message}`);
  }
  const r = RegisterRulesSchema.safeParse(raw);
  if (!r.success) {
    const i = r.error.issues[0]!;
    throw new DomainFileError(file, `登记规则不合法：${formatIssue(i, {}, raw)}`);
  }
  try {
    new RegExp(r.data.validity.provisionalPattern);
  } catch {
    throw new DomainFileError(file, `登记规则不合法：validity.provisionalPattern 不是合法的正则表达式`);
  }
  return r.data;
}
