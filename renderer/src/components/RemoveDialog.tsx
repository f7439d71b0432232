// 删除此版本 / 删除此法规（全部版本）: the confirm dialog says what depends on what goes (records citing
// it, 简报包 items, other laws linking to it — library:removalImpact), removes it in one step and
// offers 撤销 for the removal just made. Keyboard: Delete in the reader opens it for the version
// shown, Delete on a 法规库 row for the law (one dialog for both faces of the library), Enter (on 删除,
// focused) removes, Esc cancels.

import { Alert, Button, Modal, Radio, Skeleton, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { RemovalImpactDto, VersionMetaDto } from '../../../electron/shared/api-contract';
import { versionDate } from '../../../electron/shared/law-model';
import { client, errorMessage } from '../api/client';
import { useCall } from '../api/hooks';
import { useNotify, type Notify } from './notify';
import { navigate } from '../router';

export type RemoveScope = 'version' | 'law';

/** The action's name wherever it is offered (the reader's 删除… menu, a 法规库 row). */
export const REMOVE_LAW_LABEL = '删除此法规';
export const REMOVE_VERSION_LABEL = '删除此版本';

/** Takes the last removal back and opens what came back (from the reader; 法规库 shows its row again by itself). */
async function undoRemoval(notify: Notify, openVersion: string, stay: boolean): Promise<void> {
  try {
    const r = await client.call('library:undoRemove', {});
    notify.ok(`已恢复${r.restored.length > 1 ? ` ${r.restored.length} 个版本` : ''}：${r.restored[0]?.title ?? ''}`);
    if (!stay) navigate({ page: 'read', versionId: r.restored.some((v) => v.id === openVersion) ? openVersion : r.restored[0]!.id });
  } catch (e) {
    notify.fail(errorMessage(e), { title: '撤销失败' });
  }
}

function ImpactText({ impact }: { impact: RemovalImpactDto }) {
  return (
    <>
      <Typography.Paragraph style={{ marginBottom: 8 }}>
        将删除《{impact.title}》
        {impact.wholeLaw
          ? impact.versions.length > 1
            ? `的全部 ${impact.versions.length} 个版本（${impact.versions.map((v) => v.date || '无日期').join('、')}），这部法规将从资料库中移除。`
            : `（${impact.versions[0]?.date || '无日期'}，唯一的版本），这部法规将从资料库中移除。`
          : `的 ${impact.versions[0]?.date || '无日期'} 版本（${impact.versions[0]?.status ?? ''}），其他版本保留。`}
      </Typography.Paragraph>
      {impact.lines.length ? (
        <Alert
          type="warning"
          showIcon
          data-testid="remove-impact"
          title="以下内容引用了它"
          description={
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {impact.lines.map((l) => (
                <li key={l}>{l}</li>
              ))}
            </ul>
          }
        />
      ) : (
        <Typography.Paragraph type="secondary" data-testid="remove-impact">
          没有记录、简报包或其他法规引用它。
        </Typography.Paragraph>
      )}
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
        正文和原始文件一并删除。删除后可立即撤销（本次运行中最近的一次删除）；之后只能重新导入原文件。
      </Typography.Paragraph>
    </>
  );
}

export function RemoveDialog({ open, meta, versions, scope, onScope, onClose, stay = false }: {
  open: boolean;
  meta: VersionMetaDto;
  versions: readonly VersionMetaDto[];
  scope: RemoveScope;
  onScope: (s: RemoveScope) => void;
  onClose: () => void;
  /** Opened from 法规库: stay on the list after the removal and its 撤销 (the reader goes to what is left). */
  stay?: boolean;
}) {
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  const only = versions.length <= 1;
  const target = scope === 'law' || only ? { lawId: meta.lawId } : { lawId: meta.lawId, versionId: meta.id };
  const impact = useCall('library:removalImpact', open ? target : null);
  const okRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (open && impact.data) okRef.current?.focus();
  }, [open, impact.data]);

  const remove = async () => {
    setBusy(true);
    try {
      const r = await client.call('library:remove', target);
      onClose();
      const left = versions.filter((v) => !r.removed.some((x) => x.id === v.id));
      const what = r.removed.length > 1 || !left.length ? `已删除《${meta.title}》${r.removed.length > 1 ? `（${r.removed.length} 个版本）` : ''}` : `已删除《${meta.title}》${versionDate(meta) || '无日期'} 版本`;
      if (r.undoable) notify.undoable(what, () => void undoRemoval(notify, meta.id, stay), { key: 'library-remove' });
      else notify.info(`${what}（文件过大，不能撤销）`);
      if (stay) return;
      // what is left of the law, else the library
      const next = left.find((v) => v.status === '现行有效') ?? left.at(-1);
      if (next) navigate({ page: 'read', versionId: next.id });
      else navigate({ page: 'library' });
    } catch (e) {
      notify.fail(errorMessage(e), { title: '删除失败' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={scope === 'law' || only ? `${REMOVE_LAW_LABEL}（全部版本）` : REMOVE_VERSION_LABEL}
      onCancel={onClose}
      destroyOnHidden
      data-testid="remove-dialog"
      footer={[
        <Button key="cancel" onClick={onClose}>
          取消（Esc）
        </Button>,
        <Button key="ok" ref={okRef} danger type="primary" loading={busy} disabled={!impact.data} onClick={() => void remove()} data-testid="remove-confirm">
          删除
        </Button>,
      ]}
    >
      {!only && (
        <Radio.Group value={scope} onChange={(e) => onScope(e.target.value as RemoveScope)} style={{ marginBottom: 12 }} data-testid="remove-scope">
          <Radio value="version">只删除此版本（{versionDate(meta) || '无日期'}）</Radio>
          <Radio value="law">删除此法规的全部 {versions.length} 个版本</Radio>
        </Radio.Group>
      )}
      {impact.error ? (
        <Alert type="error" showIcon title="无法统计引用情况" description={impact.error} />
      ) : impact.data ? (
        <ImpactText impact={impact.data} />
      ) : (
        <Skeleton active paragraph={{ rows: 3 }} />
      )}
    </Modal>
  );
}

/**
 * The dialog for a 法规库 row: the law's versions are read first (the row knows only the version it shows), then
 * the same dialog as the reader's, set to the whole law.
 */
export function RemoveLawDialog({ lawId, versionId, onClose }: { lawId: string; versionId: string; onClose: () => void }) {
  const law = useCall('law:get', { lawId });
  const [scope, setScope] = useState<RemoveScope>('law');
  const versions = law.data?.versions ?? [];
  const meta = versions.find((v) => v.id === versionId) ?? versions.at(-1);
  if (law.error) {
    return (
      <Modal open title="删除此法规" onCancel={onClose} footer={<Button onClick={onClose}>关闭（Esc）</Button>} data-testid="remove-dialog">
        <Alert type="error" showIcon title="无法读取这部法规" description={law.error} />
      </Modal>
    );
  }
  if (!meta) return null;
  return <RemoveDialog open meta={meta} versions={versions} scope={scope} onScope={setScope} onClose={onClose} stay />;
}
