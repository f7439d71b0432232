// Small pieces shared by the records, versions and packs screens: the KeyCite-style flag tag,
// character-level diff runs, file hand-over (download in the browser, show in folder on the
// desktop) and reading an uploaded file.

import { CheckCircleFilled, ExclamationCircleFilled, WarningFilled } from '@ant-design/icons';
import { Tag, Tooltip } from 'antd';
import type { ApiOutput, FlagDto } from '../../../electron/shared/api-contract';
import { client } from '../api/client';

export const FLAG_TEXT: Record<FlagDto['color'], string> = { green: '未变', yellow: '有变动', red: '已修改' };
const FLAG_TAG: Record<FlagDto['color'], string> = { green: 'success', yellow: 'warning', red: 'error' };

export function FlagTag({ flag, short }: { flag: Pick<FlagDto, 'color'> & { reason?: string }; short?: boolean }) {
  const icon = flag.color === 'green' ? <CheckCircleFilled /> : flag.color === 'yellow' ? <WarningFilled /> : <ExclamationCircleFilled />;
  return (
    <Tooltip title={flag.reason}>
      <Tag color={FLAG_TAG[flag.color]} icon={icon} data-testid="flag" data-color={flag.color} style={{ marginInlineEnd: 0, whiteSpace: 'normal', height: 'auto', lineHeight: 1.6 }}>
        {short ? FLAG_TEXT[flag.color] : flag.reason ?? FLAG_TEXT[flag.color]}
      </Tag>
    </Tooltip>
  );
}

type Run = { op: 'equal' | 'insert' | 'delete'; text: string };

/** One side of a character diff: the old side shows deletions, the new side insertions. */
export function DiffText({ runs, side }: { runs: Run[]; side: 'old' | 'new' }) {
  return (
    <>
      {runs.map((r, i) => {
        if (r.op === 'equal') return <span key={i}>{r.text}</span>;
        if (r.op === 'delete') return side === 'old' ? <del key={i} className="diff-del">{r.text}</del> : null;
        return side === 'new' ? <ins key={i} className="diff-ins">{r.text}</ins> : null;
      })}
    </>
  );
}

export function readAsBase64(file: File): Promise<string> {
  return new Promise((ok, fail) => {
    const r = new FileReader();
    r.onload = () => ok(String(r.result).replace(/^data:[^,]*,/, ''));
    r.onerror = () => fail(r.error ?? new Error('读取失败'));
    r.readAsDataURL(file);
  });
}

type Produced = Pick<ApiOutput<'packs:export'>, 'fileId' | 'name'>;

/** Hands a produced file to the user: the desktop shows it in its folder, the browser downloads it. */
export async function handOver(file: Produced): Promise<'shown' | 'downloaded'> {
  if (client.face === 'electron') {
    await client.call('shell:showFile', { fileId: file.fileId });
    return 'shown';
  }
  const f = await client.call('files:get', { fileId: file.fileId });
  const bin = atob(f.dataBase64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: f.mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = f.name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return 'downloaded';
}

