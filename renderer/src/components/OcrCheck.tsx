// 逐条核对 of an OCR'd text, whoever holds it: the articles with low-confidence characters are listed
// on the left with their doubtful lines; the chosen one is shown beside the scanned page it was read
// from (its lines framed, ScanPageView.tsx), with those characters highlighted above an editor.
// 确认本条 (Ctrl+Enter) saves the corrected text (or the text as it is) and clears that article's
// 待核对 mark, then moves to the next; ↑/↓ (Alt+↑/↓ inside the editor) move between articles, Esc
// undoes the edits. Used for a library version (features/verify) and a scanned 送审稿 (features/workbench):
// each gives its units, its scan and how a check is saved.

import { Button, Empty, Input, Popconfirm, Progress, Result, Space, Switch, Tag, Typography } from 'antd';
import { useMemo, useRef, useState, type ReactNode } from 'react';
import { articleNeedsCheck, type TextSource } from '../../../electron/shared/law-model';
import { dateInZone } from '../../../electron/shared/office-clock';
import { errorMessage } from '../api/client';
import type { ArticleDto } from '../../../electron/shared/api-contract';
import { ocrPagesDoubtTag, type OcrDoubtfulPage } from '../../../electron/shared/ocr-page-doubt';
import { ocrTurnedPagesMessage, type OcrTurnedPage } from '../../../electron/shared/ocr-page-turn';
import { ScanPageView, type ScanSource } from './ScanPageView';
import { useNotify } from './notify';

/** The text with the characters at `suspects` (offsets in `text`) marked. */
export function withSuspects(text: string, suspects: readonly number[], from = 0): ReactNode[] {
  const set = new Set(suspects);
  const out: ReactNode[] = [];
  let run = '';
  for (let i = 0; i < text.length; i++) {
    if (set.has(from + i)) {
      if (run) out.push(run);
      run = '';
      out.push(
        <mark key={i} className="ocr-suspect" style={{ background: '#ffd591', padding: 0 }}>
          {text[i]}
        </mark>,
      );
    } else run += text[i];
  }
  if (run) out.push(run);
  return out;
}

/** The lines (paragraphs, items) of an article that hold a low-confidence character, with their offsets. */
export function doubtfulLines(u: Pick<Unit, 'text' | 'suspects'>): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  let start = 0;
  for (const line of u.text.split('\n')) {
    const end = start + line.length;
    if ((u.suspects ?? []).some((s) => s >= start && s < end)) out.push({ text: line, start });
    start = end + 1;
  }
  return out;
}

/** What 核对 reads of an article. */
type Unit = Pick<ArticleDto, 'key' | 'label' | 'kind' | 'text' | 'suspects' | 'ocrChecked' | 'ocrRegions' | 'ocrLabel'>;

export interface OcrCheckProps {
  /** The text's name (a link to it). */
  title: ReactNode;
  meta: { textSource?: TextSource; sourceFormat: string; verified?: boolean; verifiedBy?: string; verifiedAt?: string; ocrDoubtfulPages?: OcrDoubtfulPage[]; ocrTurnedPages?: OcrTurnedPage[] };
  units: Unit[];
  scan: ScanSource;
  /** Saves the articles checked (with their corrected texts); answers whether the whole text is verified now. */
  check: (keys: string[], corrections?: Record<string, string>) => Promise<{ verified?: boolean }>;
  reload: () => void;
  /** Shown above the list (the library's offer of its own text of the same law). */
  top?: ReactNode;
  /** The editor of a misread 第X条 number (library texts). */
  labelEditor?: (unit: Unit, index: number, onSaved: (key: string) => void) => ReactNode;
  /** No article was located on the scan: have the original recognised again to frame them. */
  locate?: () => Promise<void>;
  /** Beside 全文已核对. */
  done?: ReactNode;
}

export function OcrCheck({ title, meta, units, scan, check, reload, top, labelEditor, locate, done }: OcrCheckProps) {
  const notify = useNotify();
  const [onlyDoubtful, setOnlyDoubtful] = useState(true);
  const pending = useMemo(() => units.filter((u) => articleNeedsCheck(meta, u)), [meta, units]);
  const list = useMemo(() => (onlyDoubtful ? pending.filter((u) => (u.suspects ?? []).length > 0) : pending), [pending, onlyDoubtful]);
  const [selected, setSelected] = useState<string | undefined>(list[0]?.key);
  const current = list.find((u) => u.key === selected) ?? list[0];
  // Edits per article, so moving away and back keeps them; an article without edits shows its text.
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const draft = current ? (drafts[current.key] ?? current.text) : '';
  const setDraft = (t: string) => current && setDrafts((d) => ({ ...d, [current.key]: t }));
  const [busy, setBusy] = useState(false);
  const editor = useRef<HTMLTextAreaElement | null>(null);
  const listRef = useRef<HTMLDivElement | null>(null);

  const move = (step: number) => {
    if (!list.length) return;
    const i = Math.max(0, list.findIndex((u) => u.key === current?.key));
    const next = list[Math.min(list.length - 1, Math.max(0, i + step))]!;
    setSelected(next.key);
    listRef.current?.querySelector(`[data-key="${CSS.escape(next.key)}"]`)?.scrollIntoView({ block: 'nearest' });
  };

  const save = async (keys: string[], corrections?: Record<string, string>) => {
    setBusy(true);
    try {
      const after = list[list.findIndex((u) => u.key === current?.key) + 1];
      const m = await check(keys, corrections);
      setDrafts((d) => Object.fromEntries(Object.entries(d).filter(([k]) => !keys.includes(k))));
      notify.ok(m.verified ? '全文已核对' : keys.length === 1 ? '已确认本条' : `已确认 ${keys.length} 条`);
      if (after) setSelected(after.key);
      reload();
      editor.current?.focus();
    } catch (e) {
      notify.fail(errorMessage(e), { title: '核对未保存' });
    } finally {
      setBusy(false);
    }
  };

  const confirmCurrent = () => {
    if (!current || busy) return;
    const text = draft.trim();
    if (!text) return notify.warn('条文不能为空');
    void save([current.key], text !== current.text ? { [current.key]: text } : undefined);
  };

  const onListKey = (e: React.KeyboardEvent) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      move(e.key === 'ArrowDown' ? 1 : -1);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      editor.current?.focus();
    }
  };

  const onEditorKey = (e: React.KeyboardEvent) => {
    if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') {
      e.preventDefault();
      confirmCurrent();
    } else if (e.altKey && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) {
      e.preventDefault();
      move(e.key === 'ArrowDown' ? 1 : -1);
    } else if (e.key === 'Escape' && current) {
      e.preventDefault();
      setDraft(current.text);
    }
  };

  const total = units.length;
  const checked = meta.verified ? total : units.filter((u) => u.ocrChecked).length;
  const header = (
    <Space wrap align="center" style={{ marginBottom: 12 }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        核对识别文本
      </Typography.Title>
      {title}
      <Progress percent={Math.round((checked / Math.max(1, total)) * 100)} size="small" style={{ width: 160, margin: 0 }} format={() => `${checked}/${total}`} />
    </Space>
  );

  const matchPanel = top ?? null;

  if (meta.textSource !== 'ocr') {
    return (
      <div className="page">
        {header}
        <Result status="info" title="本文不是扫描件识别文本，无需核对" />
      </div>
    );
  }
  if (meta.verified || pending.length === 0) {
    const when = meta.verifiedAt ? dateInZone(new Date(meta.verifiedAt)) : '';
    return (
      <div className="page">
        {header}
        {matchPanel}
        <Result
          status="success"
          title="全文已核对"
          subTitle={[meta.verifiedBy, when].filter(Boolean).join('，')}
          extra={done}
          data-testid="ocr-review-done"
        />
      </div>
    );
  }

  const doubtful = pending.filter((u) => (u.suspects ?? []).length > 0).length;
  return (
    <div className="page" data-testid="ocr-review">
      {header}
      {matchPanel}
      <Space wrap style={{ display: 'flex', marginBottom: 8 }}>
        <Typography.Text>
          待核对 {pending.length} 条，其中 {doubtful} 条有疑似错字（已标出）。
        </Typography.Text>
        {(meta.ocrDoubtfulPages ?? []).length > 0 && (
          <Tag color="red" data-testid="ocr-review-doubtful-pages">
            {ocrPagesDoubtTag(meta.ocrDoubtfulPages!)}
          </Tag>
        )}
        {(meta.ocrTurnedPages ?? []).length > 0 && (
          <Tag color="blue" data-testid="ocr-review-turned-pages">
            {ocrTurnedPagesMessage(meta.ocrTurnedPages!)}
          </Tag>
        )}
        <Space size={4}>
          <Switch size="small" checked={onlyDoubtful} onChange={setOnlyDoubtful} data-testid="ocr-review-only-doubtful" />
          只看有疑似错字的
        </Space>
        <Popconfirm
          title={`其余 ${pending.length} 条都已对照原件核对无误？`}
          description="未改动的条文按原样确认，全文随之标为已核对。"
          okText="全部确认"
          cancelText="取消"
          onConfirm={() => void save(pending.map((u) => u.key))}
        >
          <Button size="small" disabled={busy} data-testid="ocr-review-confirm-all">
            其余全部确认…
          </Button>
        </Popconfirm>
      </Space>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        ↑↓ 选择条文，Enter 进入编辑；编辑中 Ctrl+Enter 确认本条并转到下一条，Alt+↑↓ 换条，Esc 撤销改动。
      </Typography.Paragraph>
      {list.length === 0 ? (
        <Empty description="没有疑似错字的条文；关闭“只看有疑似错字的”可逐条确认其余条文" />
      ) : (
        <div style={{ display: 'grid', gridTemplateColumns: 'minmax(200px, 1fr) 4fr', gap: 16, alignItems: 'start' }}>
          <div
            ref={listRef}
            role="listbox"
            aria-label="待核对的条文"
            tabIndex={0}
            onKeyDown={onListKey}
            style={{ maxHeight: 'calc(100vh - 260px)', overflow: 'auto', border: '1px solid #f0f0f0', borderRadius: 6 }}
            data-testid="ocr-review-list"
          >
            {list.map((u) => {
              const lines = doubtfulLines(u);
              const active = u.key === current?.key;
              return (
                <div
                  key={u.key}
                  data-key={u.key}
                  role="option"
                  aria-selected={active}
                  onClick={() => setSelected(u.key)}
                  style={{ padding: '6px 10px', cursor: 'pointer', background: active ? '#fff1f0' : undefined, borderBottom: '1px solid #f5f5f5' }}
                  data-testid="ocr-review-item"
                >
                  <Space size={4}>
                    <b>{u.label}</b>
                    {(u.suspects ?? []).length > 0 && <Tag color="orange">{u.suspects!.length} 处存疑</Tag>}
                  </Space>
                  {lines.slice(0, 3).map((l) => (
                    <div key={l.start} style={{ fontSize: 13, color: '#595959', overflowWrap: 'anywhere' }}>
                      {withSuspects(l.text, u.suspects ?? [], l.start)}
                    </div>
                  ))}
                  {lines.length === 0 && <div style={{ fontSize: 13, color: '#8c8c8c' }}>{u.text.slice(0, 40)}</div>}
                </div>
              );
            })}
          </div>
          {current && (
            <div style={{ display: 'grid', gridTemplateColumns: 'minmax(260px, 1fr) minmax(280px, 1fr)', gap: 16, alignItems: 'start' }}>
            <ScanPageView key={current.key} source={scan} regions={current.ocrRegions ?? []} label={current.label} doubtful={meta.ocrDoubtfulPages ?? []} turned={meta.ocrTurnedPages ?? []} {...(locate ? { onLocate: locate } : {})} />
            <div data-testid="ocr-review-editor">
              {labelEditor?.(current, units.indexOf(current), (key) => {
                setSelected(key);
                reload();
              })}
              <div style={{ whiteSpace: 'pre-wrap', lineHeight: 1.9, marginBottom: 8, padding: 8, background: '#fafafa', borderRadius: 6 }} data-testid="ocr-review-original">
                {withSuspects(current.text, current.suspects ?? [])}
              </div>
              <Input.TextArea
                ref={(r) => {
                  editor.current = r?.resizableTextArea?.textArea ?? null;
                }}
                value={draft}
                onChange={(e) => setDraft(e.target.value)}
                onKeyDown={onEditorKey}
                autoSize={{ minRows: 3, maxRows: 14 }}
                aria-label={`${current.label}的更正文本`}
                data-testid="ocr-review-text"
              />
              <Space style={{ marginTop: 8 }}>
                <Button type="primary" onClick={confirmCurrent} loading={busy} data-testid="ocr-review-confirm">
                  {draft.trim() !== current.text ? '保存更正并确认' : '确认本条无误'}（Ctrl+Enter）
                </Button>
                <Button onClick={() => setDraft(current.text)} disabled={draft === current.text}>
                  撤销改动（Esc）
                </Button>
              </Space>
            </div>
            </div>
          )}
        </div>
      )}
    </div>
  );
}
