// The one way the renderer shows a toast, with one rule for how long each kind stays:
// - 成功 / 提示 go by themselves after a few seconds (they only confirm what the page already shows);
// - 注意 stays longer (the user may have to read it while doing something else);
// - 出错 stays until the user closes it: an import that failed (which file, why), a save or export
//   that did not happen, the local service gone. It names the error in full, its text can be
//   selected, and 复制 puts it on the clipboard (to paste into a note or a message to IT).
// Pages call useNotify(); antd's message / notification are not used anywhere else (lint:
// build/eslint.config.js `toastRule`).

import { CopyOutlined } from '@ant-design/icons';
import { App as AntApp, Button } from 'antd';
import { useMemo, type ReactNode } from 'react';
import { copyText } from './copy-text';
import { isTextField } from './page-keys';

/** Seconds each kind of toast stays on screen; `false`: until the user closes it. */
export const TOAST_SECONDS = { success: 3, info: 4, warning: 10, error: false } as const;

/** Longest file name (characters) a toast's title shows whole; a longer one is cut in the middle (the title then takes two lines at most). */
export const TITLE_NAME_CHARS = 16;

/**
 * A toast's title with each quoted name (“…”) longer than TITLE_NAME_CHARS cut in the middle,
 * keeping its start and its end (the extension, a 稿 number): the text under it names the file in
 * full, and the title keeps the whole in its tooltip and in 复制. A 150-character name in the title
 * and again in the text made a toast 430 px tall.
 */
export function toastTitle(title: string): string {
  return title.replace(/“([^”]*)”/g, (whole, name: string) => {
    const chars = Array.from(name);
    if (chars.length <= TITLE_NAME_CHARS) return whole;
    const tail = Math.floor((TITLE_NAME_CHARS - 1) / 2);
    return `“${chars.slice(0, TITLE_NAME_CHARS - 1 - tail).join('')}…${chars.slice(-tail).join('')}”`;
  });
}

export interface Notify {
  /** Something done: a short confirmation. */
  ok(content: ReactNode, opts?: { key?: string; seconds?: number }): void;
  /** Something the user may want to know. */
  info(content: ReactNode, opts?: { key?: string; seconds?: number }): void;
  /** Something to look at (nothing failed, or the page marks what failed). */
  warn(content: ReactNode, opts?: { key?: string }): void;
  /**
   * Something failed that the user must act on: stays until closed, with 复制.
   * `title` says what failed (保存失败, 导出失败 …); `text` is the reason, shown in full.
   */
  fail(text: string, opts?: { title?: string; key?: string }): void;
  /**
   * Something done that can be taken back (a removal): the toast offers 撤销, also as Ctrl+Z while it
   * shows (outside a text field, whose own undo Ctrl+Z stays). Goes after UNDO_SECONDS, or at once when used.
   */
  undoable(content: ReactNode, onUndo: () => void, opts?: { key?: string }): void;
}

/** How long a 撤销 toast stays (the pointer over it holds it). */
export const UNDO_SECONDS = 12;

/** Stops the Ctrl+Z of the 撤销 toast shown last (a newer one replaces it). */
let undoKeyOff: (() => void) | undefined;


export function useNotify(): Notify {
  const { message, notification } = AntApp.useApp();
  return useMemo<Notify>(
    () => ({
      ok: (content, o = {}) => void message.success({ content, key: o.key, duration: o.seconds ?? TOAST_SECONDS.success }),
      info: (content, o = {}) => void message.info({ content, key: o.key, duration: o.seconds ?? TOAST_SECONDS.info }),
      warn: (content, o = {}) => void message.warning({ content, key: o.key, duration: TOAST_SECONDS.warning }),
      fail: (text, o = {}) => {
        const title = o.title ?? '出错了';
        // The same failure twice is one toast, not a stack of copies.
        const key = o.key ?? `fail:${title}:${text}`;
        const shown = toastTitle(title);
        notification.error({
          key,
          title: shown === title ? title : <span title={title}>{shown}</span>,
          description: <div className="toast-error-text">{text}</div>,
          duration: TOAST_SECONDS.error,
          // Bottom right: a toast that stays must not cover the pages' top-right actions (上传送审稿, 保存 …) or the service status.
          placement: 'bottomRight',
          closable: { 'aria-label': '关闭' },
          role: 'alert',
          props: { 'data-testid': 'toast-error' },
          actions: (
            <Button size="small" icon={<CopyOutlined />} onClick={() => void copyText(`${title}：${text}`).then(() => message.success({ content: '已复制', duration: TOAST_SECONDS.success }), () => {})}>
              复制
            </Button>
          ),
        });
      },
      undoable: (content, onUndo, o = {}) => {
        const key = o.key ?? 'undo';
        let used = false;
        undoKeyOff?.();
        const off = () => {
          window.removeEventListener('keydown', onKey);
          if (undoKeyOff === off) undoKeyOff = undefined;
        };
        const undo = () => {
          if (used) return;
          used = true;
          off();
          notification.destroy(key);
          onUndo();
        };
        const onKey = (e: KeyboardEvent) => {
          if ((e.ctrlKey || e.metaKey) && !e.shiftKey && !e.altKey && e.key.toLowerCase() === 'z' && !isTextField(e.target)) {
            e.preventDefault();
            undo();
          }
        };
        window.addEventListener('keydown', onKey);
        undoKeyOff = off;
        notification.success({
          key,
          title: content,
          duration: UNDO_SECONDS,
          placement: 'bottomRight',
          closable: { 'aria-label': '关闭' },
          props: { 'data-testid': 'toast-undo' },
          onClose: off,
          actions: (
            <Button size="small" type="primary" onClick={undo} data-testid="toast-undo-button">
              撤销（Ctrl+Z）
            </Button>
          ),
        });
      },
    }),
    [message, notification],
  );
}
