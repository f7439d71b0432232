// The user's settings for the whole UI (font size, default filters) and the library's 收藏, loaded
// once and saved through the API on every change.

import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { DEFAULT_SETTINGS, FONT_SIZES, type Settings } from '../../electron/shared/api-contract';
import { client, errorMessage } from './api/client';
import { useNotify } from './components/notify';

interface SettingsContextValue {
  settings: Settings;
  /** The law ids starred 收藏 (kept in the library, not in the settings). */
  favorites: string[];
  loaded: boolean;
  update(patch: Partial<Settings>): Promise<void>;
  bumpFont(delta: number): void;
  /** Marks or unmarks a law 收藏; throws when the API refuses. */
  setFavorite(lawId: string, favorite: boolean): Promise<void>;
}

const Ctx = createContext<SettingsContextValue>({
  settings: DEFAULT_SETTINGS,
  favorites: [],
  loaded: false,
  update: async () => {},
  bumpFont: () => {},
  setFavorite: async () => {},
});

export function SettingsProvider({ children }: { children: ReactNode }) {
  const notify = useNotify();
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [favorites, setFavorites] = useState<string[]>([]);
  const [loaded, setLoaded] = useState(false);
  useEffect(() => {
    client.call('law:favorites', {}).then(
      (f) => setFavorites(f.favorites),
      (e) => notify.fail(errorMessage(e), { title: '读取收藏失败' }),
    );
    client.call('settings:get', {}).then(
      (s) => {
        setSettings(s);
        setLoaded(true);
      },
      (e) => {
        setLoaded(true);
        notify.fail(errorMessage(e), { title: '读取设置失败' });
      },
    );
  }, [notify]);
  const update = useCallback(
    async (patch: Partial<Settings>) => {
      setSettings((s) => ({ ...s, ...patch }));
      try {
        setSettings(await client.call('settings:set', patch));
      } catch (e) {
        notify.fail(errorMessage(e), { title: '保存设置失败' });
      }
    },
    [notify],
  );
  const bumpFont = useCallback(
    (delta: number) => {
      const next = Math.min(FONT_SIZES.max, Math.max(FONT_SIZES.min, settings.fontSize + delta));
      if (next !== settings.fontSize) void update({ fontSize: next });
    },
    [settings.fontSize, update],
  );
  // Favourites are saved by their own call; keeping them here lets every page (the search sidebar's
  // 只搜收藏) see a change made on another.
  const setFavorite = useCallback(async (lawId: string, favorite: boolean) => {
    setFavorites((await client.call('law:setFavorite', { lawId, favorite })).favorites);
  }, []);
  return <Ctx.Provider value={{ settings, favorites, loaded, update, bumpFont, setFavorite }}>{children}</Ctx.Provider>;
}

export function useSettings(): SettingsContextValue {
  return useContext(Ctx);
}
