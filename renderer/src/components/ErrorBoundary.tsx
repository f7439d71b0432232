// A renderer error never leaves a white screen: the page that failed shows what happened and a
// way back; the rest of the window (menu, quick open) keeps working.

import { Button, Result, Typography } from 'antd';
import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  children: ReactNode;
  /** Changing it (e.g. the route) clears the error. */
  resetKey?: string;
}

export class ErrorBoundary extends Component<Props, { error: Error | undefined; key: string | undefined }> {
  override state = { error: undefined as Error | undefined, key: this.props.resetKey };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  static getDerivedStateFromProps(props: Props, state: { error: Error | undefined; key: string | undefined }) {
    if (props.resetKey !== state.key) return { error: undefined, key: props.resetKey };
    return null;
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('界面错误', error, info.componentStack);
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <Result
        status="error"
        title="这个页面出错了"
        subTitle={<Typography.Text type="secondary">{this.state.error.message}</Typography.Text>}
        extra={[
          <Button key="retry" type="primary" onClick={() => this.setState({ error: undefined })}>
            重试
          </Button>,
          <Button key="home" onClick={() => (location.hash = '#/library')}>
            返回法规库
          </Button>,
        ]}
      />
    );
  }
}
