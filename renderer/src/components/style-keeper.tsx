// Keeps antd's generated CSS alive across page changes. antd (through @ant-design/cssinjs) builds a
// component's CSS when its first instance mounts and drops it when the last one unmounts, so every
// page change re-generated (parse, serialise, inject, re-scan every <style>) the styles of each
// component the previous page did not also show: a third of the main-thread time of opening a law
// from 法规库, and most of painting a search's first results on a fresh 搜索 page. One hidden instance
// of each component the app uses, mounted one by one when the browser is idle after start (and no
// page is opening), holds them. Since session 13 the components' styles of this list come
// pre-rendered in the app's stylesheet (build/antd-static-style.tsx renders INSTANCES at build
// time), so what the keeper still holds is each component's block of CSS variables (antd registers
// those at run time) and the styles of any component the list misses.

import {
  Alert,
  Badge,
  Breadcrumb,
  Button,
  Card,
  Checkbox,
  Col,
  Collapse,
  DatePicker,
  Descriptions,
  Drawer,
  Empty,
  Form,
  Input,
  InputNumber,
  List,
  Modal,
  Pagination,
  Popconfirm,
  Popover,
  Progress,
  Radio,
  Result,
  Row,
  Select,
  Skeleton,
  Space,
  Spin,
  Statistic,
  Switch,
  Table,
  Tabs,
  Tag,
  Timeline,
  Tooltip,
  Tree,
  Typography,
  Upload,
} from 'antd';
import { memo, useEffect, useState, type ReactNode } from 'react';

/**
 * One hidden instance per component the app uses, those of the reader and 搜索 first; the build
 * renders the same list for the app's stylesheet (build/antd-static-style.tsx). Mounted one per idle
 * moment: all at once they were one main-thread task of 100–170 ms on a quiet machine (and several
 * hundred under load), often landing in the middle of opening a law or of the first keystrokes.
 */
export const INSTANCES: (() => ReactNode)[] = [
  () => <Button />,
  () => <Tag />,
  () => <Typography.Text />,
  () => (
    <Tooltip>
      <span />
    </Tooltip>
  ),
  () => <Input.Search />,
  () => <Space.Compact />,
  () => <Badge count={1} />,
  () => <Breadcrumb items={[{ title: '' }]} />,
  () => <Descriptions items={[{ key: '', label: '', children: '' }]} />,
  () => <Select />,
  () => <DatePicker />,
  () => <Tree treeData={[{ key: '', title: '' }]} />,
  () => <Skeleton />,
  () => <Alert title="" />,
  () => <Pagination total={30} />,
  () => <Switch />,
  () => <Checkbox.Group options={['']} />,
  () => <Empty />,
  () => <Spin />,
  () => <Collapse items={[{ key: '', label: '' }]} />,
  () => <Drawer open={false} />,
  () => <Modal open={false} />,
  () => (
    <Popover>
      <span />
    </Popover>
  ),
  () => (
    <Popconfirm title="">
      <span />
    </Popconfirm>
  ),
  () => (
    <Row>
      <Col span={1} />
    </Row>
  ),
  () => <Card />,
  () => (
    <Form>
      <Form.Item label="">
        <Input />
      </Form.Item>
    </Form>
  ),
  () => <Input.TextArea />,
  () => <InputNumber />,
  () => <List dataSource={['']} renderItem={() => <List.Item />} />,
  () => <Table rowKey="k" rowSelection={{}} columns={[{ key: 'k', dataIndex: 'k' }]} dataSource={[{ k: 1 }]} />,
  () => <Tabs items={[{ key: '', label: '' }]} />,
  () => <DatePicker.RangePicker />,
  () => <Progress percent={1} />,
  () => <Radio.Group options={['']} />,
  () => <Result />,
  () => <Statistic value={1} />,
  () => <Timeline items={[{ children: '' }]} />,
  () => <Upload />,
];

/** Rendered once: later idle steps add instances beside it without re-rendering it. */
const Keep = memo(function Keep({ at }: { at: number }) {
  return <>{INSTANCES[at]!()}</>;
});

/** A page opened, or a key typed, within this long: the keeper waits (ms). */
const SETTLING_MS = 1000;
/**
 * The last route change or keystroke. An idle moment between two keystrokes is the wait for the
 * answer to the first: a step there (5–20 ms, a restyle of the whole page after it) landed on the
 * keystroke's results, so the keeper leaves typing alone. The start counts as a page opening.
 */
let busyAt = typeof performance !== 'undefined' ? performance.now() : -Infinity;
if (typeof window !== 'undefined') {
  const busy = () => (busyAt = performance.now());
  window.addEventListener('hashchange', busy);
  window.addEventListener('keydown', busy, true);
  // An input method's text comes without keydowns of its own.
  window.addEventListener('input', busy, true);
}

export function StyleKeeper() {
  const [count, setCount] = useState(0);
  const [retry, setRetry] = useState(0);
  useEffect(() => {
    if (count >= INSTANCES.length) return;
    // The first waits for the app to settle after start; the rest follow in idle moments. An idle
    // moment while a page opens is the wait for its answer: a step there (5–20 ms) delayed the
    // first article of a law opened soon after start, so it waits for the page to settle.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const id = requestIdleCallback(
      () => {
        const wait = busyAt + SETTLING_MS - performance.now();
        if (wait > 0) timer = setTimeout(() => setRetry((r) => r + 1), wait);
        else setCount((c) => c + 1);
      },
      { timeout: count === 0 ? 1500 : 1000 },
    );
    return () => {
      cancelIdleCallback(id);
      clearTimeout(timer);
    };
  }, [count, retry]);
  if (!count) return null;
  return (
    <div style={{ display: 'none' }} aria-hidden="true" data-testid="style-keeper" data-kept={count}>
      {INSTANCES.slice(0, count).map((_, i) => (
        <Keep key={i} at={i} />
      ))}
    </div>
  );
}
