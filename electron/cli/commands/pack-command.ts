import { existsSync, readFileSync } from 'node:fs';
import { errnoCode, errnoMessage } from '../../shared/errors';
import { PackError, type Pack } from '../../core/packs/pack-model';
import { PackStore } from '../../core/packs/pack-store';
import { EXPORT_FORMATS, exportPack, formatOf } from '../../core/packs/pack-export';
import { openSearchBackend } from '../../core/api/search-backend';
import { RecordsService } from '../../core/records/records-service';
import { recordsResolver } from '../../core/packs/pack-records-service';
import { progressText } from '../../shared/task-progress';
import { type Command, UsageError, libraryOption, openForCli, padCell, parse, printJson, progressDone, progressLine } from '../cli-support';

const usage = [
  'lawdesk pack list [--json]',
  '             lawdesk pack show <简报包 id> [--json]',
  '             lawdesk pack create --from pack.json [--json]',
  '             lawdesk pack export <简报包 id|pack.json> --format docx|pdf|html --out 文件 [--json]',
  '             （均可加 --library DIR）',
].join('\n');

function readPackFile(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new PackError('NOT_FOUND', `无法读取简报包文件：${errnoMessage(e, path)}`, [], { code: errnoCode(e), file: path });
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new PackError('INVALID', `${path} 不是有效的 JSON（${(e as Error).message}）`, [], { file: path });
  }
}


export const packCommand: Command = {
  summary: '简报包（汇编材料）：列出、查看、创建，导出为 DOCX、PDF 或 HTML',
  usage,
  async run(argv) {
    const { values, positionals } = parse(
      argv,
      { ...libraryOption, json: { type: 'boolean' }, from: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' } },
      usage,
    );
    const [sub, target] = positionals;
    const json = !!values.json;
    switch (sub) {
      case 'list': {
        const store = await openForCli(values.library, json);
        const packs = (await PackStore.open(store.dir, { lock: store.lock, today: () => store.today() })).list();
        if (json) printJson(packs);
        else if (!packs.length) process.stdout.write('还没有简报包。用 lawdesk pack create --from pack.json 创建（格式见 electron/core/packs/README-packs.md）\n');
        else for (const p of packs) process.stdout.write(`${padCell(p.id, 22)} ${padCell(p.template, 20)} ${String(p.itemCount).padStart(4)} 项  ${p.title}\n`);
        return 0;
      }
      case 'show': {
        if (!target) throw new UsageError(`请给出简报包 id\n用法：${usage}`);
        const store = await openForCli(values.library, json);
        const pack = (await PackStore.open(store.dir, { lock: store.lock, today: () => store.today() })).get(target);
        if (json) printJson(pack);
        else {
          process.stdout.write(`${pack.title}（${pack.id}）\n模板：${pack.template}　条文截至：${pack.asOf}\n封面：${[pack.cover.title, pack.cover.unit, pack.cover.date, pack.cover.purpose].filter(Boolean).join(' / ')}\n\n`);
          pack.items.forEach((it, i) => process.stdout.write(`${String(i + 1).padStart(3)}. [${it.type}] ${describe(it)}\n`));
        }
        return 0;
      }
      case 'create': {
        if (!values.from) throw new UsageError(`请用 --from 给出简报包 JSON 文件\n用法：${usage}`);
        const input = readPackFile(values.from);
        const store = await openForCli(values.library, json);
        const pack = await (await PackStore.open(store.dir, { lock: store.lock, today: () => store.today() })).create(input);
        if (json) printJson(pack);
        else process.stdout.write(`已创建简报包 ${pack.id}：${pack.title}（${pack.items.length} 项）\n`);
        return 0;
      }
      case 'export': {
        if (!target) throw new UsageError(`请给出简报包 id 或 pack.json\n用法：${usage}`);
        if (!values.out) throw new UsageError(`请用 --out 给出输出文件\n用法：${usage}`);
        if (values.format && !(EXPORT_FORMATS as readonly string[]).includes(values.format)) throw new UsageError(`--format 只能是 ${EXPORT_FORMATS.join('、')}`);
        const format = formatOf(values.out, values.format);
        const store = await openForCli(values.library, json);
        let pack: Pack | unknown;
        if (/\.json$/i.test(target) || existsSync(target)) pack = readPackFile(target);
        else pack = (await PackStore.open(store.dir, { lock: store.lock, today: () => store.today() })).get(target);
        const types = new Set(Array.isArray((pack as Pack).items) ? (pack as Pack).items.map((i) => i?.type) : []);
        const search = types.has('search') ? await openSearchBackend(store) : undefined;
        const records = ['review', 'lecture', 'note', 'stats'].some((t) => types.has(t as Pack['items'][number]['type'])) ? recordsResolver(await RecordsService.open(store)) : undefined;
        try {
          const r = await exportPack(store, pack, {
            out: values.out,
            format,
            ...(search ? { search } : {}),
            ...(records ? { records } : {}),
            onProgress: json ? undefined : (p) => progressLine(progressText(p)),
          });
          progressDone();
          if (json) printJson(r);
          else {
            for (const w of r.warnings) process.stderr.write(`注意：${w}\n`);
            process.stdout.write(`已导出 ${r.path}（${r.format.toUpperCase()}，${Math.round(r.bytes / 1024)} KB，${r.articleCount} 条${r.pages ? `，${r.pages} 页` : ''}）\n`);
          }
        } finally {
          search?.close();
        }
        return 0;
      }
      default:
        throw new UsageError(sub ? `未知的子命令“${sub}”\n用法：${usage}` : `用法：${usage}`);
    }
  },
};

function describe(it: Pack['items'][number]): string {
  switch (it.type) {
    case 'law':
      return `${it.law}${it.version ? '（' + it.version + '）' : ''}${it.chapter ? ' ' + it.chapter.join(' ') : ''}`;
    case 'article':
      return `${it.law}${it.version ? '（' + it.version + '）' : ''} ${it.article}`;
    case 'search':
      return `检索“${it.query}”（前 ${it.limit} 条）`;
    case 'stats':
      return `${it.year}年度统计`;
    case 'text':
      return `${it.heading || '（无标题）'}：${it.paragraphs.length} 段`;
    default:
      return it.recordId;
  }
}
