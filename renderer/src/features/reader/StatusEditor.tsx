// 时效性 editing: set a version's status by hand with the basis (e.g. 已被《…》废止), or return to
// the status derived from the versions present.

import { Button, Form, Input, Modal, Typography } from 'antd';
import { TabLeavingSelect } from '../../components/tab-leaving-select';
import { useEffect, useState } from 'react';
import type { VersionMetaDto } from '../../../../electron/shared/api-contract';
import { STATUSES, type Status } from '../../../../electron/shared/law-model';
import { client, errorMessage } from '../../api/client';
import { useNotify } from '../../components/notify';

export function StatusEditor({ open, meta, onClose, onSaved }: { open: boolean; meta: VersionMetaDto; onClose: () => void; onSaved: () => void }) {
  const notify = useNotify();
  const [status, setStatus] = useState<Status>(meta.statusOverride?.status ?? meta.status);
  const [basis, setBasis] = useState(meta.statusOverride?.basis ?? '');
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    setStatus(meta.statusOverride?.status ?? meta.status);
    setBasis(meta.statusOverride?.basis ?? '');
  }, [open, meta]);
  const save = async (override: { status: Status; basis: string } | null) => {
    setBusy(true);
    try {
      await client.call('version:setStatus', { versionId: meta.id, statusOverride: override });
      notify.ok(override ? `时效性已设为“${override.status}”` : '已恢复为自动判断的时效性');
      onSaved();
    } catch (e) {
      notify.fail(errorMessage(e), { title: '时效性未保存' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={open}
      title="修改时效性"
      onCancel={onClose}
      destroyOnHidden
      footer={[
        meta.statusOverride ? (
          <Button key="reset" onClick={() => void save(null)} disabled={busy}>
            恢复自动判断
          </Button>
        ) : null,
        <Button key="cancel" onClick={onClose}>
          取消
        </Button>,
        <Button key="ok" type="primary" loading={busy} disabled={!basis.trim()} onClick={() => void save({ status, basis: basis.trim() })} data-testid="status-save">
          保存
        </Button>,
      ]}
    >
      <Typography.Paragraph type="secondary">时效性通常由各版本的公布、施行日期自动判断，标题或文首标明送审稿、征求意见稿等的文本为“草案”；手工设定时请写明依据（如草案已正式公布施行），以便日后核对。</Typography.Paragraph>
      <Form layout="vertical">
        <Form.Item label="时效性">
          <TabLeavingSelect value={status} onChange={setStatus} options={STATUSES.map((s) => ({ value: s, label: s }))} />
        </Form.Item>
        <Form.Item label="依据" required extra="如：已被《中华人民共和国××法》（2024年修订）废止">
          <Input.TextArea value={basis} onChange={(e) => setBasis(e.target.value)} rows={3} maxLength={500} showCount data-testid="status-basis-input" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
