import { importPaths, type ImportFileResult } from '../../core/library/library-import';
import { formatLine, textPathLine } from '../../shared/import-path';
import { refreshLinks } from '../../core/links/link-graph';
import { SearchEngine } from '../../core/search/search-engine';
import { progressText } from '../../shared/task-progress';
import { type Command, UsageError, libraryOption, openForCli, parse, printJson, progressDone, progressLine, linksProgressLine } from '../cli-support';
import { basename, resolve } from 'node:path';
import { printableName, printableText } from '../../shared/printable-name';

const usage = 'lawdesk import <文件或文件夹>… [--replace 文件]… [--library DIR] [--dry-run] [--no-index] [--json]';

/**
 * The preview's line for a file: its title and articles when its text was read, else (a scan,
 * read only at the import) its format and the OCR it needs — never 《》 undefined 条.
 */
export function previewHead(f: ImportFileResult): string {
  const path = [formatLine(f), textPathLine(f, true)].filter(Boolean).join('  ');
  if (f.title !== undefined && f.articleCount !== undefined) return `《${printableName(f.title)}》 ${f.articleCount} 条${path ? `  ${path}` : ''}`;
  return path || '（内容在导入时读取）';
}

export const importCommand: Command = {
  summary: '导入法规文件或文件夹（Markdown/TXT/PDF/DOCX/HTML，递归）',
  usage,
  async run(argv) {
    const { values, positionals } = parse(
      argv,
      { ...libraryOption, json: { type: 'boolean' }, 'dry-run': { type: 'boolean' }, 'no-index': { type: 'boolean' }, replace: { type: 'string', multiple: true } },
      usage,
    );
    // --replace FILE: 改用新文件 — the file is imported (named here alone or inside a folder given) and replaces the
    // stored version of the same law and day even though it reads poorer; the report says so and what it lacks.
    const replace = new Set((values.replace ?? []).map((f) => resolve(f)));
    if (positionals.length === 0 && replace.size === 0) throw new UsageError(`请给出要导入的文件或文件夹\n用法：${usage}`);
    const store = await openForCli(values.library, !!values.json);
    const report = await importPaths(store, [...positionals, ...replace], {
      dryRun: !!values['dry-run'],
      ...(replace.size ? { replace: (file: string) => replace.has(file) } : {}),
      onProgress: (p) => progressLine(`导入 ${p.done}/${p.total} ${printableName(basename(p.file))}`),
    });
    progressDone();
    if (!report.dryRun && !values['no-index'] && report.imported + report.replaced > 0) {
      // Bring the persisted search index up to date now, so the next search (or app start) is instant.
      const engine = await SearchEngine.open(store, {
        onProgress: (p) => progressLine(`更新检索索引：${progressText(p)}`),
      });
      engine.close();
      progressDone();
      // and the link graph (法条联想, 受影响 among the laws): incremental, only what the import touched
      await refreshLinks(store, { onProgress: linksProgressLine });
      progressDone();
    }
    if (values.json) {
      printJson({
        imported: report.imported,
        replaced: report.replaced,
        skipped: report.skipped,
        failed: report.failed,
        warnings: report.warnings,
        dryRun: report.dryRun,
        ...(report.dryRun ? { files: report.files } : {}),
      });
    } else {
      if (report.dryRun) {
        for (const f of report.files) {
          if (f.status === 'failed') continue;
          process.stdout.write(`\n${printableName(f.file)}\n  ${previewHead(f)}${f.status === 'skipped' ? (f.replaceable ? '  （已存在更好的同日版本，跳过；如仍要用它，加 --replace 此文件）' : '  （已存在，跳过）') : ''}\n`);
          for (const p of f.preview ?? []) process.stdout.write(`  ${p.label} ${p.text.slice(0, 60)}\n`);
        }
      }
      for (const f of report.failed) process.stdout.write(`失败  ${printableName(f.file)}：${printableText(f.reason)}\n`);
      for (const w of report.warnings) process.stdout.write(`提示  ${printableName(w.file)}：${printableText(w.message)}\n`);
      process.stdout.write(
        `${report.dryRun ? '（试运行，未写入）' : ''}导入 ${report.imported} 件，替换 ${report.replaced} 件，跳过 ${report.skipped} 件（已有相同或更好的文本），失败 ${report.failed.length} 件，提示 ${report.warnings.length} 条\n`,
      );
    }
    return report.failed.length ? 1 : 0;
  },
};
