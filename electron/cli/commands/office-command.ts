// `lawdesk office`: the office profile kept in the library (unit, region, legal adviser), which
// the yearly report and the register use; without options it shows the profile. As in the app's
// 设置, the starter rules of the office's place the library lacks, and other places' still as
// shipped, are offered (printed), and added or removed only when asked (--starter-add/--starter-remove).

import { starterLawsDir } from '../../core/library/open-library';
import { applyStarterOffer, readStarterSet, starterOffer } from '../../core/library/starter-laws';
import { readOffice, writeOffice } from '../../core/office/office-file';
import { officeRegion } from '../../core/office/office-region';
import { type Command, UsageError, libraryOption, openForCli, parse, printJson } from '../cli-support';

const usage = 'lawdesk office [--unit 单位] [--region 地区] [--adviser 姓名 [--adviser-org 单位] | --no-adviser] [--review-prefix 意见书代字] [--printed-by 印发机关] [--cc 抄送机关，…] | --no-imprint] [--starter-add] [--starter-remove] [--json]';

export const officeCommand: Command = {
  summary: '单位信息：单位名称、所在地区、法律顾问、意见书代字（年度报告、规范性文件登记、审查意见书使用）',
  usage,
  async run(argv) {
    const { values } = parse(argv, { ...libraryOption, json: { type: 'boolean' }, unit: { type: 'string' }, region: { type: 'string' }, adviser: { type: 'string' }, 'adviser-org': { type: 'string' }, 'no-adviser': { type: 'boolean' }, 'review-prefix': { type: 'string' }, 'printed-by': { type: 'string' }, cc: { type: 'string' }, 'no-imprint': { type: 'boolean' }, 'starter-add': { type: 'boolean' }, 'starter-remove': { type: 'boolean' } }, usage);
    if (values['adviser-org'] && !values.adviser) throw new UsageError(`--adviser-org 需要与 --adviser 一起给出\n用法：${usage}`);
    const store = await openForCli(values.library, !!values.json);
    const stored = readOffice(store.dir).profile;
    // 版记 of the yearly report: --printed-by and --cc change one part and keep the other; --cc "" clears the 抄送.
    const imprintChange = values['printed-by'] !== undefined || values.cc !== undefined;
    const imprint = imprintChange
      ? {
          printedBy: (values['printed-by'] ?? stored.imprint?.printedBy ?? '').trim(),
          copyTo: values.cc !== undefined ? values.cc.split(/[，,、;；\n]+/).map((n) => n.trim()).filter(Boolean) : (stored.imprint?.copyTo ?? []),
        }
      : undefined;
    const change = values.unit !== undefined || values.region !== undefined || values.adviser !== undefined || values['no-adviser'] || values['review-prefix'] !== undefined || imprintChange || values['no-imprint'];
    const profile = change
      ? await writeOffice(store, {
          ...(values.unit !== undefined ? { unit: values.unit } : {}),
          ...(values.region !== undefined ? { region: values.region } : {}),
          ...(values['review-prefix'] !== undefined ? { reviewPrefix: values['review-prefix'] } : {}),
          ...(values['no-imprint'] ? { imprint: null } : imprint ? (imprint.printedBy || imprint.copyTo.length ? { imprint: { ...(imprint.printedBy ? { printedBy: imprint.printedBy } : {}), copyTo: imprint.copyTo } } : { imprint: null }) : {}),
          ...(values.adviser ? { adviser: { name: values.adviser, ...(values['adviser-org'] ? { org: values['adviser-org'] } : {}) } } : values['no-adviser'] ? { adviser: null } : {}),
        })
      : stored;
    const asked = { add: !!values['starter-add'], remove: !!values['starter-remove'] };
    const done = asked.add || asked.remove ? await applyStarterOffer(store, starterLawsDir(), officeRegion(profile).region, asked) : undefined;
    const offer = starterOffer(store, readStarterSet(starterLawsDir()), officeRegion(profile).region);
    if (values.json) {
      printJson({ ...profile, starterOffer: { add: offer.add, remove: offer.remove.map(({ title, region }) => ({ title, region })) }, ...(done ? { starterDone: done } : {}) });
      return 0;
    }
    process.stdout.write(`单位：${profile.unit || '（未填写）'}\n地区：${profile.region || '（未填写）'}\n法律顾问：${profile.adviser ? `${profile.adviser.name}${profile.adviser.org ? `（${profile.adviser.org}）` : ''}` : '（未填写）'}\n意见书代字：${profile.reviewPrefix || '（未填写）'}\n版记（年度报告）：${profile.imprint ? `抄送：${profile.imprint.copyTo.join('，') || '（无）'}；印发机关：${profile.imprint.printedBy || profile.unit || '（单位名称）'}` : '（不印）'}\n`);
    if (done) process.stdout.write(`入门法规：已加入 ${done.added} 件，已移除 ${done.removed} 部\n`);
    const names = (xs: { title: string }[]) => xs.map((x) => `《${x.title}》`).join('');
    if (offer.add.length) process.stdout.write(`本地区的入门法规库中还没有 ${offer.add.length} 部：${names(offer.add)}（加入：lawdesk office --starter-add）\n`);
    if (offer.remove.length) process.stdout.write(`库中有其他地区的入门法规 ${offer.remove.length} 部：${names(offer.remove)}（移除：lawdesk office --starter-remove；自己导入或改过的不在其列）\n`);
    return 0;
  },
};
