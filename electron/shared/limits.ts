// The size limits of everything a person or a file can put into the library, in one place: the
// core's schemas (what the CLI and the stores accept) and the API contract (what the app accepts
// and returns) both read them, so a record or pack written by one face always opens in another.

export const LIMITS = {
  /** A pack (汇编材料): items, their headings, a text item's paragraphs, a law item's chapter path. */
  pack: {
    items: 5000,
    title: 500,
    heading: 500,
    itemId: 64,
    ref: 500, // a law or article named by id or title
    version: 100,
    chapterLevels: 10,
    paragraphs: 1000,
    paragraphChars: 20_000,
    searchLimit: 500,
    coverUnit: 200,
    coverDate: 50,
    coverPurpose: 2000,
    listValues: 200, // regions / categories of a saved search
    listValueChars: 100,
    stamp: 40,
  },
  /** Records (reviews, lectures, plans, notes): what a form, the CLI or a bundle may put in one. */
  record: {
    ref: 300, // a law or version id
    articleKey: 50,
    label: 50,
    citation: 500,
    snapshot: 50_000, // the cited article's text when it was relied on
    citations: 300, // per list of citations
    title: 300,
    refNo: 100,
    unit: 200,
    person: 100,
    line: 500,
    text: 20_000, // findings, opinion, a note
    detectText: 50_000, // 识别引用: one pasted text scanned for citations
    notes: 5000,
    shortNotes: 2000,
    tag: 50,
    tags: 50,
    materials: 50,
    materialName: 200,
    procedures: 20,
    attachments: 100,
    fileName: 255,
    laws: 100,
    lawName: 200,
    planItems: 200,
    planLaws: 50,
    collectionItems: 10_000,
    headCount: 1_000_000,
    recordId: 60,
  },
} as const;
