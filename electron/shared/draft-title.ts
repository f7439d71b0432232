// A draft's title and the document it becomes: 《某某办法（送审稿）》, （草案）, （征求意见稿）, （修订草案） …
// name the same document as 《某某办法》. Used to keep a document from being its own 上位法, and to tell
// an importer that what it is adding to the library is a draft.

/** The mark a draft's title ends with (（送审稿）, （草案）, （征求意见稿）, （修订草案征求意见稿） …). */
const DRAFT_MARK = /\s*[（(](?:[^（）()]{0,8}稿|[^（）()]{0,6}草案[^（）()]{0,6})[）)]\s*$/u;

/** The title without its draft mark, and without the 《》 a form may keep around it. */
export function documentTitleOf(title: string): string {
  return title.trim().replace(/^《|》$/g, '').replace(DRAFT_MARK, '').trim();
}

/** Whether the title says the document is a draft (ends with （送审稿）, （草案）, （征求意见稿） …). */
export function isDraftTitle(title: string): boolean {
  return DRAFT_MARK.test(title.trim().replace(/^《|》$/g, ''));
}
