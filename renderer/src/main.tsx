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
      <AntApp>
        <ErrorBoundary>
          <App />
        </ErrorBoundary>
        <StyleKeeper />
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
);
