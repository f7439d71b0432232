// 核对: correcting a misread 第X条 number. The label shows above the article's text with 「改编号」;
// typing the right one (第十二条, 十二, 12, 第十二条之一) and Enter saves it — the article takes that
// number and key, the label OCR read is kept with who corrected it — Esc leaves it as it was.
// What still looks out of order after the fix is shown as a warning.

import { Button, Input, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { ArticleDto } from '../../../../electron/shared/api-contract';
import { client, errorMessage } from '../../api/client';
import { useNotify } from '../../components/notify';

type Unit = Pick<ArticleDto, 'key' | 'label' | 'kind' | 'ocrLabel'>;

export function ArticleLabelEditor({ versionId, index, unit, onSaved }: { versionId: string; index: number; unit: Unit; onSaved: (key: string) => void }) {
  const notify = useNotify();
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState(unit.label);
  const [busy, setBusy] = useState(false);

  const save = async () => {
    if (busy) return;
    setBusy(true);
    try {
      const r = await client.call('version:relabelOcr', { versionId, index, key: unit.key, label: value });
      notify.ok(`已将${unit.label}改为${r.label}`);
      for (const w of r.warnings) notify.warn(w);
      setEditing(false);
      onSaved(r.key);
    } catch (e) {
      notify.fail(errorMessage(e), { title: '条号未修改' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space align="center" wrap style={{ marginBottom: 8 }}>
      {editing ? (
        <Input
          autoFocus
          size="small"
          value={value}
          onChange={(e) => setValue(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              void save();
            } else if (e.key === 'Escape') {
              e.preventDefault();
              e.stopPropagation();
              setValue(unit.label);
              setEditing(false);
            }
          }}
          aria-label={`${unit.label}的正确编号`}
          style={{ width: 160 }}
          disabled={busy}
          data-testid="ocr-label-input"
        />
      ) : (
        <Typography.Title level={5} style={{ margin: 0 }}>
          {unit.label}
        </Typography.Title>
      )}
      {unit.kind === 'article' && !editing && (
        <Button
          size="small"
          type="link"
          onClick={() => {
            setValue(unit.label);
            setEditing(true);
          }}
          data-testid="ocr-label-edit"
        >
          改编号
        </Button>
      )}
      {editing && <Typography.Text type="secondary" style={{ fontSize: 12 }}>Enter 保存，Esc 取消</Typography.Text>}
      {unit.ocrLabel && (
        <Tag color="blue" data-testid="ocr-label-fixed">
          原识别为 {unit.ocrLabel.read}（{unit.ocrLabel.by}更正）
        </Tag>
      )}
    </Space>
  );
}
