import { DomainError } from '../../shared/errors';
import { readFileSync } from 'node:fs';
import { LEVELS, STATUSES, type Level, type Status } from '../../shared/law-model';
import type { SearchHit, SearchQuery, SearchResult } from '../../shared/search-types';
import { findOneLaw } from '../../core/library/law-lookup';
import { SearchEngine, type IndexProgress } from '../../core/search/search-engine';
import { citesSearch, resolveCitesTarget, splitCitesQuery } from '../../core/links/cites-search';
import { refreshLinks } from '../../core/links/link-graph';
import type { LibraryStore } from '../../core/library/library-store';
import { progressText } from '../../shared/task-progress';
import { type Command, UsageError, libraryOption, openForCli, parse, printJson, progressDone, progressLine, linksProgressLine } from '../cli-support';
import { officeRegionIn } from '../../core/office/office-region';

const usage =
  'lawdesk search <查询> [--cites 法规第N条] [--library DIR] [--limit N] [--offset N] [--level 级别]… [--region 地区]… [--status 时效性]… [--category 分类]… [--law 法规] [--in-force] [--as-of 日期] [--json]\n' +
  '       lawdesk search 引用:行政许可法第十二条 [词…]   （引用该条（或该法）的其他法规条文；同 --cites）\n' +
  '       lawdesk search --queries 文件 --json   （每行一个查询，同一进程内预热后逐条运行，每条输出一行 {query,total,tookMs}）';


export function indexProgress(quiet: boolean): ((p: IndexProgress) => void) | undefined {
  return quiet ? undefined : (p) => progressLine(`搜索索引：${progressText(p)}`);
}

/** Opens the library and its search index (building or updating it, with progress on stderr). */
export async function openEngine(library: string | undefined, quiet: boolean): Promise<{ store: LibraryStore; engine: SearchEngine }> {
  const store = await openForCli(library, quiet);
  const onProgress = indexProgress(false);
  const engine = await SearchEngine.open(store, onProgress ? { onProgress } : {});
  progressDone();
  return { store, engine };
}

function positiveInt(v: string | undefined, name: string, dflt: number): number {
  if (v === undefined) return dflt;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`--${name} 需要非负整数，收到“${v}”\n用法：${usage}`);
  return n;
}

export function hitJson(h: SearchHit) {
  return {
    lawId: h.lawId,
    versionId: h.versionId,
    title: h.title,
    versionDate: h.versionDate,
    articleNumber: h.articleNumber,
    articleLabel: h.articleLabel,
    path: h.path,
    snippet: h.snippet,
  };
}

function resultJson(r: SearchResult) {
  return {
    total: r.total,
    tookMs: r.tookMs,
    hits: r.hits.map(hitJson),
    facets: r.facets,
    ...(r.jump ? { jump: r.jump } : {}),
    ...(r.didYouMean ? { didYouMean: r.didYouMean } : {}),
    ...(r.cites ? { cites: r.cites } : {}),
  };
}

function marked(h: SearchHit, tty: boolean): string {
  let out = '';
  let at = 0;
  for (const [a, b] of h.highlights) {
    out += h.snippet.slice(at, a) + (tty ? `\x1b[1;31m${h.snippet.slice(a, b)}\x1b[0m` : `【${h.snippet.slice(a, b)}】`);
    at = b;
  }
  return out + h.snippet.slice(at);
}

/** Prints a result: JSON, or the jump, the counts, the facets and the hits with the matches marked. */
function printResult(r: SearchResult, offset: number, json: boolean): void {
    if (json) {
      printJson(resultJson(r));
      return;
    }
    const out = process.stdout;
    const tty = !!out.isTTY;
    if (r.jump) {
      out.write(`→ 跳转：《${r.jump.title}》${r.jump.articleLabel}（${r.jump.versionId}）`);
      if (r.jump.otherVersions.length) out.write(`；其他版本：${r.jump.otherVersions.map((v) => `${v.versionDate || v.versionId}（${v.status}）`).join('、')}`);
      out.write('\n\n');
    }
    out.write(`共 ${r.total} 条结果（${r.tookMs} ms）\n`);
    if (r.didYouMean?.length) out.write(`你是不是要找：${r.didYouMean.join('、')}\n`);
    const facetLine = (name: string, f: Record<string, number>) => {
      const parts = Object.entries(f).sort((a, b) => b[1] - a[1]).slice(0, 8).map(([k, v]) => `${k} ${v}`);
      if (parts.length) out.write(`  ${name}：${parts.join(' · ')}\n`);
    };
    facetLine('效力级别', r.facets.level);
    facetLine('时效性', r.facets.status);
    facetLine('地区', r.facets.region);
    facetLine('分类', r.facets.category);
    out.write('\n');
    r.hits.forEach((h, i) => {
      const where = h.kind === 'law' ? '（标题）' : `${h.articleLabel}${h.path.length ? '  ' + h.path.join(' / ') : ''}`;
      out.write(`${i + 1 + (offset)}. 《${h.title}${h.subtitle ? ' ' + h.subtitle : ''}》${h.versionDate ? '（' + h.versionDate + '）' : ''} ${where}  [${h.status}]\n`);
      out.write(`   ${marked(h, tty)}\n`);
    });
}

export const searchCommand: Command = {
  summary: '全文检索条文（空格分隔的词同时出现；"…" 为短语；-词 排除）',
  usage,
  async run(argv) {
    const { values, positionals } = parse(
      argv,
      {
        ...libraryOption,
        json: { type: 'boolean' },
        limit: { type: 'string' },
        offset: { type: 'string' },
        level: { type: 'string', multiple: true },
        region: { type: 'string', multiple: true },
        status: { type: 'string', multiple: true },
        category: { type: 'string', multiple: true },
        law: { type: 'string' },
        'in-force': { type: 'boolean' },
        'as-of': { type: 'string' },
        queries: { type: 'string' },
        cites: { type: 'string' },
      },
      usage,
    );
    const text = positionals.join(' ');
    if (!text.trim() && !values.queries && !values.cites) throw new UsageError(`请给出查询内容\n用法：${usage}`);
    const cites = values.cites ? { target: values.cites, rest: text } : splitCitesQuery(text);
    for (const l of values.level ?? []) if (!LEVELS.includes(l as Level)) throw new UsageError(`未知效力级别“${l}”：可选 ${LEVELS.join('、')}`);
    for (const s of values.status ?? []) if (!STATUSES.includes(s as Status)) throw new UsageError(`未知时效性“${s}”：可选 ${STATUSES.join('、')}`);
    const citesOnly = cites && !values.queries;
    const { store, engine } = citesOnly ? { store: await openForCli(values.library, !!values.json), engine: undefined } : await openEngine(values.library, !!values.json);
    try {
      const base: Omit<SearchQuery, 'q'> = {
        limit: positiveInt(values.limit, 'limit', 20),
        offset: positiveInt(values.offset, 'offset', 0),
        ...(values.level?.length ? { levels: values.level as Level[] } : {}),
        ...(values.region?.length ? { regions: values.region } : {}),
        ...(values.status?.length ? { statuses: values.status as Status[] } : {}),
        ...(values.category?.length ? { categories: values.category } : {}),
        ...(values['in-force'] ? { inForceOnly: true } : {}),
        ...(values['as-of'] ? { asOf: values['as-of'] } : {}),
      };
      if (values.law) {
        base.lawId = findOneLaw(store, values.law).id;
      }
      if (citesOnly) {
        const target = resolveCitesTarget(store, cites.target);
        if ('problem' in target) {
          throw new DomainError('INVALID', `${target.problem}`);
        }
        const { graph } = await refreshLinks(store, { onProgress: values.json ? () => {} : linksProgressLine });
        if (!values.json) progressDone();
        const r = citesSearch(store, graph, cites, { ...base, q: cites.rest }, officeRegionIn(store.dir));
        if (r.cites?.problem) {
          throw new DomainError('INVALID', `${r.cites.problem}`);
        }
        if (!values.json) process.stdout.write(`引用《${r.cites!.title}》${r.cites!.articleLabel ?? ''}的其他法规条文：\n`);
        printResult(r, base.offset ?? 0, !!values.json);
        return 0;
      }
      if (!engine) throw new Error('unreachable: the engine is open for every query but 引用:');
      if (values.queries) {
        const lines = readFileSync(values.queries, 'utf8').split(/\r?\n/).filter((l) => l.trim());
        // Warm-up passes (JIT, posting and text reads): the timed pass below is warm.
        for (let pass = 0; pass < 3; pass++) for (const q of lines) engine.search({ ...base, q });
        for (const q of lines) {
          const r = engine.search({ ...base, q });
          process.stdout.write(JSON.stringify({ query: q, total: r.total, tookMs: r.tookMs }) + '\n');
        }
        return 0;
      }
      printResult(engine.search({ ...base, q: text }), base.offset ?? 0, !!values.json);
      return 0;
    } finally {
      engine?.close();
    }
  },
};
