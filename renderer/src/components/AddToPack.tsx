// 加入简报: adds items (an article from the reader, a review or lecture) to a saved pack, or to a new
// pack made on the spot. Remembers the last pack chosen.

import { Alert, Form, Input, Modal, Radio, Space } from 'antd';
import { TabLeavingSelect } from './tab-leaving-select';
import { useEffect, useRef, useState } from 'react';
import type { PackItemDto } from '../../../electron/shared/api-contract';
import { PACK_TEMPLATES } from '../../../electron/shared/api-contract';
import { client, errorMessage } from '../api/client';
import { useCall } from '../api/hooks';
import { hrefOf } from '../router';
import { useNotify } from './notify';

let lastPackId: string | undefined;

export function AddToPack({ items, what, onClose }: { items: PackItemDto[] | undefined; what: string; onClose: () => void }) {
  const notify = useNotify();
  const open = !!items;
  const list = useCall('packs:list', open ? {} : null);
  const [mode, setMode] = useState<'existing' | 'new'>('existing');
  const [packId, setPackId] = useState<string | undefined>(lastPackId);
  const [title, setTitle] = useState('');
  const [template, setTemplate] = useState<(typeof PACK_TEMPLATES)[number]>('通用');
  const [busy, setBusy] = useState(false);
  // A refusal (the article already in the pack, no title) belongs to this dialog: shown inside it,
  // it goes with it, where a toast outlived the dialog and followed the user onto the pack's page.
  const [error, setError] = useState<string>();
  // Whether the user chose 已有/新建 or a pack in this opening: a later answer of packs:list (asked
  // again when the library changes) must not switch the dialog under them.
  const chosen = useRef(false);

  useEffect(() => {
    if (!list.data || chosen.current) return;
    setMode(list.data.length ? 'existing' : 'new');
    if (list.data.length && (!packId || !list.data.some((p) => p.id === packId))) setPackId(list.data[0]!.id);
  }, [list.data]);

  const submit = async () => {
    if (!items) return;
    setBusy(true);
    setError(undefined);
    try {
      let id = packId;
      if (mode === 'new') {
        if (!title.trim()) throw new Error('请填写简报标题');
        id = (await client.call('packs:create', { title: title.trim(), template })).id;
      }
      if (!id) throw new Error('请选择简报');
      const pack = await client.call('packs:addItems', { id, items });
      lastPackId = id;
      notify.ok(<span>已加入简报“{pack.title}”（共 {pack.items.length} 项）<a href={hrefOf({ page: 'packs', id })} style={{ marginLeft: 8 }}>打开</a></span>);
      onClose();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      // A long article name wraps under the title instead of running under the close button.
      title={
        <div style={{ paddingRight: 28, overflowWrap: 'anywhere' }} data-testid="add-to-pack-heading">
          加入简报：{what}
        </div>
      }
      onCancel={onClose}
      afterClose={() => {
        chosen.current = false;
        setError(undefined);
      }}
      onOk={() => void submit()} okText="加入" confirmLoading={busy} data-testid="add-to-pack" destroyOnHidden>
      <Form layout="vertical" onFinish={() => void submit()}>
        <Radio.Group
          value={mode}
          onChange={(e) => {
            chosen.current = true;
            setError(undefined);
            setMode(e.target.value as 'existing' | 'new');
          }}
          style={{ marginBottom: 12 }}
        >
          <Radio value="existing" disabled={!list.data?.length}>
            已有简报
          </Radio>
          <Radio value="new">新建简报</Radio>
        </Radio.Group>
        {mode === 'existing' ? (
          <Form.Item label="简报">
            <TabLeavingSelect
              value={packId}
              onChange={(id: string) => {
                chosen.current = true;
                setError(undefined);
                setPackId(id);
              }}
              loading={list.loading}
              options={(list.data ?? []).map((p) => ({ value: p.id, label: `${p.title}（${p.itemCount} 项）` }))}
              data-testid="add-to-pack-select"
            />
          </Form.Item>
        ) : (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Form.Item label="简报标题" required>
              <Input
                value={title}
                onChange={(e) => {
                  chosen.current = true;
                  setTitle(e.target.value);
                }}
                placeholder="如：统计工作合法性审查参考资料"
                data-testid="add-to-pack-title"
                autoFocus
                onPressEnter={() => void submit()}
              />
            </Form.Item>
            <Form.Item label="模板">
              <TabLeavingSelect value={template} onChange={setTemplate} options={PACK_TEMPLATES.map((t) => ({ value: t, label: t }))} />
            </Form.Item>
          </Space>
        )}
        {error && <Alert type="error" showIcon title={error} data-testid="add-to-pack-error" />}
      </Form>
    </Modal>
  );
}
