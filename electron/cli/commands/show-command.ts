import { DomainError } from '../../shared/errors';
import { citationOf } from '../../shared/citation';
import { displayTitle, isUnverifiedOcr, OCR_UNVERIFIED_LABEL, textSourceOf, type Article } from '../../shared/law-model';
import { findOneLaw, parseArticleRef, pickVersion } from '../../core/library/law-lookup';
import { type Command, UsageError, libraryOption, openForCli, parse, printJson } from '../cli-support';

const usage = 'lawdesk show <标题|id> [第十二条|12|12之一] [--version 日期] [--library DIR] [--json]';

function unitJson(u: Article, ocr: boolean) {
  const base = { number: u.number, suffix: u.suffix, key: u.key, kind: u.kind, label: u.label, path: u.path, text: u.text, paragraphs: u.paragraphs };
  // OCR text: the offsets (in text) of low-confidence characters, [] when there are none, and
  // where on the scan the article was read (absent for versions imported before it was recorded).
  return ocr ? { ...base, suspects: u.suspects ?? [], ...(u.ocrRegions ? { ocrRegions: u.ocrRegions } : {}), ...(u.ocrLabel ? { ocrLabel: u.ocrLabel } : {}) } : base;
}

export const showCommand: Command = {
  summary: '显示一部法规或其中一条',
  usage,
  async run(argv) {
    const { values, positionals } = parse(
      argv,
      { ...libraryOption, json: { type: 'boolean' }, version: { type: 'string' } },
      usage,
    );
    const [query, articleText] = positionals;
    if (!query) throw new UsageError(`请给出法规标题或 id\n用法：${usage}`);
    const store = await openForCli(values.library, !!values.json);
    const law = findOneLaw(store, query);
    const meta = pickVersion(store, law, values.version);
    if (!meta) {
      throw new DomainError('NOT_FOUND', `《${law.title}》没有 ${values.version} 的版本；现有：${law.versionIds.join('、')}`);
    }
    const version = store.loadVersion(meta.id);
    let units = version.units;
    if (articleText) {
      const ref = parseArticleRef(articleText);
      if (!ref) throw new UsageError(`看不懂条文号“${articleText}”：请写 第十二条、12 或 12之一`);
      units = units.filter((u) => u.kind === 'article' && u.number === ref.number && u.suffix === ref.suffix);
      if (units.length === 0) {
        throw new DomainError('NOT_FOUND', `《${displayTitle(version)}》（${meta.id}）中没有${articleText}`);
      }
    }
    const { units: _u, ...metaOut } = version;
    if (values.json) {
      const textSource = textSourceOf(version);
      const ocr = textSource === 'ocr';
      printJson({ ...metaOut, textSource, ...(ocr ? { verified: version.verified === true } : {}), versions: law.versionIds, articles: units.map((u) => unitJson(u, ocr)) });
      return 0;
    }
    const out = process.stdout;
    out.write(`${version.title}${version.subtitle ? ' ' + version.subtitle : ''}\n`);
    if (isUnverifiedOcr(version)) out.write(`${OCR_UNVERIFIED_LABEL}：本文由扫描件识别，请对照原件核对\n`);
    if (version.libraryMatch) {
      const m = version.libraryMatch;
      out.write(`${m.sameDate ? '库中已有同一日期的文本版本' : '库中已有此法规的其他版本'}：${m.versionId}${m.decision ? `；${m.decision.by}选择「保留扫描件」` : '；请在核对页选择「使用库中文本」或「保留扫描件」'}\n`);
    }
    out.write(
      `${version.level} · ${version.region} · ${version.status}${version.published ? ' · 公布 ' + version.published : ''}${version.effective ? ' · 施行 ' + version.effective : ''}${version.issuer ? ' · ' + version.issuer : ''}${version.docNumber ? ' · ' + version.docNumber : ''}\n`,
    );
    if (law.versionIds.length > 1) out.write(`版本：${law.versionIds.map((id) => id.split('@')[1]).join('、')}\n`);
    out.write('\n');
    let lastPath = '';
    for (const u of units) {
      const p = u.path.join(' / ');
      if (p !== lastPath && p) out.write(`【${p}】\n`);
      lastPath = p;
      out.write(`${u.label} ${u.text}\n\n`);
    }
    if (articleText && units[0]) out.write(`引用：${citationOf(version, units[0].label)}\n`);
    return 0;
  },
};
