// Remembers the window's size, position and maximised state between runs (electron-store),
// and ignores a saved position that is no longer on any display.

import { screen, type BrowserWindow } from 'electron';
import Store from 'electron-store';
import type { WindowBounds } from './window-options';

const DEFAULT: WindowBounds = { width: 1280, height: 820 };

export class WindowState {
  private store = new Store<{ bounds: WindowBounds }>({ name: 'window-state', defaults: { bounds: DEFAULT } });

  load(): WindowBounds {
    const b = this.store.get('bounds');
    if (typeof b?.width !== 'number' || typeof b.height !== 'number') return DEFAULT;
    if (b.x !== undefined && b.y !== undefined) {
      const visible = screen.getAllDisplays().some((d) => {
        const a = d.workArea;
        return b.x! >= a.x - 50 && b.y! >= a.y - 50 && b.x! < a.x + a.width - 100 && b.y! < a.y + a.height - 100;
      });
      if (!visible) return { width: b.width, height: b.height, ...(b.maximized ? { maximized: true } : {}) };
    }
    return b;
  }

  track(win: BrowserWindow): void {
    let timer: NodeJS.Timeout | undefined;
    const save = () => {
      if (win.isDestroyed() || win.isMinimized()) return;
      const maximized = win.isMaximized();
      const n = maximized ? this.store.get('bounds') : win.getBounds();
      this.store.set('bounds', { x: n.x, y: n.y, width: n.width, height: n.height, maximized });
    };
    const later = () => {
      clearTimeout(timer);
      timer = setTimeout(save, 500);
    };
    win.on('resize', later);
    win.on('move', later);
    win.on('close', save);
  }
}
