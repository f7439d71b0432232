// A scan that is a law already in the library (#14): the OCR'd version records which library
// version it matched and, once a person has chosen, what they chose, who and when. One shape for
// the stored body, the catalog, the API, the CLI's --json and the import report.

import { z } from 'zod';

export const SCAN_MATCH_CHOICES = ['library', 'scan'] as const;
export type ScanMatchChoice = (typeof SCAN_MATCH_CHOICES)[number];
/** What the 核对 view and the CLI call each choice. */
export const SCAN_MATCH_CHOICE_LABELS: Record<ScanMatchChoice, string> = {
  library: '使用库中文本',
  scan: '保留扫描件',
};

export const libraryMatchSchema = z
  .object({
    /** The library version the scan was matched to (same date, else the nearest date). */
    versionId: z.string().min(1).max(200),
    /** Its date (公布, else 施行), '' when it has none. */
    date: z.string().max(20),
    /** How that version's text was obtained (docx, doc, text-layer, ofd …): never 'ocr'. */
    textSource: z.string().min(1).max(20),
    /** True: the scan is that very version (same date); false: another version of the law. */
    sameDate: z.boolean(),
    /** Set when a person chose; 'library' removes the scan, so a stored one only ever says 'scan'. */
    decision: z.object({ choice: z.enum(SCAN_MATCH_CHOICES), by: z.string().min(1).max(50), at: z.string().min(1).max(40) }).strict().optional(),
  })
  .strict();
export type LibraryMatch = z.infer<typeof libraryMatchSchema>;

/** One line of the library's log of 使用库中文本 choices (the scan version itself is gone). */
export const scanDecisionSchema = z
  .object({
    scanVersionId: z.string().min(1),
    libraryVersionId: z.string().min(1),
    sourceFile: z.string(),
    sourceSha256: z.string(),
    choice: z.enum(SCAN_MATCH_CHOICES),
    by: z.string().min(1).max(50),
    at: z.string().min(1),
  })
  .strict();
export type ScanDecision = z.infer<typeof scanDecisionSchema>;
