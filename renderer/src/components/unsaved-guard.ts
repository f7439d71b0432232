// Unsaved edits are not lost to a closed window or a reload: while `dirty`, the browser (and
// Electron's window) asks before the page goes. One hook for every form with a 保存 button.

import { useEffect } from 'react';

export function useUnsavedGuard(dirty: boolean): void {
  useEffect(() => {
    if (!dirty) return;
    const ask = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = ''; // older Chromium (Electron's too) needs it set to ask
    };
    window.addEventListener('beforeunload', ask);
    return () => window.removeEventListener('beforeunload', ask);
  }, [dirty]);
}
