// Keeps antd's generated CSS alive across page changes. antd (through @ant-design/cssinjs) builds a
// component's CSS when its first instance mounts and drops it when the last one unmounts, so every
// page change re-generated (parse, serialise, inject, re-scan every <style>) the styles of each
// component the previous page did not also show: a third of the main-thread time of opening a law
// from 法规库, and most of painting a search's first results on a fresh 搜索 page. One hidden instance
// of each component the app uses, mounted once when the browser is idle after start, holds them.

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
import { useEffect, useState } from 'react';

function Instances() {
  return (
    <>
      <Alert title="" />
      <Badge count={1} />
      <Breadcrumb items={[{ title: '' }]} />
      <Button />
      <Card />
      <Checkbox.Group options={['']} />
      <Row>
        <Col span={1} />
      </Row>
      <Collapse items={[{ key: '', label: '' }]} />
      <DatePicker />
      <DatePicker.RangePicker />
      <Descriptions items={[{ key: '', label: '', children: '' }]} />
      <Drawer open={false} />
      <Empty />
      <Form>
        <Form.Item label="">
          <Input />
        </Form.Item>
      </Form>
      <Input.Search />
      <Input.TextArea />
      <InputNumber />
      <List dataSource={['']} renderItem={() => <List.Item />} />
      <Modal open={false} />
      <Pagination total={30} />
      <Popconfirm title="">
        <span />
      </Popconfirm>
      <Popover>
        <span />
      </Popover>
      <Progress percent={1} />
      <Radio.Group options={['']} />
      <Result />
      <Select />
      <Skeleton />
      <Space.Compact />
      <Spin />
      <Statistic value={1} />
      <Switch />
      <Table rowKey="k" rowSelection={{}} columns={[{ key: 'k', dataIndex: 'k' }]} dataSource={[{ k: 1 }]} />
      <Tabs items={[{ key: '', label: '' }]} />
      <Tag />
      <Timeline items={[{ children: '' }]} />
      <Tooltip>
        <span />
      </Tooltip>
      <Tree treeData={[{ key: '', title: '' }]} />
      <Typography.Text />
      <Upload />
    </>
  );
}

export function StyleKeeper() {
  const [on, setOn] = useState(false);
  useEffect(() => {
    const id = requestIdleCallback(() => setOn(true), { timeout: 1500 });
    return () => cancelIdleCallback(id);
  }, []);
  if (!on) return null;
  return (
    <div style={{ display: 'none' }} aria-hidden="true" data-testid="style-keeper">
      <Instances />
    </div>
  );
}
