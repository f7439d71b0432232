import { DomainError } from '../../shared/errors';
import { displayTitle, versionDate } from '../../shared/law-model';
import { MAPPING_KIND_LABELS } from '../../shared/api/versions';
import { findOneLaw, parseArticleRef, pickVersion } from '../../core/library/law-lookup';
import { articleHistory, diffVersions, versionsOf } from '../../core/versions/version-compare';
import type { DiffRun } from '../../core/versions/char-diff';
import { articleLabel } from '../../core/text/chinese-numerals';
import { type Command, UsageError, libraryOption, openForCli, parse, printJson } from '../cli-support';

const usage = 'lawdesk diff <法规> [条文] [--from 日期] [--to 日期] [--changed] [--library DIR] [--json]';


function render(runs: DiffRun[] | undefined, fallback: string): string {
  if (!runs) return fallback;
  const color = process.stdout.isTTY;
  return runs
    .map((r) => (r.op === 'equal' ? r.text : r.op === 'delete' ? (color ? `\x1b[31m[-${r.text}-]\x1b[0m` : `[-${r.text}-]`) : color ? `\x1b[32m{+${r.text}+}\x1b[0m` : `{+${r.text}+}`))
    .join('');
}

export const diffCommand: Command = {
  summary: '比较同一法规的两个版本（条文对应、逐字差异），或一条在各版本中的变化',
  usage,
  async run(argv) {
    const { values, positionals } = parse(
      argv,
      { ...libraryOption, json: { type: 'boolean' }, from: { type: 'string' }, to: { type: 'string' }, changed: { type: 'boolean' } },
      usage,
    );
    const [query, articleText] = positionals;
    if (!query) throw new UsageError(`请给出法规标题或 id\n用法：${usage}`);
    const store = await openForCli(values.library, !!values.json);
    const law = findOneLaw(store, query);
    const versions = versionsOf(store, law.id);
    if (versions.length < 2) {
      throw new DomainError('INVALID', `《${displayTitle(law)}》只有一个版本，无可比较`);
    }
    if (articleText) {
      const preamble = /^(?:preamble|序言|前言|引言)$/i.test(articleText.trim());
      const ref = preamble ? { number: 0, suffix: 0 } : parseArticleRef(articleText);
      if (!ref) throw new UsageError(`看不懂条文号“${articleText}”（序言请写 preamble 或 序言）`);
      const start = pickVersion(store, law, values.from);
      if (!start) {
        throw new DomainError('NOT_FOUND', `找不到 ${values.from} 的版本；现有：${versions.map((v) => versionDate(v)).join('、')}`);
      }
      const key = preamble ? 'preamble' : ref.suffix ? `${ref.number}-${ref.suffix}` : String(ref.number);
      const history = articleHistory(store, law.id, key, preamble ? '序言' : articleLabel(ref.number, ref.suffix), start.id);
      if (values.json) printJson({ lawId: law.id, title: law.title, history });
      else for (const h of history) process.stdout.write(`${h.date}（${h.status}）${h.label ?? '（无此条）'} [${MAPPING_KIND_LABELS[h.change]}]\n  ${render(h.runs, h.text ?? '')}\n\n`);
      return 0;
    }
    const from = values.from ? pickVersion(store, law, values.from) : versions[versions.length - 2];
    const to = values.to ? pickVersion(store, law, values.to) : versions[versions.length - 1];
    if (!from || !to) {
      throw new DomainError('NOT_FOUND', `找不到指定日期的版本；现有：${versions.map((v) => versionDate(v)).join('、')}`);
    }
    const diff = diffVersions(store, from.id, to.id, { changedOnly: !!values.changed });
    if (values.json) {
      printJson({ title: law.title, ...diff });
      return 0;
    }
    process.stdout.write(`《${law.title}》 ${diff.from.date} → ${diff.to.date}\n${diff.summaryLine}\n\n`);
    for (const r of diff.rows) {
      const head = `${r.from.map((s) => s.label).join('、') || '—'} → ${r.to.map((s) => s.label).join('、') || '—'}  [${MAPPING_KIND_LABELS[r.kind]}${r.cosmetic ? '，仅文字性调整' : ''}]`;
      process.stdout.write(`${head}\n  ${render(r.runs, (r.to.length ? r.to : r.from).map((s) => s.text).join('\n'))}\n\n`);
    }
    return 0;
  },
};
