// 快速打开 (Ctrl/⌘+K): a law by title, abbreviation or pinyin initials, or an article with
// 行政许可法12. ↑↓ to choose, Enter to open, Esc to close.

import { Input, Modal, Spin, Tag, Typography, type InputRef } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { ApiOutput } from '../../../../electron/shared/api-contract';
import { useQuickOpen } from '../../api/hooks';
import { handleListKeys } from '../../components/list-keys';
import { navigate } from '../../router';

type Item = ApiOutput<'search:quickOpen'>[number];

export function QuickOpen({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [text, setText] = useState('');
  // What is looked up: the text as typed, except while an input method is composing (its raw
  // pinyin is not the query, and answers arriving mid-composition must not disturb it).
  const [query, setQuery] = useState('');
  const composing = useRef(false);
  const choose = (it: Item | undefined) => {
    if (!it) return;
    onClose();
    navigate({ page: 'read', versionId: it.versionId, ...(it.articleKey ? { articleKey: it.articleKey } : {}) });
  };
  // Enter opens the selected match of the answer to what was typed (the list may still show an older one).
  const { items, error, loading, selected, setSelected, enter } = useQuickOpen(query, 12, 80, (found, at) => choose(found[at]));
  const inputRef = useRef<InputRef>(null);
  // Focus only when the box does not have it: a second focus() (the open animation ends after
  // the user started typing) can end a composition and commit its raw letters.
  const focusInput = () => {
    const el = inputRef.current?.input;
    if (el && document.activeElement !== el) el.focus();
  };

  useEffect(() => {
    if (!open) return;
    setText('');
    setQuery('');
    setTimeout(focusInput, 30);
  }, [open]);

  // No zoom or fade: a palette appears at once, as in an editor, and nothing happens to the box when an
  // animation ends (an input method can already be composing in it by then; a focus change at that
  // moment commits the raw pinyin).
  return (
    <Modal
      open={open}
      onCancel={onClose}
      footer={null}
      closable={false}
      width={620}
      destroyOnHidden
      transitionName=""
      maskTransitionName=""
      afterOpenChange={(o) => o && focusInput()}
      styles={{ body: { padding: 0 } }}
      style={{ top: 80 }}
      title={null}
    >
      {/* Keys stay inside the palette: React bubbles portal events to the page underneath. */}
      <div style={{ padding: 12 }} onKeyDown={(e) => e.stopPropagation()}>
        <Input
          ref={inputRef}
          size="large"
          placeholder="法规名、简称、拼音首字母（xzxkf），或 行政许可法12"
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            if (!composing.current) setQuery(e.target.value);
          }}
          onCompositionStart={() => {
            composing.current = true;
          }}
          onCompositionEnd={(e) => {
            composing.current = false;
            setQuery(e.currentTarget.value);
          }}
          // Always a suffix: antd wraps the input only when one is given, so toggling it with
          // `loading` re-mounted the <input> after the first answer and the keys went nowhere.
          suffix={<span className="quick-open-spin">{loading ? <Spin size="small" /> : null}</span>}
          data-testid="quick-open-input"
          onKeyDown={(e) => handleListKeys(e, { count: items.length, setSelected, onEnter: enter, onEscape: onClose })}
        />
        <div style={{ maxHeight: 420, overflow: 'auto', marginTop: 8 }} role="listbox" data-testid="quick-open-list">
          {error && <Typography.Text type="danger">{error}</Typography.Text>}
          {!error && query.trim() && !loading && items.length === 0 && (
            <Typography.Paragraph type="secondary" style={{ padding: 12, margin: 0 }}>
              没有匹配的法规
            </Typography.Paragraph>
          )}
          {!text.trim() && (
            <Typography.Paragraph type="secondary" style={{ padding: '8px 12px', margin: 0 }}>
              <kbd>↑</kbd> <kbd>↓</kbd> 选择　<kbd>Enter</kbd> 打开　<kbd>Esc</kbd> 关闭
            </Typography.Paragraph>
          )}
          {items.map((it, i) => (
            <div
              key={it.versionId + (it.articleKey ?? '')}
              role="option"
              aria-selected={i === selected}
              className={`quick-item${i === selected ? ' selected' : ''}`}
              onMouseEnter={() => setSelected(i)}
              onClick={() => choose(it)}
              data-testid="quick-open-item"
            >
              <span>
                <Typography.Text strong>
                  {it.shortTitle}
                  {it.subtitle ? ` · ${it.subtitle}` : ''}
                </Typography.Text>
                {it.articleLabel && (
                  <Tag color="volcano" style={{ marginLeft: 8 }}>
                    {it.articleLabel}
                  </Tag>
                )}
              </span>
              <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
                {it.level} · {it.region}
              </Typography.Text>
            </div>
          ))}
        </div>
      </div>
    </Modal>
  );
}
