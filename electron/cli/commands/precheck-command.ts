// `lawdesk precheck FILE`: the 审查工作台's automatic pre-check of a 送审稿 from the command line,
// and the workbench subcommands of `lawdesk review` (draft, precheck, accept, dismiss, opinion).
// --json prints the PrecheckResult contract documented in electron/core/records/README-records.md.

import { resolve } from 'node:path';
import { noConclusionSentence, uncheckedPoints } from '../../shared/opinion-coverage';
import { staleDraftLinksSentence } from '../../shared/draft-citation';
import { DRAFT_KINDS, OPINION_FORMATS, OPINION_QUOTE_MODES, carriedLabel, isUnverifiedDraft, reopenedLabel, type Decision, type DraftKind, type Finding, type OpinionFormat, type OpinionQuoteMode, type PrecheckResult, type Reopened } from '../../shared/review-workbench';
import { readOffice } from '../../core/office/office-file';
import { RecordsService } from '../../core/records/records-service';
import { latestDraftOf, parseDraftFile } from '../../core/review/draft-store';
import { officeRegion, regionNotation } from '../../core/office/office-region';
import { precheck } from '../../core/review/precheck';
import { loadRuleSet } from '../../core/review/review-rules';
import { ReviewWorkbench } from '../../core/review/workbench-service';
import { SearchEngine } from '../../core/search/search-engine';
import { type Command, UsageError, libraryOption, openForCli, parse, printJson, progressDone, progressLine } from '../cli-support';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export const precheckUsage = 'lawdesk precheck <送审稿文件> [--as-of YYYY-MM-DD] [--kind 规范性文件|重大行政决策|合同] [--panel] [--rules DIR] [--region 山东·淄博（默认：单位信息中的所在地区）] [--json]';

/** The adviser's decisions on a review's findings, for the listing (absent for a bare file). */
interface Decided {
  decisions: Record<string, Decision>;
  reopened: Record<string, Reopened>;
}

function statusLine(f: Finding, d: Decided): string | undefined {
  const x = d.decisions[f.id];
  if (x) {
    const from = x.carriedFrom ? `（${carriedLabel(x.carriedFrom)}）` : '';
    return x.status === 'accepted' ? `已采纳${from}${x.proposal ? `，建议修改为：${x.proposal}` : ''}` : `不采纳${from}：${x.reason}`;
  }
  const r = d.reopened[f.id];
  if (r) return `${reopenedLabel(r).tag}（${reopenedLabel(r).where}${r.articleLabel}曾${r.status === 'accepted' ? '采纳' : `不采纳：${r.reason}`}）`;
  return undefined;
}

function printResult(r: PrecheckResult, decided?: Decided): void {
  const o = process.stdout;
  o.write(`${r.title}（${r.kind}，${r.articleCount} 条，审查日 ${r.asOf}）\n`);
  o.write(`必须修改 ${r.counts['必须修改'] ?? 0} · 需核实 ${r.counts['需核实'] ?? 0} · 提示 ${r.counts['提示'] ?? 0}    规则：${r.rulesVersion}\n`);
  let last = '';
  for (const f of r.findings) {
    const where = f.article?.label ?? '全文';
    if (where !== last) o.write(`\n${where}\n`);
    last = where;
    o.write(`  [${f.severity}] ${f.ruleName}（${f.rule}）  ${f.id}\n    “${f.excerpt}”\n    ${f.reason}\n`);
    for (const b of f.bases) o.write(`    依据：${b.citation}${b.note ? `（${b.note}）` : ''}\n`);
    if (f.current) o.write(`    现行：${f.current.citation}\n`);
    if (f.suggestion) o.write(`    建议：${f.suggestion}\n`);
    const status = decided && statusLine(f, decided);
    if (status) o.write(`    ▶ ${status}\n`);
  }
  const fc = r.fairCompetition.filter((x) => x.triggers.length);
  if (fc.length) {
    o.write('\n公平竞争审查清单（需逐项确认或排除）\n');
    for (const x of fc) o.write(`  ${x.code} ${x.title}：${x.triggers.map((t) => t.articleLabel).join('、')}\n`);
  }
  if (r.higherLaw) {
    o.write('\n上位法对照\n');
    for (const [key, list] of Object.entries(r.higherLaw)) {
      if (!list.length) continue;
      o.write(`  第 ${key} 条：${list.map((m) => `${m.citation}（相似度 ${m.similarity}）`).join('；')}\n`);
    }
  }
  const dropped = r.citations.filter((c) => c.status === 'reported' && !c.findingId).length;
  o.write(`\n引用 ${r.citations.length} 处：已核对 ${r.citations.filter((c) => c.status !== 'reported').length}，有问题 ${r.citations.filter((c) => c.status === 'reported').length}${dropped ? `，未处理 ${dropped}` : ''}；用时 ${r.tookMs} ms\n`);
}

async function withEngine<T>(store: Awaited<ReturnType<typeof openForCli>>, want: boolean, quiet: boolean, fn: (e: SearchEngine | undefined) => Promise<T>): Promise<T> {
  if (!want) return fn(undefined);
  const engine = await SearchEngine.open(store, quiet ? {} : { onProgress: (p) => progressLine(`建立检索索引 ${p.done}/${p.total}`) });
  progressDone();
  try {
    return await fn(engine);
  } finally {
    engine.close();
  }
}

export const precheckCommand: Command = {
  summary: '送审稿预审：引用核对、规范性文件禁止事项、公平竞争审查、上位法对照',
  usage: precheckUsage,
  async run(argv) {
    const { values, positionals } = parse(
      argv,
      { ...libraryOption, json: { type: 'boolean' }, 'as-of': { type: 'string' }, kind: { type: 'string' }, panel: { type: 'boolean' }, rules: { type: 'string' }, region: { type: 'string' } },
      precheckUsage,
    );
    const file = positionals[0];
    if (!file) throw new UsageError(`请给出送审稿文件\n用法：${precheckUsage}`);
    const kind = (values.kind ?? '规范性文件') as DraftKind;
    if (!DRAFT_KINDS.includes(kind)) throw new UsageError(`--kind 应为 ${DRAFT_KINDS.join('、')} 之一，收到“${values.kind}”`);
    if (values['as-of'] && !DATE.test(values['as-of'])) throw new UsageError(`--as-of 应为 YYYY-MM-DD，收到“${values['as-of']}”`);
    const rules = loadRuleSet(values.rules ? resolve(values.rules) : undefined);
    const draft = await parseDraftFile(resolve(file));
    const store = await openForCli(values.library, !!values.json);
    const result = await withEngine(store, !!values.panel, !!values.json, async (engine) =>
      precheck(store, { title: draft.title, units: draft.units, header: draft.header, kind, asOf: values['as-of'] ?? store.today(), file: draft.name }, { rules, ...(engine ? { search: engine } : {}), region: values.region !== undefined ? (regionNotation(values.region) ?? values.region) : officeRegion(readOffice(store.dir).profile).region }),
    );
    if (values.json) printJson(result);
    else printResult(result);
    return 0;
  },
};

async function openWorkbench(library: string | undefined, quiet: boolean, panel = false) {
  const store = await openForCli(library, quiet);
  const svc = await RecordsService.open(store, { ...(process.env.LAWDESK_USER ? { actor: process.env.LAWDESK_USER } : {}), draftUnderReview: (id) => latestDraftOf(store.dir, id) });
  const engine = panel ? await SearchEngine.open(store) : undefined;
  return { store, svc, wb: new ReviewWorkbench(store, svc, engine ? { search: engine } : {}), close: () => engine?.close() };
}

export const reviewWorkbenchUsage = [
  'lawdesk review draft <编号> <送审稿文件> [--by 姓名] [--json]',
  'lawdesk review precheck <编号> [--draft N] [--panel] [--json]',
  'lawdesk review accept <编号> <意见编号> [--proposal 建议修改为] [--by 姓名] [--json]',
  'lawdesk review dismiss <编号> <意见编号> --reason 理由 [--by 姓名] [--json]',
  'lawdesk review opinion <编号> --format docx|pdf --out FILE [--office 审查机构] [--prefix 高科审] [--date YYYY-MM-DD] [--quotes inline|none|annex] [--unverified-text] [--json]',
];

function describeFinding(f: Finding): string {
  return `${f.article?.label ?? '全文'} ${f.ruleName}`;
}

/** The workbench subcommands of `lawdesk review`. */
export function reviewWorkbenchSubcommands(usage: string): Record<string, (rest: string[]) => Promise<number>> {
  const writeOpts = { ...libraryOption, json: { type: 'boolean' }, by: { type: 'string' } } as const;
  return {
    async draft(rest) {
      const { values, positionals } = parse(rest, writeOpts, usage);
      const [id, file] = positionals;
      if (!id || !file) throw new UsageError(`请给出审查记录编号和送审稿文件\n用法：${usage}`);
      const { wb, close } = await openWorkbench(values.library, !!values.json);
      try {
        const { version: v, existing, carried, reopened } = await wb.addDraft(id, resolve(file), values.by ? { by: values.by } : {});
        if (values.json) printJson({ ...v, units: v.units.length, existing, carried, reopened });
        else {
          const moved = carried || reopened ? `；沿用上一稿的决定 ${carried} 条${reopened ? `，${reopened} 条原句已修改、重新待审` : ''}` : '';
          process.stdout.write(`${id} 第 ${v.seq} 稿：${v.title}（${v.units.length} 条，${v.sha256.slice(0, 12)}${existing ? '，与已有的一稿相同' : ''}）${moved}\n`);
          if (isUnverifiedDraft(v)) process.stderr.write(`注意：第 ${v.seq} 稿是扫描件，由文字识别得到（${v.ocrPages} 页），识别文本待核对；核对前生成意见书须加 --unverified-text\n`);
        }
      } finally {
        close();
      }
      return 0;
    },
    async precheck(rest) {
      const { values, positionals } = parse(rest, { ...libraryOption, json: { type: 'boolean' }, draft: { type: 'string' }, panel: { type: 'boolean' } }, usage);
      const id = positionals[0];
      if (!id) throw new UsageError(`请给出审查记录编号\n用法：${usage}`);
      const { wb, close } = await openWorkbench(values.library, !!values.json, !!values.panel);
      try {
        const r = await wb.run(id, { ...(values.draft ? { seq: Number(values.draft) } : {}) });
        // Only the decisions on this result's findings: earlier versions' stay in the workbench's history.
        const ids = new Set(r.findings.map((f) => f.id));
        const pick = <T,>(m: Record<string, T>) => Object.fromEntries(Object.entries(m).filter(([k]) => ids.has(k)));
        const decided = { decisions: pick(wb.drafts.decisions(id)), reopened: pick(wb.drafts.reopened(id)) };
        if (values.json) printJson({ ...r, ...decided });
        else printResult(r, decided);
      } finally {
        close();
      }
      return 0;
    },
    async accept(rest) {
      const { values, positionals } = parse(rest, { ...writeOpts, proposal: { type: 'string' } }, usage);
      const [id, findingId] = positionals;
      if (!id || !findingId) throw new UsageError(`请给出审查记录编号和预审意见编号（见 lawdesk review precheck）\n用法：${usage}`);
      const { wb, close } = await openWorkbench(values.library, !!values.json);
      try {
        const v = await wb.accept(id, findingId, { ...(values.proposal ? { proposal: values.proposal } : {}), ...(values.by ? { by: values.by } : {}) });
        if (values.json) printJson({ decision: v.decisions[findingId], suggestions: v.suggestions });
        else process.stdout.write(`已采纳：${describeFinding(v.decisions[findingId]!.finding!)}；修改建议 ${v.suggestions.length} 条\n`);
      } finally {
        close();
      }
      return 0;
    },
    async dismiss(rest) {
      const { values, positionals } = parse(rest, { ...writeOpts, reason: { type: 'string' } }, usage);
      const [id, findingId] = positionals;
      if (!id || !findingId) throw new UsageError(`请给出审查记录编号和预审意见编号\n用法：${usage}`);
      if (!values.reason?.trim()) throw new UsageError(`不采纳须用 --reason 写明理由\n用法：${usage}`);
      const { wb, close } = await openWorkbench(values.library, !!values.json);
      try {
        const v = await wb.dismiss(id, findingId, values.reason, values.by ? { by: values.by } : {});
        if (values.json) printJson({ decision: v.decisions[findingId] });
        else process.stdout.write(`已不采纳：${describeFinding(v.decisions[findingId]!.finding!)}（${values.reason}）\n`);
      } finally {
        close();
      }
      return 0;
    },
    async opinion(rest) {
      const { values, positionals } = parse(
        rest,
        { ...libraryOption, json: { type: 'boolean' }, format: { type: 'string' }, out: { type: 'string' }, office: { type: 'string' }, prefix: { type: 'string' }, date: { type: 'string' }, quotes: { type: 'string' }, 'unverified-text': { type: 'boolean' } },
        usage,
      );
      const id = positionals[0];
      if (!id || !values.out) throw new UsageError(`请给出审查记录编号和 --out 输出文件\n用法：${usage}`);
      const format = (values.format ?? (values.out.toLowerCase().endsWith('.pdf') ? 'pdf' : 'docx')) as OpinionFormat;
      if (!OPINION_FORMATS.includes(format)) throw new UsageError(`--format 应为 docx 或 pdf，收到“${values.format}”`);
      if (values.date && !DATE.test(values.date)) throw new UsageError(`--date 应为 YYYY-MM-DD，收到“${values.date}”`);
      const quotes = values.quotes as OpinionQuoteMode | undefined;
      if (quotes !== undefined && !OPINION_QUOTE_MODES.includes(quotes)) throw new UsageError(`--quotes 应为 inline（正文引用条文原文）、none（只列条文号）或 annex（附件列出条文原文），收到“${values.quotes}”`);
      const { wb, close } = await openWorkbench(values.library, !!values.json);
      try {
        // What the 意见书 will say was not checked (the workbench asks the same before generating):
        // no 送审稿, a point no rule reaches, findings nobody has decided — each said, not 未发现问题.
        // The pre-check runs once: its findings give the undecided count and the coverage goes into the 意见书.
        const { coverage, precheck, conclusion } = await wb.opinionCheck(id);
        const noDraft = wb.drafts.drafts(id).length === 0;
        // 草案第N条 written on an earlier 送审稿: the workbench and the record page say so before generating.
        const staleLinks = staleDraftLinksSentence(await wb.draftLinks(id));
        const r = await wb.exportOpinion(id, resolve(values.out), {
          format,
          coverage,
          ...(values.office ? { office: values.office } : {}),
          ...(values.prefix ? { numberPrefix: values.prefix } : {}),
          ...(values.date ? { date: values.date } : {}),
          ...(quotes ? { quotes } : {}),
          ...(values['unverified-text'] ? { unverifiedText: true } : {}),
        });
        const unchecked = uncheckedPoints(coverage);
        const decisions = wb.drafts.decisions(id);
        const undecided = (precheck?.findings ?? []).filter((f) => !decisions[f.id]).length;
        if (values.json) printJson({ ...r, undecided, draft: !noDraft, coverage, unchecked, ...(conclusion ? { conclusion } : {}), ...(staleLinks ? { staleDraftLinks: staleLinks } : {}) });
        else process.stdout.write(`已生成合法性审查意见书：${r.file}（${r.format.toUpperCase()}，${r.bytes} 字节，引用条文 ${r.articles} 条）\n`);
        if (undecided) process.stderr.write(`注意：还有 ${undecided} 条预审意见待处理（lawdesk review precheck ${id}）；意见书只写入已采纳的意见\n`);
        if (noDraft) process.stderr.write(`注意：审查记录 ${id} 没有送审稿，意见书只按审查记录生成，送审稿未经预审，没有修改建议对照表（上传：lawdesk review draft ${id} <送审稿文件>）\n`);
        for (const u of unchecked) process.stderr.write(`注意：意见书“${u.category}”要点写作“未审查”：${u.reason}${u.code === 'undecided' ? `（lawdesk review precheck ${id}）` : ''}\n`);
        if (staleLinks) process.stderr.write(`注意：${staleLinks}（lawdesk review update ${id} --from FILE.json --link）\n`);
        const undecidedConclusion = noConclusionSentence(conclusion);
        if (undecidedConclusion) process.stderr.write(`注意：${undecidedConclusion}（用 lawdesk review update ${id} --from FILE.json 填写 conclusion）\n`);
      } finally {
        close();
      }
      return 0;
    },
  };
}
