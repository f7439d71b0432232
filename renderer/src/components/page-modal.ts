// antd's modal.error / confirm … as a page opens them: closed when the page goes away. A static
// modal lives outside the page's tree, so without this a refusal opened on 设置 stayed over the
// next page and blocked it (its mask takes every click) until 知道了 was clicked.

import { App as AntApp } from 'antd';
import { useEffect, useMemo, useRef } from 'react';

type ModalApi = ReturnType<typeof AntApp.useApp>['modal'];
type Opened = { destroy(): void };
const KINDS = ['info', 'success', 'error', 'warning', 'confirm'] as const;

export function usePageModal(): ModalApi {
  const { modal } = AntApp.useApp();
  const opened = useRef(new Set<Opened>());
  useEffect(() => {
    const set = opened.current;
    return () => {
      for (const m of set) m.destroy();
      set.clear();
    };
  }, []);
  return useMemo(() => {
    const scoped = { ...modal };
    for (const kind of KINDS) {
      scoped[kind] = (config) => {
        const held: { m?: Opened } = {};
        const instance = modal[kind]({
          ...config,
          afterClose: () => {
            if (held.m) opened.current.delete(held.m);
            config.afterClose?.();
          },
        });
        held.m = instance;
        opened.current.add(instance);
        return instance;
      };
    }
    return scoped;
  }, [modal]);
}
