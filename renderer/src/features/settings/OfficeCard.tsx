// 单位信息: the unit's name, its region and the legal adviser, kept in the library; the yearly
// report and the 规范性文件 register use them.

import { Alert, Button, Card, Form, Input, Space, message } from 'antd';
import { useEffect, useState } from 'react';
import type { OfficeProfile } from '../../../../electron/shared/office-profile';
import { client, errorMessage } from '../../api/client';
import { useCall } from '../../api/hooks';

interface Values {
  unit: string;
  region: string;
  adviserName?: string;
  adviserOrg?: string;
}

export function OfficeCard() {
  const res = useCall('office:get', {}, 'office');
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    const p: OfficeProfile | undefined = res.data;
    if (p) form.setFieldsValue({ unit: p.unit, region: p.region, adviserName: p.adviser?.name ?? '', adviserOrg: p.adviser?.org ?? '' });
  }, [res.data, form]);
  const save = async () => {
    const v = form.getFieldsValue();
    setError(undefined);
    try {
      const name = v.adviserName?.trim();
      await client.call('office:set', { unit: v.unit ?? '', region: v.region ?? '', adviser: name ? { name, ...(v.adviserOrg?.trim() ? { org: v.adviserOrg.trim() } : {}) } : null });
      void message.success('单位信息已保存');
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <Card size="small" title="单位信息" data-testid="office-card">
      <Form form={form} layout="vertical">
        <Space wrap>
          <Form.Item name="unit" label="单位名称">
            <Input placeholder="高青县科学技术局" style={{ width: 240 }} />
          </Form.Item>
          <Form.Item name="region" label="所在地区" tooltip="本单位规范性文件的适用地区，省·市·县，如 山东·淄博·高青县">
            <Input placeholder="山东·淄博·高青县" style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="adviserName" label="法律顾问">
            <Input style={{ width: 120 }} />
          </Form.Item>
          <Form.Item name="adviserOrg" label="法律顾问单位">
            <Input style={{ width: 200 }} />
          </Form.Item>
        </Space>
        <Button type="primary" size="small" onClick={() => void save()} data-testid="office-save">
          保存
        </Button>
        {error && <Alert type="error" showIcon message={error} style={{ marginTop: 8 }} />}
      </Form>
    </Card>
  );
}
