// The provisions of documents the review rules cite but the library may not hold (国办发〔2018〕37号,
// 山东省行政规范性文件制定和监督管理办法 …): resources/review-bases/documents.json, data the office
// edits. Each provision has its article label and a quote (or, when the article number is not yet
// verified, only a summary), so a finding's basis names the exact provision and says plainly that
// the library does not hold the document. Validated on load; a broken file names itself and the entry.

import { formatIssue } from '../../shared/errors';
import { bindsOffice as lawBindsOffice } from '../../shared/law-model';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { appRoot } from '../library/open-library';
import { RecordsError } from '../records/records-errors';

const ProvisionSchema = z
  .object({
    /** What rules refer to (BasisRef.provision). */
    id: z.string().min(1),
    /** The exact article / part label (第十条, 一、（一）); absent while not verified. */
    article: z.string().min(1).optional(),
    heading: z.string().optional(),
    /** Words of the document. */
    quote: z.string().min(1).optional(),
    /** What the provision says, when no checked quote is kept. */
    summary: z.string().min(1).optional(),
    /** What the quote was checked against; null when not yet checked against the official text. */
    checked: z.string().nullable(),
    /** Address of the text it was checked against (kept so the next reader can check again). */
    source: z.string().url().optional(),
    /** Why the article number is still open (待核对), when it is. */
    pending: z.string().optional(),
  })
  .refine((p) => p.quote || p.summary, { message: '须有 quote 或 summary' });

const SourceSchema = z.object({ url: z.string().url(), covers: z.string().optional() });

const DocumentSchema = z.object({
  title: z.string().min(1),
  docNo: z.string().optional(),
  /**
   * Where it binds, for a local document (山东, or 山东·淄博): an office elsewhere (设置 → 单位信息) is
   * not bound by it, so its findings do not cite it. Absent: a national document.
   */
  region: z.string().min(1).optional(),
  issued: z.string().optional(),
  effective: z.string().optional(),
  /** Where the text was read, and which part of it. */
  sources: z.array(SourceSchema).optional(),
  provisions: z.array(ProvisionSchema),
});

export const BasisDocumentsSchema = z.object({
  schemaVersion: z.literal(1),
  version: z.string(),
  description: z.string().optional(),
  documents: z.array(DocumentSchema),
});
export type BasisDocuments = z.infer<typeof BasisDocumentsSchema>;
export type BasisDocument = BasisDocuments['documents'][number];
export type BasisProvision = BasisDocument['provisions'][number];

export function defaultBasisDocumentsFile(): string {
  return process.env.LAWDESK_REVIEW_BASES || join(appRoot(), 'resources', 'review-bases', 'documents.json');
}

/** Reads and validates the file; a missing file is an empty set (the rules then name documents only). */
export function loadBasisDocuments(file = defaultBasisDocumentsFile()): BasisDocuments {
  if (!existsSync(file)) return { schemaVersion: 1, version: '', documents: [] };
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new RecordsError('INVALID', `审查依据文件“${file}”不是合法的 JSON（${(e as Error).message}）`);
  }
  const r = BasisDocumentsSchema.safeParse(raw);
  if (!r.success) {
    const iss = r.error.issues[0]!;
    throw new RecordsError('INVALID', `审查依据文件“${file}”不合格式：${formatIssue(iss, {}, raw)}`, [], { file });
  }
  const ids = new Set<string>();
  for (const d of r.data.documents) {
    for (const p of d.provisions) {
      const k = `${d.title}#${p.id}`;
      if (ids.has(k)) throw new RecordsError('INVALID', `审查依据文件“${file}”中《${d.title}》的条目“${p.id}”重复`);
      ids.add(k);
    }
  }
  return r.data;
}

/** The document by its title or 文号. */
export function findBasisDocument(docs: BasisDocuments, law: string): BasisDocument | undefined {
  return docs.documents.find((d) => d.title === law || d.docNo === law);
}

/**
 * Whether a document binds an office in `officeRegion` (山东·淄博·高青县 lies within 山东): the rule the
 * 上位法 panel and the starter set follow (law-model's bindsOffice). A national document binds everyone;
 * with the office's place unknown only national ones do — the shipped 山东 办法 is no basis for an office
 * that may be in 广东 (its findings are 需核实 with a hint to set 单位信息, as for an office elsewhere).
 */
export function bindsOffice(doc: Pick<BasisDocument, 'region'>, officeRegion: string | undefined): boolean {
  return lawBindsOffice(doc.region, officeRegion);
}

/**
 * The local documents binding the office that the rules for `kind` rest on (the 山东 办法 for a
 * 规范性文件 of an office in 山东): the 意见书's opening names them beside the national ones, and an
 * office elsewhere gets none of them.
 */
export function localBasisTitles(docs: BasisDocuments, rules: readonly { appliesTo?: readonly string[] | undefined; basis: readonly { law: string }[] }[], kind: string, officeRegion: string | undefined): string[] {
  const laws = new Set(rules.filter((r) => !r.appliesTo || r.appliesTo.includes(kind)).flatMap((r) => r.basis.map((b) => b.law)));
  return docs.documents.filter((d) => d.region && bindsOffice(d, officeRegion) && (laws.has(d.title) || (d.docNo !== undefined && laws.has(d.docNo)))).map((d) => d.title);
}
