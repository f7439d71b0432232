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
} as const;
