// 节假日与调休: the list review deadlines count working days with. A year shows the shipped
// arrangement (国务院办公厅's notice, from chinese-days) or the library's own, which replaces that
// whole year; editing a shipped year starts from a copy of it, and a year whose every holiday is
// deleted stays the library's own, set empty (only weekends count) until 恢复内置安排. Holidays are added one by one or
// imported from pasted text (the notice's lines or a date list, read by shared/holidays), every
// change is checked there before it may be saved, and the server checks the same on holidays:set.

import { Alert, Button, Card, Form, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { TabLeavingSelect } from '../../components/tab-leaving-select';
import { useMemo, useState } from 'react';
import { daysOf, holidayProblems, parseHolidayText, resetYears, setYears, setsYear, sortHolidays, type Holiday, type OwnHolidays } from '../../../../electron/shared/holidays';
import { client, errorMessage } from '../../api/client';
import { useCall } from '../../api/hooks';
import { ErrorState } from '../../components/common';
import { useNotify } from '../../components/notify';
import { officeYear } from '../../office-clock';

const offText = (h: Holiday) => (h.off[0] === h.off[1] ? h.off[0] : `${h.off[0]} 至 ${h.off[1]}`);
/** Dates typed into one field: set apart by spaces, commas or 、. */
const dateList = (s: string) => s.split(/[\s,，、;；]+/).map((d) => d.trim()).filter(Boolean);

export function HolidaysCard() {
  const res = useCall('holidays:get', {});
  const notify = useNotify();
  /** The library's own list as edited here; undefined = as stored. */
  const [draft, setDraft] = useState<OwnHolidays>();
  const [picked, setPicked] = useState<number>();
  const [adding, setAdding] = useState(false);
  const [importing, setImporting] = useState(false);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string>();
  const own = useMemo<OwnHolidays>(() => draft ?? { holidays: res.data?.own ?? [], emptyYears: res.data?.emptyYears ?? [] }, [draft, res.data]);
  const official = useMemo(() => res.data?.official.holidays ?? [], [res.data]);
  // next year too: its notice comes out in the autumn, before chinese-days has it, and may be typed in by hand
  const years = useMemo(
    () => [...new Set([...[...official, ...own.holidays].map((h) => h.year), ...own.emptyYears]).add(officeYear()).add(officeYear() + 1)].sort((a, b) => b - a),
    [official, own],
  );
  const year = picked ?? officeYear();
  const custom = setsYear(own, year);
  const shown = sortHolidays((custom ? own.holidays : official).filter((h) => h.year === year));
  const problems = useMemo(() => holidayProblems(own.holidays, own.emptyYears), [own]);
  const noneText = `${year} 年${custom ? '设为' : ''}没有节假日和调休：只按周末计算`;

  if (res.error) return <Card size="small" title="节假日与调休"><ErrorState message={res.error} onRetry={res.reload} /></Card>;
  /** The year's list changed to `next` (a shipped year becomes the library's own; an empty one stays set, empty). */
  const changeYear = (next: Holiday[]) => {
    setSaveError(undefined);
    setDraft(setYears(own, [year], next));
  };
  const save = async () => {
    setSaving(true);
    setSaveError(undefined);
    try {
      await client.call('holidays:set', own);
      setDraft(undefined);
      res.reload();
      notify.ok('节假日与调休已保存，审查期限按新的安排计算');
    } catch (e) {
      setSaveError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card size="small" title="节假日与调休" data-testid="holidays-card">
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        审查期限（最早届满、单位确定的期限）按工作日计算：周末不算，法定节假日不算，调休上班日算。内置安排来自国务院办公厅每年的节假日安排通知；新一年的通知发布后可在这里导入，或改正某一年的安排（改过的年份整年以本资料库的为准）。
      </Typography.Paragraph>
      {res.data?.warning && <Alert type="warning" showIcon title={res.data.warning} description="本资料库的节假日表暂不使用，期限按内置安排计算；在这里保存会以新表替换它。" style={{ marginBottom: 8 }} data-testid="holidays-warning" />}
      <Space wrap style={{ marginBottom: 8 }}>
        <span id="holidays-year-label">年份</span>
        <TabLeavingSelect aria-labelledby="holidays-year-label" value={year} onChange={(y) => setPicked(y)} options={years.map((y) => ({ value: y, label: `${y} 年` }))} style={{ width: 110 }} data-testid="holidays-year" />
        <Tag color={custom ? 'blue' : shown.length ? 'default' : 'orange'} data-testid="holidays-source">
          {custom ? (shown.length ? '本资料库自定' : '本资料库自定：这一年没有节假日') : shown.length ? '内置安排' : '没有这一年的安排：只按周末计算'}
        </Tag>
        <Button size="small" onClick={() => setAdding(true)} data-testid="holidays-add">
          添加假日
        </Button>
        <Button size="small" onClick={() => setImporting(true)} data-testid="holidays-import">
          导入通知或日期表…
        </Button>
        {shown.length > 0 && (
          <Button size="small" onClick={() => changeYear([])} data-testid="holidays-none">
            设为本年没有节假日
          </Button>
        )}
        {custom && (
          <Button size="small" onClick={() => (setSaveError(undefined), setDraft(resetYears(own, [year])))} data-testid="holidays-reset">
            恢复内置安排
          </Button>
        )}
      </Space>
      <Table<Holiday>
        size="small"
        pagination={false}
        rowKey={(h) => `${h.name}|${h.off[0]}`}
        dataSource={shown}
        locale={{ emptyText: noneText }}
        data-testid="holidays-table"
        columns={[
          { title: '假日', dataIndex: 'name', width: 150 },
          { title: '放假', key: 'off', render: (_, h) => `${offText(h)}（${daysOf(h).length} 天）` },
          { title: '调休上班', key: 'work', render: (_, h) => h.work.join('、') || '—' },
          {
            title: '',
            key: 'remove',
            width: 64,
            render: (_, h) => (
              <Button size="small" type="link" danger aria-label={`删除${h.name}`} onClick={() => changeYear(shown.filter((x) => x !== h))}>
                删除
              </Button>
            ),
          },
        ]}
      />
      {problems.length > 0 && (
        <Alert
          type="error"
          showIcon
          title="这份安排有误，改正后才能保存："
          description={<ul style={{ margin: 0, paddingInlineStart: 20 }}>{problems.map((p) => <li key={p}>{p}</li>)}</ul>}
          style={{ marginTop: 8 }}
          data-testid="holidays-problems"
        />
      )}
      {saveError && <Alert type="error" showIcon title="未保存" description={saveError} style={{ marginTop: 8 }} data-testid="holidays-save-error" />}
      {draft && (
        <Space style={{ marginTop: 8 }}>
          <Button type="primary" size="small" loading={saving} disabled={problems.length > 0} onClick={() => void save()} data-testid="holidays-save">
            保存节假日安排
          </Button>
          <Button size="small" onClick={() => (setDraft(undefined), setSaveError(undefined))} data-testid="holidays-discard">
            放弃修改
          </Button>
          <Typography.Text type="warning">有尚未保存的修改</Typography.Text>
        </Space>
      )}
      <AddHoliday open={adding} year={year} onClose={() => setAdding(false)} yearList={shown} onAdd={(h) => (changeYear([...shown, h]), setAdding(false))} />
      <ImportHolidays
        open={importing}
        year={year}
        onClose={() => setImporting(false)}
        onImport={(parsed) => {
          setSaveError(undefined);
          setDraft(setYears(own, parsed.years, parsed.holidays));
          setPicked(parsed.years[0]);
          setImporting(false);
        }}
      />
    </Card>
  );
}

interface AddValues {
  name?: string;
  from?: string;
  to?: string;
  work?: string;
}

/** One holiday typed in: name, first and last day off, the 调休 days; refused with the reason when the year would be wrong. */
function AddHoliday({ open, year, yearList, onClose, onAdd }: { open: boolean; year: number; yearList: Holiday[]; onClose: () => void; onAdd: (h: Holiday) => void }) {
  const [form] = Form.useForm<AddValues>();
  const [problems, setProblems] = useState<string[]>([]);
  const submit = (v: AddValues) => {
    const from = (v.from ?? '').trim();
    const h: Holiday = { year, name: (v.name ?? '').trim(), off: [from, (v.to ?? '').trim() || from], work: dateList(v.work ?? ''), basis: '设置中添加' };
    const found = !h.name ? ['请填写假日名称'] : !/^\d{4}-\d{2}-\d{2}$/.test(from) ? ['放假第一天应为 YYYY-MM-DD，如 2026-10-01'] : holidayProblems([...yearList, h]);
    setProblems(found);
    if (found.length) return;
    form.resetFields();
    onAdd(h);
  };
  return (
    <Modal open={open} title={`添加 ${year} 年的假日`} onCancel={onClose} onOk={() => form.submit()} okText="添加" cancelText="取消" destroyOnHidden afterOpenChange={(o) => !o && setProblems([])}>
      <Form form={form} layout="vertical" onFinish={submit} data-testid="holidays-add-form">
        <Form.Item name="name" label="假日名称">
          <Input placeholder="如：国庆节、中秋节" maxLength={40} autoFocus data-testid="holidays-add-name" />
        </Form.Item>
        <Space wrap>
          <Form.Item name="from" label="放假第一天">
            <Input placeholder="YYYY-MM-DD" style={{ width: 150 }} data-testid="holidays-add-from" />
          </Form.Item>
          <Form.Item name="to" label="放假最后一天（一天假可不填）">
            <Input placeholder="YYYY-MM-DD" style={{ width: 150 }} data-testid="holidays-add-to" />
          </Form.Item>
        </Space>
        <Form.Item name="work" label="调休上班日（周末上班的日子，用空格或顿号分开）">
          <Input placeholder="如：2026-09-27、2026-10-10" data-testid="holidays-add-work" />
        </Form.Item>
        {/* Enter in any field adds, as the 添加 button does. */}
        <button type="submit" hidden />
      </Form>
      {problems.length > 0 && <Alert type="error" showIcon title="不能添加：" description={<ul style={{ margin: 0, paddingInlineStart: 20 }}>{problems.map((p) => <li key={p}>{p}</li>)}</ul>} data-testid="holidays-add-problems" />}
    </Modal>
  );
}

/** Pasted text (the notice or a date list) read as it is typed; imported only when it reads with no problem. */
function ImportHolidays({ open, year, onClose, onImport }: { open: boolean; year: number; onClose: () => void; onImport: (p: ReturnType<typeof parseHolidayText>) => void }) {
  const [text, setText] = useState('');
  const parsed = useMemo(() => (text.trim() ? parseHolidayText(text, year) : undefined), [text, year]);
  const nothing = parsed && !parsed.holidays.length && !parsed.problems.length;
  const ok = parsed && parsed.holidays.length > 0 && parsed.problems.length === 0;
  return (
    <Modal
      open={open}
      title="导入节假日安排"
      onCancel={onClose}
      onOk={() => ok && (onImport(parsed), setText(''))}
      okText={ok ? `导入 ${parsed.years.join('、')} 年（替换该年原有安排）` : '导入'}
      okButtonProps={{ disabled: !ok, ...({ 'data-testid': 'holidays-import-ok' } as Record<string, string>) }}
      cancelText="取消"
      width={720}
    >
      <Typography.Paragraph type="secondary">
        粘贴国务院办公厅节假日安排通知的正文（“一、元旦：1月1日放假1天……”，通知未写年份时按 {year} 年），或每行一个日期的表：“2026-10-01 至 2026-10-08 国庆节”“2026-09-27 上班 国庆节”。
      </Typography.Paragraph>
      <Input.TextArea value={text} onChange={(e) => setText(e.target.value)} autoSize={{ minRows: 6, maxRows: 14 }} aria-label="通知正文或日期表" autoFocus data-testid="holidays-import-text" />
      {nothing && <Alert type="warning" showIcon title="没有读到任何假日：请粘贴通知中“一、元旦：1月1日放假……”这样的条目，或每行一个日期" style={{ marginTop: 8 }} />}
      {parsed && parsed.problems.length > 0 && (
        <Alert type="error" showIcon title="有误，不能导入：" description={<ul style={{ margin: 0, paddingInlineStart: 20 }}>{parsed.problems.map((p) => <li key={p}>{p}</li>)}</ul>} style={{ marginTop: 8 }} data-testid="holidays-import-problems" />
      )}
      {parsed && parsed.holidays.length > 0 && (
        <Table<Holiday>
          size="small"
          pagination={false}
          style={{ marginTop: 8 }}
          rowKey={(h) => `${h.name}|${h.off[0]}`}
          dataSource={parsed.holidays}
          data-testid="holidays-import-preview"
          columns={[
            { title: '年份', dataIndex: 'year', width: 70 },
            { title: '假日', dataIndex: 'name', width: 140 },
            { title: '放假', key: 'off', render: (_, h) => `${offText(h)}（${daysOf(h).length} 天）` },
            { title: '调休上班', key: 'work', render: (_, h) => h.work.join('、') || '—' },
          ]}
        />
      )}
    </Modal>
  );
}
