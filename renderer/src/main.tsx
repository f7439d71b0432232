import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
// antd's styles for the components the app uses, rendered at build time (build/antd-static-style.tsx):
// antd finds them in this stylesheet and generates none of them at run time. First, so the app's own
// styles.css still comes after antd's, as it did when antd injected its styles at the head's top.
import 'virtual:antd-static.css';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { ErrorBoundary } from './components/ErrorBoundary';
import { StyleKeeper } from './components/style-keeper';
import { theme } from './theme';
import './styles.css';

dayjs.locale('zh-cn');


createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ConfigProvider locale={zhCN} theme={theme}>
      {/* Error toasts stay until closed (components/notify.tsx): more than one fold into a stack (the
          newest in front, the others spread out on hover), so a few failed uploads in a row do not
          climb up over the page's own top-right actions (上传送审稿, 保存) and hide them. */}
      <AntApp notification={{ stack: { threshold: 1 } }}>
        <ErrorBoundary>
          <App />
        </ErrorBoundary>
        <StyleKeeper />
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
);
