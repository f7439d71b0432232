// The 学法/普法活动 form's model (plain TS, no React): a new form's defaults, a record → values →
// input round trip the service accepts unchanged, and the field errors the form shows beside its
// fields — the record schema's own check (shared/record-form.ts), the same records:validate returns.
import dayjs from 'dayjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LIMITS } from '../../../electron/shared/limits';
import { lectureCitesOf, lectureFormErrors, lectureInputOf, lectureValuesOf, newLectureValues, type LectureValues } from '../../../renderer/src/features/records/lecture-form-model';
import { makeLibrary, type TestLibrary } from '../records/records-test-support';

let lib: TestLibrary;
beforeEach(async () => {
  lib = await makeLibrary();
});
afterEach(() => lib.cleanup());

describe('lecture form model', () => {
  it('a new form: 集体学法 today, no one counted yet; a topic is all it lacks', () => {
    const v = newLectureValues(dayjs('2021-03-01'));
    expect(v).toMatchObject({ kind: '集体学法', headCount: 0, materials: [], tags: [] });
    expect(v.date?.format('YYYY-MM-DD')).toBe('2021-03-01');
    expect(lectureFormErrors(v, [])).toEqual({ fields: [{ name: ['topic'], errors: ['请填写主题'] }], other: [] });
    expect(lectureFormErrors({ ...v, topic: '宪法宣传周' }, [])).toEqual({ fields: [], other: [] });
  });

  it('record → values → input is accepted by the service and changes nothing', async () => {
    const { record } = await lib.svc.createLecture({
      kind: '法律进企业',
      date: '2020-06-18',
      topic: '企业合规与行政许可',
      speaker: { name: '王律师', org: '淄博市某律师事务所' },
      location: '高新区会议室',
      headCount: 45,
      tags: ['营商环境'],
      materials: [{ name: '行政许可法宣传册', kind: '宣传册', copies: 60 }],
      citations: [{ law: '行政许可法', article: '第十二条' }],
    });
    const view = await lib.svc.getLecture(record.id);
    const input = lectureInputOf(lectureValuesOf(view), lectureCitesOf(view));
    expect(await lib.svc.validate('lecture', input, record.id)).toEqual({ errors: [], warnings: [], fields: [] });
    await lib.svc.updateLecture(record.id, input).catch(() => undefined); // "nothing to save"
    expect((await lib.svc.getLecture(record.id)).revision).toBe(record.revision);
  });

  it('each wrong field gets its Chinese error beside it, the same the service returns, and nothing is saved', async () => {
    const v: LectureValues = {
      ...newLectureValues(dayjs('2021-03-01')),
      topic: '   ',
      date: null,
      speakerOrg: '淄博市某律师事务所', // a 单位 without the speaker's name
      headCount: LIMITS.record.headCount + 1,
      materials: [{ name: '宣传册', kind: '宣传册', copies: 10 }, { name: '  ', copies: 5 }],
    };
    const errors = lectureFormErrors(v, []);
    expect(errors.other).toEqual([]);
    expect(Object.fromEntries(errors.fields.map((f) => [f.name.join('.'), f.errors.join('；')]))).toEqual({
      date: '请填写日期',
      topic: '请填写主题',
      speakerName: '请填写主讲人姓名',
      headCount: `不能大于 ${LIMITS.record.headCount}`,
      'materials.1.name': '请填写材料名称',
    });
    const input = lectureInputOf(v, []);
    const service = await lib.svc.validate('lecture', input);
    expect(service.fields.map((f) => [f.path.join('.'), f.message])).toEqual([
      ['date', '请填写日期'],
      ['topic', '请填写主题'],
      ['speaker.name', '请填写主讲人姓名'],
      ['headCount', `不能大于 ${LIMITS.record.headCount}`],
      ['materials.1.name', '请填写材料名称'],
    ]);
    expect(service.errors.length).toBeGreaterThan(0);
    await expect(lib.svc.createLecture(input)).rejects.toThrow(/学法活动填写有误/);
    expect(await lib.svc.listLectures()).toEqual([]);
  });

  it('a topic over the limit and a citation without a law are named; the latter above the form', () => {
    const v: LectureValues = { ...newLectureValues(dayjs('2021-03-01')), topic: '宪'.repeat(LIMITS.record.title + 1) };
    const errors = lectureFormErrors(v, [{ ref: { law: '' }, display: '' }]);
    expect(errors.fields).toEqual([{ name: ['topic'], errors: [`不能超过 ${LIMITS.record.title} 字`] }]);
    expect(errors.other).toHaveLength(1);
    expect(errors.other[0]).toMatch(/^引用条文 › 第1项/);
  });
});
