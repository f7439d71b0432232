// Single-letter shortcuts of a page (the 审查工作台's j/k/a/d/e): they act on one part of the page —
// when the focus is in it, or on nothing in particular (the page itself) — and never while the
// adviser types (a field, an input method's composition), holds Ctrl/Alt/⌘ (Ctrl+A selects all,
// it does not 采纳), or is in a dialog, a dropdown or another part of the page (the sider's menu).

/** Whether a key press is for the shortcuts of `scope` (the element the keys act on). */
export function isScopeShortcut(e: KeyboardEvent, scope: HTMLElement | null): boolean {
  if (e.ctrlKey || e.metaKey || e.altKey || e.isComposing || e.keyCode === 229) return false;
  const t = e.target;
  if (!(t instanceof HTMLElement)) return false;
  if (t.isContentEditable || t.closest('input, textarea, select, [role="dialog"], [role="menu"], [role="listbox"], .ant-modal-root, .ant-drawer, .ant-select-dropdown, .ant-dropdown')) return false;
  // Nothing focused in particular: the page itself (App moves the focus to #app-content on a page change).
  if (t === document.body || t === document.documentElement || t.id === 'app-content') return true;
  return !!scope && scope.contains(t);
}

/** Whether a key press lands in a text field, whose own keys (Ctrl+Z, Delete, Alt+←) must stay its own. */
export function isTextField(t: EventTarget | null): boolean {
  return t instanceof HTMLElement && (t.isContentEditable || t.tagName === 'INPUT' || t.tagName === 'TEXTAREA');
}

/** A record dialog's 保存 button, naming the key that presses it from anywhere in the form. */
export const DIALOG_SAVE_LABEL = '保存（Ctrl+Enter）';

/**
 * The form's onKeyDown in a record dialog: Ctrl+Enter (⌘+Enter) saves from any field. Enter alone stays the
 * field's own (a date picked, an option chosen, a new line in 备注), and the dialog's 保存 sits in its footer,
 * outside the <form>, so nothing else submits it from the keyboard.
 */
export function saveOnCtrlEnter(save: () => void): (e: { key: string; ctrlKey: boolean; metaKey: boolean; preventDefault(): void }) => void {
  return (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      save();
    }
  };
}
