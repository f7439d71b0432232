// 设置: library folder (takes effect after a restart), reading font size, default filters, the
// full-text index, bundles and records backups.

import { Alert, Button, Card, Checkbox, Form, Input, InputNumber, Space, Switch, Typography, type InputRef } from 'antd';
import { TabLeavingSelect } from '../../components/tab-leaving-select';
import { useEffect, useRef, useState } from 'react';
import { FONT_SIZES } from '../../../../electron/shared/api-contract';
import { LEVELS, type Level } from '../../../../electron/shared/law-model';
import { setAsideSummary } from '../../../../electron/shared/library-health';
import { useCall, useEvent } from '../../api/hooks';
import { ErrorState } from '../../components/common';
import { useSettings } from '../../settings-context';
import { BackupCard } from './BackupCard';
import { IndexCard } from './IndexCard';
import { OfficeCard } from './OfficeCard';
import { HolidaysCard } from './HolidaysCard';

export function SettingsPage({ focus }: { focus?: 'name' } = {}) {
  const { settings, loaded, update } = useSettings();
  const info = useCall('library:info', {});
  useEvent('library:health', info.reload);
  const list = useCall('laws:list', { limit: 1 });
  const [dir, setDir] = useState(settings.libraryDir);
  useEffect(() => setDir(settings.libraryDir), [settings.libraryDir]);
  if (!loaded) return null;
  const regions = Object.keys(list.data?.facets.region ?? {});

  return (
    <div className="page" style={{ maxWidth: 820 }}>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        设置
      </Typography.Title>
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Card title="资料库" size="small">
          {info.error ? (
            <ErrorState message={info.error} onRetry={info.reload} />
          ) : (
            <Form layout="vertical">
              <Form.Item label="当前资料库文件夹">
                <Typography.Text code copyable data-testid="settings-library-dir">
                  {info.data?.dir ?? '…'}
                </Typography.Text>
                <div>
                  <Typography.Text type="secondary">
                    {info.data ? `${info.data.lawCount} 部法规，${info.data.versionCount} 个版本` : ''}
                  </Typography.Text>
                </div>
              </Form.Item>
              <Form.Item label="下次启动时使用的文件夹" extra="留空则使用默认位置（用户数据目录下的 LawDesk/library）。修改后重新启动生效。">
                <Space.Compact style={{ width: '100%' }}>
                  <Input value={dir} onChange={(e) => setDir(e.target.value)} placeholder="默认位置" />
                  <Button type="primary" disabled={dir === settings.libraryDir} onClick={() => void update({ libraryDir: dir.trim() })}>
                    保存
                  </Button>
                </Space.Compact>
              </Form.Item>
              {info.data?.readOnly && <Alert type="error" showIcon title="资料库现在只能查阅，不能导入或修改" description={info.data.readOnly} data-testid="settings-library-readonly" style={{ marginBottom: 12 }} />}
              {info.data?.repairs && (
                <Alert
                  type="warning"
                  showIcon
                  title="打开资料库时修复了目录 library.json："
                  description={
                    <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                      {info.data.repairs.map((r, i) => (
                        <li key={i}>{r}</li>
                      ))}
                    </ul>
                  }
                  data-testid="settings-library-repairs"
                  style={{ marginBottom: 12 }}
                />
              )}
              {info.data?.setAside && (
                <Alert
                  type="warning"
                  showIcon
                  title={setAsideSummary(info.data.setAside, Boolean(info.data.repairs))}
                  description={
                    <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                      {info.data.setAside.notes.map((r, i) => (
                        <li key={i}>{r}</li>
                      ))}
                    </ul>
                  }
                  data-testid="settings-records-set-aside"
                  style={{ marginBottom: 12 }}
                />
              )}
              {settings.libraryDir && info.data && settings.libraryDir !== info.data.dir && (
                <Alert type="info" showIcon title="重新启动 LawDesk 后将打开新的资料库文件夹" />
              )}
            </Form>
          )}
        </Card>
        <Card title="署名" size="small">
          <DisplayName value={settings.displayName} focus={focus === 'name'} onSave={(displayName) => void update({ displayName })} />
        </Card>
        <Card title="阅读" size="small">
          <Form layout="inline">
            <Form.Item label="正文字号">
              <InputNumber
                min={FONT_SIZES.min}
                max={FONT_SIZES.max}
                value={settings.fontSize}
                onChange={(v) => v && void update({ fontSize: v })}
                suffix="px"
                data-testid="settings-font-size"
              />
            </Form.Item>
            <Form.Item>
              <Typography.Text type="secondary" style={{ fontSize: settings.fontSize }}>
                第一条　示例文字
              </Typography.Text>
            </Form.Item>
          </Form>
        </Card>
        <Card title="默认筛选（法规库与搜索）" size="small">
          <Form layout="vertical">
            <Form.Item>
              <Space>
                <Switch checked={settings.defaultFilters.inForceOnly} onChange={(v) => void update({ defaultFilters: { ...settings.defaultFilters, inForceOnly: v } })} />
                只看现行有效
              </Space>
            </Form.Item>
            <Form.Item label="效力级别">
              <Checkbox.Group
                options={LEVELS.map((l) => ({ label: l, value: l }))}
                value={settings.defaultFilters.levels}
                onChange={(v) => void update({ defaultFilters: { ...settings.defaultFilters, levels: v as Level[] } })}
              />
            </Form.Item>
            <Form.Item label="地区">
              <TabLeavingSelect
                mode="multiple"
                allowClear
                placeholder="全部地区"
                value={settings.defaultFilters.regions}
                options={regions.map((r) => ({ label: r, value: r }))}
                onChange={(v) => void update({ defaultFilters: { ...settings.defaultFilters, regions: v } })}
              />
            </Form.Item>
          </Form>
        </Card>
        <OfficeCard />
        <HolidaysCard />
        <IndexCard />
        <BackupCard />
        <Typography.Text type="secondary">
          {info.data ? `法规案头 ${info.data.appVersion} · ${info.data.face === 'electron' ? '桌面版' : '浏览器版（仅本机 127.0.0.1）'}` : ''}
        </Typography.Text>
      </Space>
    </div>
  );
}

/** The name records carry as 经办人 (and the change log as who): not the computer's user name. */
function DisplayName({ value, focus, onSave }: { value: string; focus: boolean; onSave: (v: string) => void }) {
  const [name, setName] = useState(value);
  useEffect(() => setName(value), [value]);
  const input = useRef<InputRef>(null);
  // Arrived from a 未设置经办人 hint: the field to fill, in view and focused.
  useEffect(() => {
    if (!focus) return;
    input.current?.input?.scrollIntoView({ block: 'center' });
    input.current?.focus();
  }, [focus]);
  return (
    <Form layout="vertical">
      <Form.Item label="记录中的经办人姓名" extra={value ? '写入审查、学法记录及其修改记录。' : '尚未设置：审查、学法记录及其修改记录现在记下的是这台电脑的登录用户名。填写后，新的修改记为这个姓名。'} style={{ marginBottom: 0 }}>
        <Space.Compact style={{ width: '100%', maxWidth: 420 }}>
          <Input ref={input} value={name} onChange={(e) => setName(e.target.value)} maxLength={40} placeholder="如：张律师" onPressEnter={() => onSave(name.trim())} data-testid="settings-display-name" />
          <Button type="primary" disabled={name.trim() === value} onClick={() => onSave(name.trim())} data-testid="settings-display-name-save">
            保存
          </Button>
        </Space.Compact>
      </Form.Item>
    </Form>
  );
}
