// 浏览… for 按路径导入 in the browser face: the folders of this machine (the user's home and the
// drives only — the server checks every path), one level at a time, with the number of law files
// in each folder and whether it has a manifest.jsonl. Enter opens the selected folder, Backspace
// goes up.

import { ArrowUpOutlined, FileTextOutlined, FolderOutlined } from '@ant-design/icons';
import { Alert, Breadcrumb, Button, Empty, Modal, Space, Spin, Tag, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { ApiOutput } from '../../../../electron/shared/api-contract';
import { client, errorMessage } from '../../api/client';
import { handleListKeys } from '../../components/list-keys';
import { ActionLink } from '../../components/action-link';

type Listing = ApiOutput<'import:browse'>;

export function FolderBrowser({ open, start, onClose, onChoose }: { open: boolean; start?: string; onClose: () => void; onChoose: (path: string) => void }) {
  const [listing, setListing] = useState<Listing>();
  const [error, setError] = useState<string>();
  const [loading, setLoading] = useState(false);
  const [selected, setSelected] = useState(0);
  // The list takes the keys: it has the focus when the dialog opens and after each folder opened
  // (a div's autoFocus is not honoured, and antd focuses the dialog's own frame).
  const keys = useRef<HTMLDivElement>(null);
  const list = useRef<HTMLDivElement>(null);

  const go = (path?: string) => {
    setLoading(true);
    setError(undefined);
    client.call('import:browse', path ? { path } : {}).then(
      (l) => {
        setListing(l);
        setSelected(0);
        setLoading(false);
      },
      (e) => {
        setError(errorMessage(e));
        setLoading(false);
        // A typed path that is not allowed: still show the roots to choose from.
        if (path) void client.call('import:browse', {}).then(setListing, () => {});
      },
    );
  };

  useEffect(() => {
    if (open) go(start?.trim() || undefined);
  }, [open]);

  useEffect(() => {
    if (!open || !listing) return;
    const el = keys.current;
    if (el && !el.contains(document.activeElement)) el.focus({ preventScroll: true });
  }, [open, listing]);
  useEffect(() => {
    list.current?.querySelector('.quick-item.selected')?.scrollIntoView({ block: 'nearest' });
  }, [selected, listing]);

  const dirs = listing?.dirs ?? [];
  const crumbs = listing?.path ? crumbsOf(listing.path, listing.roots) : [];

  return (
    <Modal
      open={open}
      title="选择要导入的文件夹"
      onCancel={onClose}
      width={640}
      destroyOnHidden
      footer={
        <Space>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" disabled={!listing?.path} onClick={() => listing?.path && onChoose(listing.path)} data-testid="folder-choose">
            导入这个文件夹
          </Button>
        </Space>
      }
    >
      <div
        ref={keys}
        tabIndex={0}
        className="folder-browser"
        aria-label="文件夹列表：↑↓ 选择，Enter 打开，Backspace 上一级"
        onKeyDown={(e) => {
          if (e.key === 'Backspace' && listing?.parent !== undefined) {
            e.preventDefault();
            go(listing.parent ?? undefined);
            return;
          }
          handleListKeys(e, { count: dirs.length, setSelected, onEnter: () => dirs[selected] && go(dirs[selected].path) });
        }}
        data-testid="folder-browser"
      >
        <Space style={{ marginBottom: 8 }} wrap>
          <Button size="small" icon={<ArrowUpOutlined />} disabled={!listing?.path} onClick={() => go(listing?.parent ?? undefined)}>
            上一级
          </Button>
          {listing?.path ? (
            <Breadcrumb items={crumbs.map((c) => ({ title: <ActionLink onClick={() => go(c.path)}>{c.label}</ActionLink> }))} />
          ) : (
            <Typography.Text type="secondary">主文件夹和各磁盘</Typography.Text>
          )}
        </Space>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 8 }} />}
        {listing?.path && (
          <Typography.Paragraph type="secondary" style={{ margin: '0 0 6px' }} data-testid="folder-summary">
            <FileTextOutlined /> 此文件夹中有 {listing.files} 个法规文件（子文件夹一并导入）
            {listing.manifest && <Tag color="green" style={{ marginLeft: 8 }}>有 manifest.jsonl</Tag>}
          </Typography.Paragraph>
        )}
        <Spin spinning={loading}>
          <div ref={list} className="folder-list" style={{ height: 340, overflow: 'auto', border: '1px solid #f0f0f0', borderRadius: 6 }} role="listbox" aria-activedescendant={dirs[selected] ? `folder-${selected}` : undefined}>
            {dirs.length === 0 && !loading ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有子文件夹" />
            ) : (
              dirs.map((d, i) => (
                <div
                  key={d.path}
                  role="option"
                  id={`folder-${i}`}
                  aria-selected={i === selected}
                  className={`quick-item${i === selected ? ' selected' : ''}`}
                  onMouseEnter={() => setSelected(i)}
                  onClick={() => go(d.path)}
                  data-testid="folder-item"
                >
                  <span>
                    <FolderOutlined /> {d.name}
                  </span>
                </div>
              ))
            )}
          </div>
        </Spin>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '6px 0 0' }}>
          ↑↓ 选择，Enter 打开，Backspace 上一级。只能选择主文件夹和各磁盘中的文件夹。
        </Typography.Paragraph>
      </div>
    </Modal>
  );
}

/** The breadcrumb of `path` from the root it is in. */
function crumbsOf(path: string, roots: { label: string; path: string }[]): { label: string; path: string }[] {
  const root = roots.filter((r) => path === r.path || path.startsWith(r.path.replace(/[\\/]$/, '') + (path.includes('\\') ? '\\' : '/'))).sort((a, b) => b.path.length - a.path.length)[0];
  if (!root) return [{ label: path, path }];
  const sep = path.includes('\\') ? '\\' : '/';
  const rest = path.slice(root.path.length).split(/[\\/]/).filter(Boolean);
  const out = [{ label: root.label, path: root.path }];
  let at = root.path.replace(/[\\/]$/, '');
  for (const part of rest) {
    at = `${at}${sep}${part}`;
    out.push({ label: part, path: at });
  }
  return out;
}
