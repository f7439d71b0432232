// The trust mark of an OCR'd text in the reader: 识别文本（待核对） with 「确认已核对」 until a person
// confirms it against the scan, then 已核对（who, date）. Texts from a file's own text get no mark.
import { Button, Popconfirm, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import type { LawVersionMeta } from '../../../../electron/shared/law-model';
import { OCR_UNVERIFIED_LABEL } from '../../../../electron/shared/law-model';
import { dateInZone } from '../../../../electron/shared/office-clock';
import { client, errorMessage } from '../../api/client';
import { hrefOf } from '../../router';
import { useNotify } from '../../components/notify';

export function OcrMark({ meta, onVerified }: { meta: Pick<LawVersionMeta, 'id' | 'textSource' | 'verified' | 'verifiedBy' | 'verifiedAt'>; onVerified: () => void }) {
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  if (meta.textSource !== 'ocr') return null;
  if (meta.verified === true) {
    const when = meta.verifiedAt ? dateInZone(new Date(meta.verifiedAt)) : '';
    return (
      <Tooltip title="本文由扫描件文字识别（OCR）得到，已有人对照原件核对">
        <Tag color="green" data-testid="ocr-verified">
          已核对（{[meta.verifiedBy, when].filter(Boolean).join('，')}）
        </Tag>
      </Tooltip>
    );
  }
  const confirm = async () => {
    setBusy(true);
    try {
      await client.call('version:verify', { versionId: meta.id });
      notify.ok('已记下核对');
      onVerified();
    } catch (e) {
      notify.fail(errorMessage(e), { title: '核对未记下' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Tooltip title="本文由扫描件文字识别（OCR）得到，可能有错字，请对照原件核对">
        <Tag color="orange" data-testid="ocr-unverified">
          {OCR_UNVERIFIED_LABEL}
        </Tag>
      </Tooltip>
      <Button size="small" type="primary" ghost href={hrefOf({ page: 'verify', versionId: meta.id })} data-testid="ocr-review-open">
        逐条核对
      </Button>
      <Popconfirm title="确认已对照原件核对全文？" description="将记下核对人和时间，识别标记随之取消。" okText="确认" cancelText="取消" onConfirm={confirm}>
        <Button size="small" loading={busy} data-testid="ocr-verify">
          确认已核对
        </Button>
      </Popconfirm>
    </>
  );
}
