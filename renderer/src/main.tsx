import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { ErrorBoundary } from './components/ErrorBoundary';
import { StyleKeeper } from './components/style-keeper';
import './styles.css';

dayjs.locale('zh-cn');

const theme = {
  token: {
    colorPrimary: '#9b2c2c',
    borderRadius: 6,
    fontFamily: '"Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", system-ui, sans-serif',
  },
};

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
