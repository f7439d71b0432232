// 导入: pick files or a folder (or drop them), see a preview of what each file becomes, then
// commit; per-file progress while it runs and a report with failures and warnings at the end.
// Files travel as bytes (name + base64) in both faces; Electron's native dialog passes paths
// inside main and never through the renderer.

import { CheckCircleTwoTone, CloseCircleTwoTone, FileAddOutlined, FolderOpenOutlined, InboxOutlined, MinusCircleTwoTone, WarningTwoTone } from '@ant-design/icons';
import { Alert, App as AntApp, Button, List, Progress, Result, Space, Table, Tag, Typography, Upload, type UploadFile } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { UPLOAD_LIMITS, type ApiOutput, type ImportReportDto } from '../../../../electron/shared/api-contract';
import { client, errorMessage } from '../../api/client';
import { useEvent } from '../../api/hooks';
import { EmptyState } from '../../components/common';
import { navigate } from '../../router';

type Preview = Extract<ApiOutput<'import:preview'>, { stagingId: string }>;
type FileResult = ImportReportDto['files'][number];

const STATUS_TEXT: Record<FileResult['status'], { text: string; color: string }> = {
  imported: { text: '新增', color: 'green' },
  replaced: { text: '替换同日版本', color: 'orange' },
  skipped: { text: '已存在，跳过', color: 'default' },
  failed: { text: '失败', color: 'red' },
};

function readAsBase64(file: File): Promise<string> {
  return new Promise((ok, fail) => {
    const r = new FileReader();
    r.onload = () => ok(String(r.result).replace(/^data:[^,]*,/, ''));
    r.onerror = () => fail(r.error ?? new Error('读取失败'));
    r.readAsDataURL(file);
  });
}

function fileIcon(status: FileResult['status']) {
  if (status === 'failed') return <CloseCircleTwoTone twoToneColor="#ff4d4f" />;
  if (status === 'skipped') return <MinusCircleTwoTone twoToneColor="#bfbfbf" />;
  return <CheckCircleTwoTone twoToneColor="#52c41a" />;
}

function ReportTable({ files, dryRun }: { files: FileResult[]; dryRun: boolean }) {
  return (
    <Table<FileResult>
      size="small"
      rowKey={(f, i) => `${f.file}#${i}`}
      dataSource={files}
      pagination={files.length > 50 ? { pageSize: 50 } : false}
      data-testid={dryRun ? 'import-preview-table' : 'import-report-table'}
      expandable={{
        rowExpandable: (f) => !!f.preview?.length,
        expandedRowRender: (f) => (
          <div style={{ fontSize: 13 }}>
            {f.preview?.map((p, i) => (
              <div key={i}>
                <b>{p.label}</b> {p.text}
              </div>
            ))}
          </div>
        ),
      }}
      columns={[
        { title: '', key: 'icon', width: 32, render: (_, f) => fileIcon(f.status) },
        { title: '文件', dataIndex: 'file', ellipsis: true },
        { title: '识别为', key: 'title', render: (_, f) => (f.title ? (f.versionId && !dryRun && f.status !== 'failed' ? <a href={`#/read/${encodeURIComponent(f.versionId)}`}>{f.title}</a> : f.title) : '—') },
        { title: '条数', dataIndex: 'articleCount', width: 64, align: 'right', render: (n?: number) => n ?? '—' },
        {
          title: dryRun ? '将会' : '结果',
          key: 'status',
          width: 200,
          render: (_, f) => (
            <Space orientation="vertical" size={0}>
              <Tag color={STATUS_TEXT[f.status].color}>{STATUS_TEXT[f.status].text}</Tag>
              {f.reason && <Typography.Text type={f.status === 'failed' ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>{f.reason}</Typography.Text>}
            </Space>
          ),
        },
      ]}
    />
  );
}

function Warnings({ report }: { report: ImportReportDto }) {
  if (!report.warnings.length) return null;
  return (
    <Alert
      type="warning"
      showIcon
      icon={<WarningTwoTone twoToneColor="#faad14" />}
      style={{ margin: '12px 0' }}
      title={`${report.warnings.length} 条提示`}
      description={
        <List
          size="small"
          dataSource={report.warnings}
          renderItem={(w) => (
            <List.Item style={{ padding: '2px 0' }}>
              <Typography.Text type="secondary">{w.file}：</Typography.Text>
              {w.message}
            </List.Item>
          )}
        />
      }
      data-testid="import-warnings"
    />
  );
}

export function ImportPage({ request }: { request?: { kind: 'files' | 'folder'; n: number } | undefined }) {
  const { message } = AntApp.useApp();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [phase, setPhase] = useState<'pick' | 'reading' | 'previewing' | 'preview' | 'committing' | 'done'>('pick');
  const [preview, setPreview] = useState<Preview>();
  const [report, setReport] = useState<ImportReportDto>();
  const [progress, setProgress] = useState<{ done: number; total: number; file: string }>();
  const [error, setError] = useState<string>();
  const lastRequest = useRef<number>(0);
  const busy = phase === 'reading' || phase === 'previewing' || phase === 'committing';

  useEvent('import:progress', (p) => setProgress({ done: p.done, total: p.total, file: p.file }));

  const reset = () => {
    if (preview && phase === 'preview') void client.call('import:discard', { stagingId: preview.stagingId }).catch(() => {});
    setFiles([]);
    setPreview(undefined);
    setReport(undefined);
    setProgress(undefined);
    setError(undefined);
    setPhase('pick');
  };

  const pickNative = async (kind: 'files' | 'folder') => {
    setError(undefined);
    setPhase('previewing');
    try {
      const r = await client.call('import:pickAndPreview', { kind });
      if ('canceled' in r) setPhase('pick');
      else {
        setPreview(r);
        setPhase('preview');
      }
    } catch (e) {
      setError(errorMessage(e));
      setPhase('pick');
    }
  };

  useEffect(() => {
    if (request && request.n !== lastRequest.current && client.face === 'electron') {
      lastRequest.current = request.n;
      void pickNative(request.kind);
    }
  }, [request]);

  const runPreview = async () => {
    const list = files.map((f) => f.originFileObj).filter((f): f is NonNullable<typeof f> => !!f);
    if (!list.length) return;
    const tooBig = list.find((f) => f.size > UPLOAD_LIMITS.maxFileBytes);
    if (tooBig) return setError(`“${tooBig.name}”超过 ${UPLOAD_LIMITS.maxFileBytes / 1048576} MB，无法导入`);
    const total = list.reduce((n, f) => n + f.size, 0);
    if (total > UPLOAD_LIMITS.maxTotalBytes) return setError(`一次最多导入 ${UPLOAD_LIMITS.maxTotalBytes / 1048576} MB，请分批导入`);
    if (list.length > UPLOAD_LIMITS.maxFiles) return setError(`一次最多导入 ${UPLOAD_LIMITS.maxFiles} 个文件，请分批导入`);
    setError(undefined);
    setPhase('reading');
    try {
      const payload: { name: string; dataBase64: string }[] = [];
      for (let i = 0; i < list.length; i++) {
        const f = list[i]!;
        setProgress({ done: i, total: list.length, file: f.name });
        payload.push({ name: f.name, dataBase64: await readAsBase64(f) });
      }
      setPhase('previewing');
      setProgress(undefined);
      const r = await client.call('import:preview', { files: payload });
      setPreview(r);
      setPhase('preview');
    } catch (e) {
      setError(errorMessage(e));
      setPhase('pick');
    }
  };

  const commit = async () => {
    if (!preview) return;
    setPhase('committing');
    setProgress(undefined);
    try {
      const r = await client.call('import:commit', { stagingId: preview.stagingId });
      setReport(r);
      setPhase('done');
      if (r.failed.length) void message.warning(`导入完成，${r.failed.length} 个文件失败`);
      else void message.success(`导入完成：新增 ${r.imported} 件`);
    } catch (e) {
      setError(errorMessage(e));
      setPhase('preview');
    }
  };

  const pr = preview?.report;
  const importable = pr ? pr.imported + pr.replaced : 0;

  return (
    <div className="page" style={{ maxWidth: 1000 }}>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        导入法规
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        支持 Markdown、TXT（UTF-8/GBK）、PDF（文字版）、DOCX、DOC、WPS、HTML。先预览每个文件会被识别成什么，确认后才写入资料库；内容相同的文件自动跳过。
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon title="导入出错" description={error} closable onClose={() => setError(undefined)} style={{ marginBottom: 12 }} data-testid="import-error" />}

      {(phase === 'pick' || phase === 'reading' || (phase === 'previewing' && !preview)) && (
        <>
          {client.face === 'electron' && (
            <Space style={{ marginBottom: 12 }}>
              <Button icon={<FileAddOutlined />} onClick={() => void pickNative('files')} disabled={busy}>
                选择文件…
              </Button>
              <Button icon={<FolderOpenOutlined />} onClick={() => void pickNative('folder')} disabled={busy}>
                选择文件夹…
              </Button>
            </Space>
          )}
          <Upload.Dragger
            multiple
            fileList={files}
            beforeUpload={() => false}
            onChange={({ fileList }) => setFiles(fileList)}
            accept=".md,.markdown,.txt,.pdf,.docx,.doc,.wps,.html,.htm"
            disabled={busy}
            data-testid="import-dropzone"
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">把法规文件拖到这里，或点击选择文件</p>
            <p className="ant-upload-hint">可一次选择多个文件；单个文件不超过 {UPLOAD_LIMITS.maxFileBytes / 1048576} MB</p>
          </Upload.Dragger>
          <Space style={{ marginTop: 12 }}>
            <Upload directory multiple showUploadList={false} beforeUpload={() => false} onChange={({ fileList }) => setFiles(fileList)} disabled={busy}>
              <Button icon={<FolderOpenOutlined />} disabled={busy}>
                选择文件夹…
              </Button>
            </Upload>
            <Button type="primary" onClick={() => void runPreview()} disabled={!files.length || busy} loading={busy} data-testid="import-preview-button">
              预览 {files.length ? `${files.length} 个文件` : ''}
            </Button>
            {files.length > 0 && !busy && <Button onClick={reset}>清空</Button>}
          </Space>
        </>
      )}

      {busy && progress && progress.total > 0 && (
        <div style={{ margin: '16px 0' }} data-testid="import-progress">
          <Progress percent={Math.round((progress.done / progress.total) * 100)} />
          <Typography.Text type="secondary">
            {phase === 'reading' ? '读取' : phase === 'committing' ? '写入' : '分析'} {progress.done + 1 > progress.total ? progress.total : progress.done + 1}/{progress.total}：{progress.file}
          </Typography.Text>
        </div>
      )}

      {pr && (phase === 'preview' || phase === 'committing') && (
        <div data-testid="import-preview">
          <Alert
            type={importable ? 'info' : 'warning'}
            showIcon
            style={{ margin: '12px 0' }}
            title={`预览：可导入 ${pr.imported} 件${pr.replaced ? `，替换 ${pr.replaced} 件` : ''}，跳过 ${pr.skipped} 件，失败 ${pr.failed.length} 件`}
            description="尚未写入资料库。展开每一行可查看识别出的前几条。"
          />
          <Warnings report={pr} />
          <ReportTable files={pr.files} dryRun />
          <Space style={{ marginTop: 12 }}>
            <Button type="primary" onClick={() => void commit()} disabled={!importable} loading={phase === 'committing'} data-testid="import-commit-button">
              确认导入 {importable} 件
            </Button>
            <Button onClick={reset} disabled={phase === 'committing'}>
              取消
            </Button>
          </Space>
        </div>
      )}

      {report && phase === 'done' && (
        <div data-testid="import-report">
          <Result
            status={report.failed.length ? 'warning' : 'success'}
            title={`导入完成：新增 ${report.imported} 件，替换 ${report.replaced} 件，跳过 ${report.skipped} 件，失败 ${report.failed.length} 件`}
            style={{ padding: '16px 0' }}
            extra={[
              <Button key="lib" type="primary" onClick={() => navigate({ page: 'library' })}>
                查看法规库
              </Button>,
              <Button key="more" onClick={reset}>
                继续导入
              </Button>,
              ...(report.imported + report.replaced > 0
                ? [
                    <Button
                      key="affected"
                      data-testid="import-affected"
                      onClick={() =>
                        navigate({
                          page: 'affected',
                          laws: [...new Set(report.files.filter((f) => f.versionId && (f.status === 'imported' || f.status === 'replaced')).map((f) => f.versionId!.split('@')[0]!))],
                        })
                      }
                    >
                      查看受影响的审查、学法记录
                    </Button>,
                  ]
                : []),
            ]}
          />
          <Warnings report={report} />
          <ReportTable files={report.files} dryRun={false} />
        </div>
      )}

      {phase === 'pick' && !files.length && client.face === 'browser' && (
        <EmptyState description="还没有选择文件" />
      )}
    </div>
  );
}
