import { SearchEngine } from '../../core/search/search-engine';
import { type Command, libraryOption, openForCli, parse, printJson, progressDone } from '../cli-support';
import { indexProgress } from './search-command';

const usage = 'lawdesk reindex [--library DIR] [--json]';

export const reindexCommand: Command = {
  summary: '从资料库重建全文检索索引',
  usage,
  async run(argv) {
    const { values } = parse(argv, { ...libraryOption, json: { type: 'boolean' } }, usage);
    const store = await openForCli(values.library, !!values.json);
    const t0 = performance.now();
    const onProgress = indexProgress(false);
    // open() alone would reuse a sound index; reindex always rebuilds from the bodies.
    const engine = await SearchEngine.open(store, onProgress ? { onProgress } : {});
    await engine.reindex(onProgress);
    progressDone();
    const s = engine.stats();
    engine.close();
    const ms = Math.round(performance.now() - t0);
    if (values.json) printJson({ ...s, tookMs: ms });
    else process.stdout.write(`索引已重建：${s.versions} 个版本，${s.articles} 条，${(s.bytesOnDisk / 1e6).toFixed(1)} MB，用时 ${ms} ms\n`);
    return 0;
  },
};
