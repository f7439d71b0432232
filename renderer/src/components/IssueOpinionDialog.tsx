// 记为已出具: the day the 意见书 went out (default today on the office's clock) and its 文号. Until it
// is recorded the review is open, and the 年度报告 says 未出具; exporting the document does not issue
// it (a draft exported to read is not an opinion sent). Offered after an export in the 审查工作台 and
// from the review's page; the same dialog corrects the day or undoes the record (reviews:issue).

import { Button, Input, Modal, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { ApiOutput } from '../../../electron/shared/api-contract';
import { client, errorMessage } from '../api/client';
import { useNotify } from './notify';
import { officeToday } from '../office-clock';

type Saved = ApiOutput<'reviews:issue'>['record'];

export interface IssueTarget {
  id: string;
  status: string;
  receivedDate: string;
  completedDate?: string | undefined;
  refNo?: string | undefined;
}

/** The review's issue line as the pages show it: 已出具 2026年12月7日（高科审〔2026〕3号）. */
export function issuedText(r: IssueTarget): string | undefined {
  if ((r.status !== '已出具意见' && r.status !== '已归档') || !r.completedDate) return undefined;
  const [y, m, d] = r.completedDate.split('-');
  return `已出具 ${y}年${Number(m)}月${Number(d)}日${r.refNo ? `（${r.refNo}）` : ''}`;
}

export function IssueOpinionDialog({ review, open, afterExport, onClose, onSaved }: { review: IssueTarget | undefined; open: boolean; afterExport?: boolean; onClose: () => void; onSaved: (r: Saved) => void }) {
  const notify = useNotify();
  const issued = review?.status === '已出具意见';
  const [date, setDate] = useState('');
  const [refNo, setRefNo] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (!open || !review) return;
    setDate(issued && review.completedDate ? review.completedDate : officeToday());
    setRefNo(review.refNo ?? '');
    setError(undefined);
  }, [open, review, issued]);

  const send = async (issue: { date: string; refNo?: string } | null) => {
    if (!review) return;
    setBusy(true);
    try {
      const r = await client.call('reviews:issue', { id: review.id, issued: issue });
      onSaved(r.record);
      notify.ok(issue ? `${review.id} ${issuedText(r.record) ?? '已记为已出具'}` : `${review.id} 已撤销出具记录，恢复为审查中`, { key: `issue:${review.id}` });
      onClose();
    } catch (e) {
      // a refusal (晚于今天, 早于收件日期, 须填写审查结论) is shown in the dialog, beside what to change
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const submit = () => {
    if (busy) return;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date.trim())) return setError('出具日期请写成 2026-12-07 的形式');
    void send({ date: date.trim(), ...(refNo.trim() ? { refNo: refNo.trim() } : {}) });
  };
  const onEnter = (e: React.KeyboardEvent) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      submit();
    }
  };

  return (
    <Modal
      open={open}
      title={issued ? '更正出具记录' : '记为已出具意见'}
      onCancel={onClose}
      destroyOnHidden
      footer={
        <Space>
          {issued && (
            <Button danger onClick={() => void send(null)} disabled={busy} data-testid="issue-withdraw">
              撤销出具记录
            </Button>
          )}
          <Button onClick={onClose}>{afterExport && !issued ? '暂不记录' : '取消'}</Button>
          <Button type="primary" onClick={submit} loading={busy} data-testid="issue-ok">
            {issued ? '保存更正' : '记为已出具'}
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">
        {afterExport && !issued ? '意见书已生成。送出后记下出具日期，年度报告才把这件审查计为已出具意见；也可以以后在审查记录页或工作台再记。' : '记下意见书的出具日期，年度报告按此日期计入当年出具的审查意见。'}
      </Typography.Paragraph>
      <Space direction="vertical" style={{ width: '100%' }}>
        <label>
          出具日期
          <Input autoFocus value={date} onChange={(e) => setDate(e.target.value)} onKeyDown={onEnter} placeholder="2026-12-07" style={{ width: 160, marginLeft: 8 }} data-testid="issue-date" />
          <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
            收件日期 {review?.receivedDate}
          </Typography.Text>
        </label>
        <label>
          文号（可不填）
          <Input value={refNo} onChange={(e) => setRefNo(e.target.value)} onKeyDown={onEnter} placeholder="如 高科审〔2026〕3号" maxLength={100} style={{ width: 260, marginLeft: 8 }} data-testid="issue-refno" />
        </label>
        {error && (
          <Typography.Text type="danger" role="alert" data-testid="issue-error">
            {error}
          </Typography.Text>
        )}
      </Space>
    </Modal>
  );
}
