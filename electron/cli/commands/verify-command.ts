import { userInfo } from 'node:os';
import { displayTitle } from '../../shared/law-model';
import { verifyOcrVersion } from '../../core/library/ocr-verify';
import { type Command, UsageError, libraryOption, openForCli, parse, printJson } from '../cli-support';

const usage = 'lawdesk verify <版本id> [--by 核对人] [--library DIR] [--json]';

/** The login name when --by is not given: a script run by a person is still signed by someone. */
function loginName(): string {
  try {
    return userInfo().username;
  } catch {
    return '';
  }
}

export const verifyCommand: Command = {
  summary: '确认识别文本（OCR）已与原件核对（记下核对人和时间）',
  usage,
  async run(argv) {
    const { values, positionals } = parse(argv, { ...libraryOption, json: { type: 'boolean' }, by: { type: 'string' } }, usage);
    const [id] = positionals;
    if (!id) throw new UsageError(`请给出版本 id（lawdesk list --json 可查）\n用法：${usage}`);
    const by = values.by ?? loginName();
    if (!by.trim()) throw new UsageError(`请用 --by 写明核对人\n用法：${usage}`);
    const store = await openForCli(values.library, !!values.json);
    const v = await verifyOcrVersion(store, id, { by });
    if (values.json) printJson({ id: v.id, verified: v.verified, verifiedBy: v.verifiedBy, verifiedAt: v.verifiedAt });
    else process.stdout.write(`已核对 ${displayTitle(v)} ${v.id}：${v.verifiedBy}，${v.verifiedAt}\n`);
    return 0;
  },
};
