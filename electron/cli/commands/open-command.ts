import { type Command, UsageError, libraryOption, parse, printJson } from '../cli-support';
import { openEngine } from './search-command';

const usage = 'lawdesk open <标题、简称、拼音首字母，可带条文号如 行政许可法12> [--limit N] [--library DIR] [--json]';

export const openCommand: Command = {
  summary: '快速打开：按标题、简称、拼音首字母或带错字的标题找法规（可带条文号）',
  usage,
  async run(argv) {
    const { values, positionals } = parse(argv, { ...libraryOption, json: { type: 'boolean' }, limit: { type: 'string' } }, usage);
    const text = positionals.join(' ');
    if (!text.trim()) throw new UsageError(`请给出要打开的法规\n用法：${usage}`);
    const limit = values.limit === undefined ? 10 : Number(values.limit);
    if (!Number.isInteger(limit) || limit < 1) throw new UsageError(`--limit 需要正整数\n用法：${usage}`);
    const { engine } = await openEngine(values.library, !!values.json);
    try {
      const items = engine.quickOpen(text, limit);
      if (values.json) {
        printJson(items);
        return 0;
      }
      if (!items.length) {
        process.stdout.write(`没有找到“${text}”\n`);
        return 1;
      }
      for (const it of items) {
        const art = it.articleLabel ? ` → ${it.articleLabel}` : '';
        process.stdout.write(`${it.shortTitle}${art}  （${it.level} · ${it.region}）  ${it.versionId}  ${it.score === 0 ? '' : `相似度 ${(1 - it.score).toFixed(2)}`}\n`);
      }
      return 0;
    } finally {
      engine.close();
    }
  },
};
