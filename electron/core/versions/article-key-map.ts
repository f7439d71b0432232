// Where an article cited in one version of a law sits in another version of the same law, through
// the article mappings (统计法 2009 第六条 is 2024 第七条). One memo per request or command: the
// records' CitationIndex and the link graph's 被引用 both ask it, so a citation made against any
// version is found under the article a reader is looking at.

import type { LibraryStore } from '../library/library-store';
import { articleAcrossVersions } from './version-compare';
import { headingByKey, isHeadingKey, isWholeLawKey } from '../records/citation-scope';

export class ArticleKeyMap {
  private readonly keys = new Map<string, string | undefined>();

  constructor(private readonly store: LibraryStore) {}

  /** The key in `target` of the article cited as `key` in `versionId`; undefined when it has none there. */
  keyIn(versionId: string, key: string, target: string): string | undefined {
    if (versionId === target) return key;
    // a whole law applies to each of its versions; a 编/章 to each version whose outline has it
    if (isWholeLawKey(key)) return key;
    if (isHeadingKey(key)) {
      try {
        return headingByKey(this.store.loadVersion(target), key) ? key : undefined;
      } catch {
        return undefined;
      }
    }
    const k = `${versionId}#${key}>${target}`;
    if (!this.keys.has(k)) {
      let found: string | undefined;
      try {
        // every version of the law at once: the other targets of the same article come for free
        for (const a of articleAcrossVersions(this.store, versionId, key)) {
          this.keys.set(`${versionId}#${key}>${a.versionId}`, a.key);
          if (a.versionId === target) found = a.key;
        }
      } catch {
        found = undefined; // the cited version is gone: nothing to map
      }
      this.keys.set(k, found);
    }
    return this.keys.get(k);
  }
}
