// The first pre-check in a process costs about three times a later one of the same draft: the
// as-of filter of the search engine, the term statistics cache, the law-title index of the citation
// look-ups and, above all, code that has not been optimised yet (measured with
// test/bench/precheck-bench.ts: a 3-article warm-up cuts the first 40-article check's CPU time by
// about 60 %). The app runs this small check in the background once the index is open, so that
// the adviser's first 审查工作台 is not the one that pays. Its result is thrown away.

import type { LibraryStore } from '../library/library-store';
import { parseLawText } from '../parse/law-structure-parser';
import type { TermSearch } from './higher-law';
import { precheckAsync } from './precheck';
import type { RuleSet } from './review-rules';

/** Three articles in the words of a county 规范性文件: a citation, a duty, a subsidy. */
const SAMPLE = [
  '第一条 为了促进科技成果转化为现实生产力，根据《中华人民共和国促进科技成果转化法》等法律法规，结合本县实际，制定本办法。',
  '第二条 县科学技术主管部门负责本办法的组织实施，县财政部门负责资金保障和监督检查。',
  '第三条 对在本县实施科技成果转化的企业，按照技术合同成交额的一定比例给予补助，具体标准另行公布。',
].join('\n\n');

/**
 * Runs the sample through the pre-check with the 上位法 panel on `asOf` (the app's today: the
 * review date of an open review, so the engine's as-of filter is the one the first real check
 * asks for). Yields to the event loop between steps, like every pre-check.
 */
export async function warmPrecheck(store: LibraryStore, search: TermSearch, asOf: string, opts: { rules?: RuleSet; region?: string } = {}): Promise<number> {
  const t0 = performance.now();
  await precheckAsync(
    store,
    { title: '预审预热', units: parseLawText(SAMPLE, { format: 'txt' }).units, kind: '规范性文件', asOf },
    { search, ...(opts.rules ? { rules: opts.rules } : {}), ...(opts.region ? { region: opts.region } : {}) },
  );
  return performance.now() - t0;
}
