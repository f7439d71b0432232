// 单位信息: the unit's name, its region, the legal adviser, the 意见书代字 and the time zone, kept in the library;
// the yearly report and the 规范性文件 register use them, the zone decides what "today" is.

import { Alert, Button, Card, Form, Input, Popconfirm, Space } from 'antd';
import { TabLeavingSelect } from '../../components/tab-leaving-select';
import { useEffect, useState } from 'react';
import type { OfficeProfile } from '../../../../electron/shared/office-profile';
import { client, errorMessage } from '../../api/client';
import { useCall } from '../../api/hooks';
import { setOfficeTimeZone } from '../../office-clock';
import { useNotify } from '../../components/notify';

/** Zones a Chinese office may keep; the service accepts any IANA name (and refuses others). */
const TIME_ZONES = [
  { value: 'Asia/Shanghai', label: '北京时间（Asia/Shanghai）' },
  { value: 'Asia/Urumqi', label: '乌鲁木齐时间（Asia/Urumqi）' },
  { value: 'Asia/Hong_Kong', label: '香港时间（Asia/Hong_Kong）' },
  { value: 'Asia/Macau', label: '澳门时间（Asia/Macau）' },
  { value: 'Asia/Taipei', label: '台北时间（Asia/Taipei）' },
  { value: 'UTC', label: '协调世界时（UTC）' },
];

interface Values {
  unit: string;
  region: string;
  adviserName?: string;
  adviserOrg?: string;
  reviewPrefix?: string;
  /** 版记 of the yearly report: 印发机关, and the 抄送机关 one a line (or set apart by ，、). */
  printedBy?: string;
  copyTo?: string;
  timeZone: string;
}

/** The 抄送机关 as typed: one a line, or set apart by ，、；. */
const copyToList = (s: string | undefined) => (s ?? '').split(/[\n，,、；;]+/).map((n) => n.trim().replace(/。$/, '')).filter(Boolean);

/**
 * The starter rules of the office's place the library lacks, and other places' it holds as shipped:
 * offered after the region is set or changed, added or removed only when the user says so.
 */
function StarterOffer({ saved }: { saved: number }) {
  const res = useCall('office:starter', {}, saved);
  const notify = useNotify();
  const [busy, setBusy] = useState<'add' | 'remove'>();
  const [error, setError] = useState<string>();
  const o = res.data;
  if (!o || (!o.add.length && !o.remove.length)) return null;
  const names = (xs: { title: string }[]) => xs.slice(0, 3).map((x) => `《${x.title}》`).join('') + (xs.length > 3 ? '等' : '');
  const apply = async (what: 'add' | 'remove') => {
    setBusy(what);
    setError(undefined);
    try {
      const r = await client.call('office:starterApply', { [what]: true });
      notify.ok(what === 'add' ? `已加入 ${r.added} 部本地区的起步法规` : `已移除 ${r.removed} 个其他地区的起步法规版本`);
      res.reload();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(undefined);
    }
  };
  return (
    <div data-testid="starter-offer" style={{ marginTop: 8 }}>
      {o.add.length > 0 && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 8 }}
          data-testid="starter-add"
          message={`软件自带的起步法规中，有本单位所在地区（${o.region}）的地方法规 ${o.add.length} 部尚未加入资料库：${names(o.add)}`}
          action={
            <Button size="small" loading={busy === 'add'} disabled={!!busy} onClick={() => void apply('add')}>
              加入这 {o.add.length} 部
            </Button>
          }
        />
      )}
      {o.remove.length > 0 && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 8 }}
          data-testid="starter-remove"
          message={`资料库中有其他地区的起步法规 ${o.remove.length} 部，不属于本单位所在地区${o.region ? `（${o.region}）` : ''}：${names(o.remove)}。可以保留；移除的只是软件自带、未经改动的版本`}
          action={
            <Popconfirm title={`从资料库移除这 ${o.remove.length} 部其他地区的起步法规？`} okText="移除" cancelText="保留" onConfirm={() => void apply('remove')}>
              <Button size="small" loading={busy === 'remove'} disabled={!!busy}>
                移除这 {o.remove.length} 部
              </Button>
            </Popconfirm>
          }
        />
      )}
      {error && <Alert type="error" showIcon message={error} />}
    </div>
  );
}

export function OfficeCard() {
  const res = useCall('office:get', {});
  // counts the saves, so the starter offer is asked again for the region just saved
  const [saves, setSaves] = useState(0);
  const notify = useNotify();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string>();
  // Each answer (the first, and a later one when useCall asks again after a library change) fills
  // only the fields the user has not typed in: an answer that lands after they started typing (it
  // is drawn as a transition, so it can) must not wipe what they wrote.
  useEffect(() => {
    const p: OfficeProfile | undefined = res.data;
    if (!p) return;
    const stored: Values = { unit: p.unit, region: p.region, adviserName: p.adviser?.name ?? '', adviserOrg: p.adviser?.org ?? '', reviewPrefix: p.reviewPrefix ?? '', printedBy: p.imprint?.printedBy ?? '', copyTo: (p.imprint?.copyTo ?? []).join('\n'), timeZone: p.timeZone };
    form.setFieldsValue(Object.fromEntries(Object.entries(stored).filter(([name]) => !form.isFieldTouched(name as keyof Values))));
  }, [res.data, form]);
  const save = async () => {
    const v = form.getFieldsValue();
    setError(undefined);
    try {
      const name = v.adviserName?.trim();
      const saved = await client.call('office:set', {
        unit: v.unit ?? '',
        region: v.region ?? '',
        adviser: name ? { name, ...(v.adviserOrg?.trim() ? { org: v.adviserOrg.trim() } : {}) } : null,
        reviewPrefix: v.reviewPrefix ?? '',
        imprint: v.printedBy?.trim() || copyToList(v.copyTo).length ? { ...(v.printedBy?.trim() ? { printedBy: v.printedBy.trim() } : {}), copyTo: copyToList(v.copyTo) } : null,
        ...(v.timeZone ? { timeZone: v.timeZone } : {}),
      });
      setOfficeTimeZone(saved.timeZone);
      setSaves((n) => n + 1);
      notify.ok('单位信息已保存');
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    // Widths hold the longer real names whole (新疆维吾尔自治区·伊犁哈萨克自治州·察布查尔锡伯自治县, 26 characters):
    // a region cut at 四川·绵阳·北川羌族自治 (200 px) could not be checked before saving.
    <Card size="small" title="单位信息" data-testid="office-card">
      <Form form={form} layout="vertical" onFinish={() => void save()}>
        <Space wrap>
          <Form.Item name="unit" label="单位名称">
            <Input placeholder="如：××县科学技术局" style={{ width: 320 }} />
          </Form.Item>
          <Form.Item name="region" label="所在地区" tooltip="本单位规范性文件的适用地区，省·市·县，如 山东·淄博·高青县">
            <Input placeholder="省·市·县" style={{ width: 420 }} />
          </Form.Item>
          <Form.Item name="adviserName" label="法律顾问">
            <Input style={{ width: 120 }} />
          </Form.Item>
          <Form.Item name="adviserOrg" label="法律顾问单位">
            <Input style={{ width: 280 }} />
          </Form.Item>
          <Form.Item
            name="reviewPrefix"
            label="意见书代字"
            tooltip="合法性审查意见书文号的机关代字，如 高科审 → 高科审〔2026〕3号；不填时意见书不写文号"
            rules={[{ pattern: /^[^〔〕［］[\]()（）0-9０-９号]*$/, message: '只填机关代字，年份和序号由软件生成' }]}
          >
            <Input placeholder="如：高科审" style={{ width: 120 }} data-testid="office-review-prefix" />
          </Form.Item>
          <Form.Item name="printedBy" label="印发机关（版记）" tooltip="年度报告末页版记的印发机关，一般为本单位办公室；不填时用单位名称。印发机关和抄送机关都不填时，年度报告不印版记">
            <Input placeholder="如：××县科学技术局办公室" style={{ width: 320 }} data-testid="office-printed-by" />
          </Form.Item>
          <Form.Item name="copyTo" label="抄送机关（版记）" tooltip="年度报告版记的抄送机关，每行一个，按印出的先后填写">
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} placeholder="每行一个机关" style={{ width: 320 }} data-testid="office-copy-to" />
          </Form.Item>
          <Form.Item name="timeZone" label="时区" tooltip="决定“今天”是哪一天：期限、生效状态、备份和简报的日期都按这个时区计算，与电脑的时区设置无关">
            <TabLeavingSelect options={TIME_ZONES.some((z) => z.value === res.data?.timeZone) || !res.data ? TIME_ZONES : [...TIME_ZONES, { value: res.data.timeZone, label: res.data.timeZone }]} style={{ width: 300 }} data-testid="office-timezone" />
          </Form.Item>
        </Space>
        {res.data?.warning && (
          <Alert
            type="warning"
            showIcon
            title={res.data.warning}
            description="该文件保持原样：修复它、从“记录备份”恢复或移走它之后，才能在这里保存单位信息。"
            style={{ marginBottom: 8 }}
            data-testid="office-warning"
          />
        )}
        {/* Saving before the stored profile is known would write blanks over it; over a damaged file it is refused. */}
        <Button type="primary" size="small" htmlType="submit" disabled={!res.data || !!res.data.warning} data-testid="office-save">
          保存
        </Button>
        {error && <Alert type="error" showIcon message={error} style={{ marginTop: 8 }} />}
      </Form>
      <StarterOffer saved={saves} />
    </Card>
  );
}
