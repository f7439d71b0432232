// How records (reviews, lectures, notes, annual statistics) reach a pack: through this small
// resolver interface, so packs do not depend on how records are stored. An adapter over the
// RecordsService implements it; tests implement it with plain objects.

/** A citation as a record keeps it: the article as it read when the record relied on it. */
export interface RecordCitation {
  lawId: string;
  versionId: string;
  articleKey: string;
  label: string; // 第十二条
  /** 《中华人民共和国统计法》（2009年修订）第七条; rebuilt from the library when empty. */
  citation?: string;
  /** The article's text as relied on. */
  textSnapshot: string;
}

export interface RecordPart {
  heading: string; // 权限 / 程序 / 内容 / 审查意见 / 讲授内容 …
  paragraphs: string[];
  citations?: RecordCitation[];
}

/** A review, lecture or note, ready to print. */
export interface RecordDoc {
  title: string;
  /** Label/value lines under the title: 类型, 承办单位, 收件日期, 结论 … */
  fields: { label: string; value: string }[];
  parts: RecordPart[];
  /** Articles relied on as a whole (法律依据), beyond those of a part. */
  citations: RecordCitation[];
  /** Their heading in the pack, as the record's form names them; 所依据的条文 when not given. */
  citationsHeading?: string;
}

export interface StatsDoc {
  title: string; // 2024年度合法性审查与学法用法情况统计
  fields: { label: string; value: string }[];
  tables: { caption: string; head: string[]; rows: string[][] }[];
  paragraphs: string[];
}

export interface PackRecordResolver {
  review?(id: string): Promise<RecordDoc | undefined> | RecordDoc | undefined;
  lecture?(id: string): Promise<RecordDoc | undefined> | RecordDoc | undefined;
  note?(id: string): Promise<RecordDoc | undefined> | RecordDoc | undefined;
  stats?(year: number): Promise<StatsDoc | undefined> | StatsDoc | undefined;
}
