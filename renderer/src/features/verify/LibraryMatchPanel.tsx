// The 核对 view's offer for a scan of a law already in the library (libraryMatch on the version,
// electron/core/library/scan-library-match.ts): the library's text, where it came from, and the
// choice — 使用库中文本 (the scan is removed; the reader opens the library's version) or 保留扫描件
// (kept, recorded with who and when). The articles that differ (library → scan, the versions
// compare's rows and character changes) are listed; opened once the scan is kept.

import { Alert, Button, Collapse, Empty, Popconfirm, Space, Typography } from 'antd';
import { useState } from 'react';
import type { VersionMetaDto } from '../../../../electron/shared/api-contract';
import { TEXT_SOURCE_LABELS, type TextSource } from '../../../../electron/shared/law-model';
import { dateInZone } from '../../../../electron/shared/office-clock';
import { SCAN_MATCH_CHOICE_LABELS, type ScanMatchChoice } from '../../../../electron/shared/scan-match';
import { client, errorMessage } from '../../api/client';
import { useCall } from '../../api/hooks';
import { DiffText } from '../../components/records-ui';
import { KIND_TEXT } from '../../components/mapping-kind';
import { hrefOf, navigate } from '../../router';
import { useNotify } from '../../components/notify';

const sourceLabel = (s: string) => TEXT_SOURCE_LABELS[s as TextSource] ?? s;

export function LibraryMatchPanel({ meta, onDecided }: { meta: VersionMetaDto; onDecided: () => void }) {
  const notify = useNotify();
  const res = useCall('version:scanMatch', { versionId: meta.id });
  const [busy, setBusy] = useState(false);
  const m = meta.libraryMatch;
  if (!m) return null;
  if (res.error) return <Alert type="error" showIcon message={`无法读取库中对应的版本：${res.error}`} style={{ marginBottom: 12 }} />;
  const view = res.data;
  const rows = view?.diff.rows ?? [];
  const libTitle = view?.library.title ?? meta.title;
  const decided = m.decision;

  const choose = async (choice: ScanMatchChoice) => {
    setBusy(true);
    try {
      const r = await client.call('version:decideScanMatch', { versionId: meta.id, choice });
      if (r.choice === 'library') {
        notify.ok('已改用库中文本，扫描件未保留');
        navigate({ page: 'read', versionId: r.versionId });
      } else {
        notify.ok('已保留扫描件，差异已列出');
        onDecided();
      }
    } catch (e) {
      notify.fail(errorMessage(e), { title: '选择未保存' });
    } finally {
      setBusy(false);
    }
  };

  const title = m.sameDate
    ? `库中已有《${libTitle}》同一日期（${m.date || '无日期'}）的版本（正文来源：${sourceLabel(m.textSource)}）`
    : `库中已有《${libTitle}》的其他版本；本扫描件已作为新版本加入，最近的版本是 ${m.date || '无日期'}（${sourceLabel(m.textSource)}）`;
  const differs = view ? (rows.length ? `与库中文本相比有 ${rows.length} 条不同（逐条列在下面）。` : '与库中文本逐条相同。') : '正在比较…';
  const advice = m.sameDate ? '库中文本来自文字版文件，不含识别错字，一般应使用库中文本。' : '确认是新版本就保留；若只是旧版本的重复扫描，可不保留。';

  const diffList = rows.length ? (
    <div data-testid="scan-match-diff">
      {rows.map((r, i) => (
        <div key={i} className="scan-match-row" style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 12, padding: '6px 0', borderBottom: '1px solid #f0f0f0' }}>
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              库中 {r.from.map((s) => s.label).join('、') || '（无此条）'} · {KIND_TEXT[r.kind]?.text ?? r.kind}
            </Typography.Text>
            <div style={{ whiteSpace: 'pre-wrap' }}>{r.runs ? <DiffText runs={r.runs} side="old" /> : r.from.map((s) => s.text).join('\n')}</div>
          </div>
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              扫描件 {r.to.map((s) => s.label).join('、') || '（无此条）'}
            </Typography.Text>
            <div style={{ whiteSpace: 'pre-wrap' }}>{r.runs ? <DiffText runs={r.runs} side="new" /> : r.to.map((s) => s.text).join('\n')}</div>
          </div>
        </div>
      ))}
    </div>
  ) : (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={view ? '没有不同的条文' : '正在比较…'} />
  );

  return (
    <div style={{ marginBottom: 12 }} data-testid="scan-match">
      <Alert
        type={decided ? 'success' : 'warning'}
        showIcon
        message={title}
        description={
          <Space direction="vertical" size={6} style={{ width: '100%' }}>
            {decided ? (
              <span data-testid="scan-match-decided">
                {decided.by}于 {dateInZone(new Date(decided.at))} 选择「{SCAN_MATCH_CHOICE_LABELS[decided.choice]}」。{differs}
              </span>
            ) : (
              <span>
                {differs}
                {advice}
              </span>
            )}
            <Space wrap>
              {view && <a href={hrefOf({ page: 'read', versionId: view.library.id })}>阅读库中文本</a>}
              {!decided && (
                <>
                  <Popconfirm
                    title={m.sameDate ? '改用库中文本？' : '不保留这份扫描件？'}
                    description="这份扫描件的识别文本将从库中删除（选择会被记录）。"
                    okText={SCAN_MATCH_CHOICE_LABELS.library}
                    cancelText="取消"
                    onConfirm={() => void choose('library')}
                  >
                    <Button type="primary" disabled={busy} data-testid="scan-match-use-library">
                      {SCAN_MATCH_CHOICE_LABELS.library}
                    </Button>
                  </Popconfirm>
                  <Button disabled={busy} onClick={() => void choose('scan')} data-testid="scan-match-keep-scan">
                    {m.sameDate ? SCAN_MATCH_CHOICE_LABELS.scan : '保留为新版本'}
                  </Button>
                </>
              )}
            </Space>
          </Space>
        }
      />
      {rows.length > 0 && (
        <Collapse
          size="small"
          style={{ marginTop: 8 }}
          defaultActiveKey={decided ? ['diff'] : []}
          items={[{ key: 'diff', label: `与库中文本的差异（${rows.length} 条，左：库中 ${view?.library.date || ''}，右：扫描件）`, children: diffList }]}
        />
      )}
      {view && rows.length === 0 && decided && diffList}
    </div>
  );
}
