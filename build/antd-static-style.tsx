// Prints antd's CSS for the app's theme and the components the app uses, rendered ahead of time
// (run by the renderer's build with NODE_ENV=production, see electron.vite.config.ts; writes no
// file). antd 6 otherwise builds each component's CSS in the page when its first instance mounts:
// the app's first render after every start (one task of 100–190 ms) and each page's first widgets.
// The output ends with antd's own cache-path rule (.data-ant-cssinjs-cache-path): with it in a
// stylesheet, @ant-design/cssinjs takes every style listed there as already in the page and
// generates none of them; a component not rendered here still gets its CSS at run time, as before.

import { createCache, extractStyle, StyleProvider } from '@ant-design/cssinjs';
import { App as AntApp, ConfigProvider, Layout, Menu, Space, Tag } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { renderToString } from 'react-dom/server';
import { INSTANCES } from '../renderer/src/components/style-keeper';
import { theme } from '../renderer/src/theme';

if (process.env.NODE_ENV !== 'production') throw new Error('antd-static-style: run with NODE_ENV=production (the class hashes differ in development)');

const cache = createCache();
renderToString(
  <StyleProvider cache={cache}>
    <ConfigProvider locale={zhCN} theme={theme}>
      <AntApp>
        {/* The shell (App.tsx), then every component the StyleKeeper holds: the components the app uses. */}
        <Layout>
          <Layout.Sider theme="dark" collapsible breakpoint="xl" collapsedWidth={64} />
          <Layout>
            <Layout.Header />
            <Layout.Content />
          </Layout>
        </Layout>
        <Menu theme="dark" mode="inline" items={[{ key: 'a', label: 'a' }]} selectedKeys={['a']} />
        {/* A coloured Tag has styles of its own (the presets), and Space those beside Space.Compact's. */}
        <Tag color="blue" />
        <Space />
        {INSTANCES.map((make, i) => (
          <div key={i}>{make()}</div>
        ))}
      </AntApp>
    </ConfigProvider>
  </StyleProvider>,
);
// Only the components' styles: the theme's CSS variables stay with antd at run time (it registers them whatever the file holds).
process.stdout.write(extractStyle(cache, { plain: true, types: ['style'] }));
