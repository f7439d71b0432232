// A records.json edited by hand with one bad record in it: the good records open, the bad one is
// set aside and named with its reason (never dropped: it stays in the file until the next write or
// `check --repair`, which move it whole to quarantine/). Stored text is judged on read by the same
// rules as typed text (control characters, direction overrides, a year 0000); text copied from a
// law (a citation's snapshot) is stored as the law reads.
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { AppService } from '../../../electron/core/api/app-service';
import { MemorySettingsStore } from '../../../electron/core/api/settings-file';
import { checkIntegrity } from '../../../electron/core/bundles/integrity-repair';
import { openLibrary } from '../../../electron/core/library/open-library';
import { RecordsService } from '../../../electron/core/records/records-service';
import { RegisterService } from '../../../electron/core/register/register-service';
import { setAsideSummary } from '../../../electron/shared/library-health';
import { makeLibrary, tmp } from '../bundles/bundle-helpers';

const work = tmp('lawdesk-set-aside-');
afterAll(() => rmSync(work, { recursive: true, force: true }));

type Entries = Record<string, Record<string, unknown>>;
type Json = { reviews: Entries; lectures: Entries; register: Entries } & Record<string, Entries>;
let dir: string;
let reviewIds: string[];
let lectureIds: string[];
let registerId: string;
/** records.json as it was after setup. */
let pristine: string;

beforeAll(async () => {
  dir = join(work, 'lib');
  const made = await makeLibrary(dir, { records: true });
  const reg = await RegisterService.open(made.service!);
  registerId = (await reg.add({ title: '高青县科学技术局关于科技项目管理的规定', draftingUnit: '办公室', published: '2020-03-01' }, { by: '测试' })).entry.id;
  reviewIds = (await made.service!.listReviews()).map((r) => r.id);
  lectureIds = (await made.service!.listLectures()).map((l) => l.id);
  expect(reviewIds.length).toBeGreaterThanOrEqual(3);
  expect(lectureIds.length).toBeGreaterThanOrEqual(2);
  pristine = readFileSync(join(dir, 'records.json'), 'utf8');
}, 120_000);

/** records.json edited as a person with a text editor would: one change per bad record. */
function handEdit(): { bad: string[]; before: Buffer } {
  const path = join(dir, 'records.json');
  const doc = JSON.parse(pristine) as Json;
  const [r1, r2, r3] = reviewIds as [string, string, string];
  const [l1] = lectureIds as [string];
  doc.reviews[r1]!.receivedDate = '2020-13-45'; // no such day
  doc.reviews[r2]!.title = '\u001b[2J审查'; // a terminal escape, stored before the typed-text rule existed
  doc.reviews[r3]!.status = '已作废'; // a status no version had
  doc.lectures[l1]!.topic = '\u200b\u200b\u3164'; // looks empty
  doc.register[registerId]!.published = '0000-01-01';
  writeFileSync(path, JSON.stringify(doc, null, 2));
  return { bad: [r1, r2, r3, l1, registerId], before: readFileSync(path) };
}

describe('a hand-edited records.json with bad records', () => {
  it('opens the good records, names each bad one with its reason, and changes nothing on read', async () => {
    const { bad, before } = handEdit();
    const { store: s } = await openLibrary({ dir, seed: false });
    const svc = await RecordsService.open(s, { actor: '测试' });
    const reviews = (await svc.listReviews()).map((r) => r.id);
    expect(reviews).toEqual(reviewIds.filter((id) => !bad.includes(id)));
    expect((await svc.listLectures()).map((l) => l.id)).toEqual(lectureIds.slice(1));
    expect((await (await RegisterService.open(svc)).list()).map((e) => e.id)).not.toContain(registerId);
    const notes = svc.setAsideNotes();
    expect(notes).toHaveLength(5);
    expect(notes.find((n) => n.includes(reviewIds[0]!))).toMatch(/records\.json 中的审查记录 R\S+ 无法读取（“收件日期[^”]*”不是有效日期.*已暂时搁置，其余记录照常打开；原样保留在文件中，下次保存时移入 quarantine\/（运行 lawdesk check --repair 可立即移入）/);
    expect(notes.find((n) => n.includes(reviewIds[1]!))).toMatch(/标题：含有不可见的控制字符 U\+001B/);
    expect(notes.find((n) => n.includes(reviewIds[2]!))).toMatch(/状态.*应为 收件 \/ 审查中 \/ 已出具意见 \/ 已归档 之一/);
    expect(notes.find((n) => n.includes(lectureIds[0]!))).toMatch(/学法活动 \S+ 无法读取（“主题[^”]*”不能为空/);
    expect(notes.find((n) => n.includes(registerId))).toMatch(/规范性文件登记 \S+ 无法读取（.*日期 0000-01-01 的年份不在 1900–2200 年之间/);
    expect(readFileSync(join(dir, 'records.json')).equals(before)).toBe(true);
    // The app says it where it says the library's state (the header and 设置 → 资料库), apart from
    // the catalogue's repairs — and not by reading records.json in the window's first
    // library:info: the records are opened a moment after start, and library:health then asks again.
    const events: string[] = [];
    const app = new AppService({
      store: s,
      settings: new MemorySettingsStore(),
      search: false,
      face: 'browser',
      exportDir: join(work, 'exports'),
      stagingRoot: join(work, 'staging'),
      recordsWarmupDelayMs: 50,
      emit: (e) => void events.push(e),
    });
    try {
      const first = await app.call('library:info', {});
      expect(first.setAside).toBeUndefined();
      expect(first.repairs).toBeUndefined();
      await vi.waitFor(() => expect(events).toContain('library:health'), { timeout: 10_000 });
      const info = await app.call('library:info', {});
      expect(info.repairs).toBeUndefined(); // the catalogue is intact
      expect(info.setAside).toEqual({ count: 5, keptIn: 'records.json', notes });
    } finally {
      app.close();
    }
    // `check` lists them; the file is still untouched.
    const seen = await checkIntegrity(s);
    expect(seen.problems.filter((p) => p.area === 'records' && p.problem.includes('已暂时搁置'))).toHaveLength(5);
    expect(readFileSync(join(dir, 'records.json')).equals(before)).toBe(true);
  }, 60_000);

  it('the next save keeps the bad records whole in quarantine/ before records.json is written without them', async () => {
    const { bad, before } = handEdit();
    const { store: s } = await openLibrary({ dir, seed: false });
    const svc = await RecordsService.open(s, { actor: '测试' });
    const { record } = await svc.createReview({ type: '合同', title: '保存时移入隔离区', leadUnit: '办公室', receivedDate: '2020-06-01' });
    const kept = readdirSync(join(dir, 'quarantine')).filter((n) => n.endsWith('-records-set-aside.json'));
    expect(kept).toHaveLength(1);
    const q = JSON.parse(readFileSync(join(dir, 'quarantine', kept[0]!), 'utf8')) as { entries: { collection: string; key: string; reasons: string[]; entry: unknown }[] };
    expect(q.entries.map((e) => e.key).sort()).toEqual([...bad].sort());
    const original = JSON.parse(before.toString('utf8')) as Json;
    for (const e of q.entries) expect(e.entry).toEqual(original[e.collection]![e.key]); // as read, byte for byte in JSON
    expect(svc.setAsideNotes().every((n) => n.includes(`原样保存在 quarantine/${kept[0]}`))).toBe(true);
    expect(svc.setAsideState()).toEqual({ count: bad.length, keptIn: `quarantine/${kept[0]}` });
    expect(setAsideSummary(svc.setAsideState()!)).toBe(`资料库目录完好；records.json 中有 5 条记录无法读取，已搁置到 quarantine/${kept[0]}，其余记录照常打开`);
    // A fresh open: clean, the good records and the new one all there.
    const again = await RecordsService.open((await openLibrary({ dir, seed: false })).store, { actor: '测试' });
    expect(again.setAsideNotes()).toEqual([]);
    expect((await again.listReviews()).map((r) => r.id).sort()).toEqual([...reviewIds.filter((id) => !bad.includes(id)), record.id].sort());
    rmSync(join(dir, 'quarantine'), { recursive: true });
  }, 60_000);

  it('check --repair moves them to quarantine/ and leaves the good records as they were', async () => {
    const { bad } = handEdit();
    const { store: s } = await openLibrary({ dir, seed: false });
    const report = await checkIntegrity(s, { repair: true });
    const setAside = report.problems.filter((p) => p.problem.includes('已暂时搁置'));
    expect(setAside).toHaveLength(bad.length);
    for (const p of setAside) expect(p.repaired).toMatch(/^已移入 quarantine\/\S+-records-set-aside\.json（原样保存/);
    expect(setAside.every((p) => !p.unrepairable)).toBe(true);
    const after = await RecordsService.open((await openLibrary({ dir, seed: false })).store, { actor: '测试' });
    expect(after.setAsideNotes()).toEqual([]);
    expect((await checkIntegrity(s)).problems.filter((p) => p.area === 'records' && p.file === 'records.json')).toEqual([]);
    expect(existsSync(join(dir, 'records.json'))).toBe(true);
  }, 60_000);

  it('text copied from a law into a citation is not judged as typed text', async () => {
    const path = join(dir, 'records.json');
    const doc = JSON.parse(readFileSync(path, 'utf8')) as Json;
    const cited = (r: Record<string, unknown>) => [r.citations, ...Object.values((r.findings ?? {}) as Record<string, { citations: unknown[] }>).map((f) => f.citations)].flat() as Record<string, unknown>[];
    const withCitation = Object.values(doc.lectures).find((r) => cited(r).length > 0)!;
    const c = cited(withCitation)[0]!;
    c.textSnapshot = `${String(c.textSnapshot)}\u202e`;
    writeFileSync(path, JSON.stringify(doc));
    const svc = await RecordsService.open((await openLibrary({ dir, seed: false })).store, { actor: '测试' });
    expect(svc.setAsideNotes()).toEqual([]);
    expect((await svc.listLectures()).map((l) => l.id)).toContain(withCitation.id);
  }, 60_000);
});
