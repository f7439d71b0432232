// `lawdesk bundle export|preview|import`: carrying laws and records between machines on a USB stick.
import { DomainError, formatIssues } from '../../shared/errors';
import { resolve } from 'node:path';
import { findLaws } from '../../core/library/law-lookup';
import { exportBundle, type BundleProgress } from '../../core/bundles/bundle-export';
import { bundleLawFilterSchema, type BundleLawFilter } from '../../shared/api/bundles';
import { importBundle, previewBundle, type BundlePreview } from '../../core/bundles/bundle-import';
import { progressText } from '../../shared/task-progress';
import { type Command, UsageError, libraryOption, openForCli, parse, printJson, progressDone, progressLine } from '../cli-support';
import { printableText } from '../../shared/printable-name';

const usage = [
  'lawdesk bundle export [--laws 标题或id,…] [--level 法律,…] [--region 山东,…] [--status 现行有效,…] [--category 科技,…] [--favorites]',
  '                      [--records] [--no-userdata] --out 文件.lawdesk [--library DIR] [--json]',
  '             lawdesk bundle preview 文件.lawdesk [--library DIR] [--json]',
  '             lawdesk bundle import 文件.lawdesk [--library DIR] [--json]',
].join('\n');

const onProgress = (p: BundleProgress) => progressLine(progressText(p));

const LAW_WORD = { new: '新增', identical: '相同', newer: '较新（替换本库）', older: '较旧（保留本库）' } as const;
const REC_WORD = { new: '新增', identical: '相同', newer: '较新（更新本库）', older: '较旧（保留本库）', conflicting: '冲突（两边都改过）', renamed: '编号重复（另存新编号）' } as const;

function printPreview(p: BundlePreview, imported: boolean): void {
  // Titles, ids and names come from someone else's bundle: control characters and bidi overrides escaped.
  const out = (s: string) => process.stdout.write(printableText(s) + '\n');
  out(`资料包 ${p.file}（${p.createdAt}，LawDesk ${p.appVersion}）`);
  for (const l of p.laws) if (l.outcome !== 'identical') out(`  法规  ${LAW_WORD[l.outcome]}  《${l.title}》 ${l.versionId}${l.detail ? `\n        ${l.detail}` : ''}`);
  for (const r of p.records) {
    if (r.outcome === 'identical') continue;
    const extra = r.outcome === 'conflicting' ? `：保留${r.winner === 'bundle' ? '资料包' : '本库'}的较新修改，另一版本记入修改记录` : r.outcome === 'renamed' ? ` → ${r.newId}` : '';
    out(`  记录  ${REC_WORD[r.outcome]}  ${r.id} ${r.title}${extra}${r.detail ? `\n        ${r.detail}` : ''}`);
  }
  const UD = { new: '新增', identical: '相同', merged: '合并', kept: '保留本库' } as const;
  for (const u of p.userData) if (u.outcome !== 'identical') out(`  ${u.what}  ${UD[u.outcome]}${u.detail ? `：${u.detail}` : ''}`);
  for (const w of p.warnings) out(`提示  ${w}`);
  if (p.gbkNames.length) out(`提示  资料包经 Windows 压缩工具重新打包，${p.gbkNames.length} 个文件名按 GB18030 解码`);
  const s = p.summary;
  out(
    `${imported ? '已导入' : '预览（未写入）'}：法规版本 新增 ${s.laws.new}，替换 ${s.laws.newer}，保留本库 ${s.laws.older}，相同 ${s.laws.identical}；` +
      `记录 新增 ${s.records.new}，更新 ${s.records.newer}，冲突合并 ${s.records.conflicting}，另存 ${s.records.renamed}，较旧 ${s.records.older}，相同 ${s.records.identical}；附件 新增 ${p.attachments.new}`,
  );
}

const list = (v: string[] | undefined) => v?.flatMap((s) => s.split(/[,，]/)).map((s) => s.trim()).filter(Boolean);

const FILTER_OPTIONS = { levels: '--level', regions: '--region', statuses: '--status', categories: '--category' };

/** --level/--region/--status/--category/--favorites as the 法规库's facets, validated as the API validates them. */
function facetFilter(values: { level?: string[]; region?: string[]; status?: string[]; category?: string[]; favorites?: boolean }): BundleLawFilter | undefined {
  const raw = {
    ...(values.level ? { levels: list(values.level) } : {}),
    ...(values.region ? { regions: list(values.region) } : {}),
    ...(values.status ? { statuses: list(values.status) } : {}),
    ...(values.category ? { categories: list(values.category) } : {}),
    ...(values.favorites ? { favoritesOnly: true } : {}),
  };
  if (!Object.keys(raw).length) return undefined;
  const r = bundleLawFilterSchema.safeParse(raw);
  if (!r.success) throw new UsageError(`筛选条件不对：${formatIssues(r.error, { labels: FILTER_OPTIONS }).join('；')}`);
  return r.data;
}

export const bundleCommand: Command = {
  summary: '资料包：导出 / 预览 / 导入 .lawdesk（法规、记录、附件，供离线机器之间传递）',
  usage,
  async run(argv) {
    const [sub, ...rest] = argv;
    const { values, positionals } = parse(
      rest,
      {
        ...libraryOption,
        json: { type: 'boolean' },
        laws: { type: 'string', multiple: true },
        level: { type: 'string', multiple: true },
        region: { type: 'string', multiple: true },
        status: { type: 'string', multiple: true },
        category: { type: 'string', multiple: true },
        favorites: { type: 'boolean' },
        records: { type: 'boolean' },
        'no-userdata': { type: 'boolean' },
        out: { type: 'string' },
      },
      usage,
    );
    const json = !!values.json;
    if (sub === 'export') {
      if (!values.out) throw new UsageError(`请用 --out 指定资料包文件\n用法：${usage}`);
      const store = await openForCli(values.library, json);
      let laws: string[] | undefined;
      if (values.laws) {
        laws = [];
        for (const q of values.laws.flatMap((s) => s.split(/[,，]/)).map((s) => s.trim()).filter(Boolean)) {
          const found = store.version(q) ? [{ id: q }] : findLaws(store, q);
          if (found.length !== 1) {
            throw new DomainError(found.length ? 'INVALID' : 'NOT_FOUND', found.length ? `“${q}”匹配到 ${found.length} 部法规，请写得更具体或使用 id` : `没有找到“${q}”`);
          }
          laws.push(found[0]!.id);
        }
      }
      const filter = facetFilter(values);
      const res = await exportBundle(store, {
        ...(laws ? { laws } : {}),
        ...(filter ? { filter } : {}),
        records: !!values.records,
        ...(values['no-userdata'] ? { userData: false } : {}),
        out: resolve(values.out),
        onProgress,
      });
      progressDone();
      if (json) printJson(res);
      else process.stdout.write(`已导出 ${res.file}：法规版本 ${res.versions} 个，记录 ${res.records} 条，附件 ${res.attachments} 个${res.userData.length ? `，另有 ${res.userData.join('、')}` : ''}\n`);
      return 0;
    }
    if (sub === 'preview' || sub === 'import') {
      const [file] = positionals;
      if (!file) throw new UsageError(`请给出资料包文件\n用法：${usage}`);
      const store = await openForCli(values.library, json);
      const p = sub === 'preview' ? await previewBundle(store, resolve(file), { onProgress }) : await importBundle(store, resolve(file), { onProgress });
      progressDone();
      if (json) printJson(p);
      else printPreview(p, sub === 'import');
      return 0;
    }
    throw new UsageError(`用法：${usage}`);
  },
};
