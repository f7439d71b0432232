// 导入: a folder by its path (any size: the server on this machine reads it, with manifest.jsonl,
// in the background with per-file progress and 取消), or a few files picked or dropped (sent as
// bytes), previewed before they are written. The summary and its buttons stay at the top of the
// report; the file list pages below.

import { CheckCircleTwoTone, CloseCircleTwoTone, EditTwoTone, FileAddOutlined, FolderOpenOutlined, InboxOutlined, MinusCircleTwoTone, WarningTwoTone } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, Input, List, Progress, Result, Space, Table, Tag, Typography, Upload, type UploadFile } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { UPLOAD_LIMITS, type ApiOutput, type ImportReportDto } from '../../../../electron/shared/api-contract';
import { formatLine, textPathLine } from '../../../../electron/shared/import-path';
import { IMPORT_ACCEPT } from '../../../../electron/shared/import-formats';
import { client, errorMessage } from '../../api/client';
import { useEvent } from '../../api/hooks';
import { hrefOf, navigate } from '../../router';
import { FolderBrowser } from './FolderBrowser';
import { printableName } from '../../../../electron/shared/printable-name';
import { useNotify } from '../../components/notify';

type Preview = Extract<ApiOutput<'import:preview'>, { stagingId: string }>;
type FileResult = ImportReportDto['files'][number];

const STATUS_TEXT: Record<FileResult['status'], { text: string; color: string }> = {
  imported: { text: '新增', color: 'green' },
  replaced: { text: '替换同日版本', color: 'orange' },
  updated: { text: '已存在，更正元数据', color: 'blue' },
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
  if (status === 'updated') return <EditTwoTone />;
  return <CheckCircleTwoTone twoToneColor="#52c41a" />;
}

/** A long path wraps under its file name (the whole path also on hover), never cut off. */
function FileCell({ file }: { file: string }) {
  // A backslash that starts an escape of printableName (\u202e) is part of the name, not a Windows separator.
  const cut = Math.max(-1, ...[...file.matchAll(/[/\\](?!u[0-9a-f]{4})/g)].map((m) => m.index));
  const name = file.slice(cut + 1);
  const dir = cut >= 0 ? file.slice(0, cut + 1) : '';
  return (
    <div title={file} style={{ wordBreak: 'break-all', overflowWrap: 'anywhere' }} data-testid="import-file-cell">
      <div>{name}</div>
      {dir && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {dir}
        </Typography.Text>
      )}
    </div>
  );
}

/** 格式: the detected format, the page count, the path the text takes and, for OCR, the time it will take. */
function FormatCell({ f, dryRun }: { f: FileResult; dryRun: boolean }) {
  if (!f.format) return <>—</>;
  const ocr = f.textSource === 'ocr';
  return (
    <Space orientation="vertical" size={0} data-testid="import-format-cell">
      <span>{formatLine(f)}</span>
      {f.textSource && (
        <Typography.Text type={ocr ? 'warning' : 'secondary'} style={{ fontSize: 12 }}>
          {textPathLine(f, dryRun)}
        </Typography.Text>
      )}
      {f.libraryMatch && f.versionId && (
        <a href={hrefOf({ page: 'verify', versionId: f.versionId })} style={{ fontSize: 12 }} data-testid="import-library-match">
          {f.libraryMatch.sameDate ? '库中已有同日期文本：去核对页选择' : '库中已有此法规：作为新版本，去核对差异'}
        </a>
      )}
    </Space>
  );
}

/**
 * 改用新文件: a preview line the library would skip because the stored version of the same day reads better;
 * the person may still take the new file (import:commit's `replace`), file by file.
 */
function ReplaceChoice({ chosen, onChoose }: { chosen: boolean; onChoose: (on: boolean) => void }) {
  return (
    <Checkbox checked={chosen} onChange={(e) => onChoose(e.target.checked)} data-testid="import-replace-choice" style={{ fontSize: 12 }}>
      改用新文件（替换已有版本）
    </Checkbox>
  );
}

function ReportTable({ files, dryRun, chosen, onChoose }: { files: FileResult[]; dryRun: boolean; chosen?: ReadonlySet<string>; onChoose?: (file: string, on: boolean) => void }) {
  return (
    <Table<FileResult>
      size="small"
      tableLayout="fixed"
      rowKey={(f, i) => `${f.file}#${i}`}
      dataSource={files}
      pagination={files.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
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
        { title: '文件', dataIndex: 'file', render: (file: string) => <FileCell file={file} /> },
        { title: '格式', key: 'format', width: 150, render: (_, f) => <FormatCell f={f} dryRun={dryRun} /> },
        { title: '识别为', key: 'title', render: (_, f) => (f.title ? (f.versionId && !dryRun && f.status !== 'failed' ? <a href={`#/read/${encodeURIComponent(f.versionId)}`}>{f.title}</a> : f.title) : '—') },
        { title: '条数', dataIndex: 'articleCount', width: 64, align: 'right', render: (n?: number) => n ?? '—' },
        {
          title: dryRun ? '将会' : '结果',
          key: 'status',
          width: 200,
          render: (_, f) => (
            <Space orientation="vertical" size={0}>
              {f.replaceable && chosen?.has(f.file) ? <Tag color="orange">按选择替换已有版本</Tag> : <Tag color={STATUS_TEXT[f.status].color}>{STATUS_TEXT[f.status].text}</Tag>}
              {f.reason && <Typography.Text type={f.status === 'failed' ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>{f.reason}</Typography.Text>}
              {f.replaceable && onChoose && <ReplaceChoice chosen={!!chosen?.has(f.file)} onChoose={(on) => onChoose(f.file, on)} />}
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
          style={{ maxHeight: 180, overflow: 'auto' }}
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

/**
 * One line saying what an import did (or, in a preview, would do). `chosen`: in a preview, the skipped files she
 * ticked 改用新文件 — counted as 替换 and no longer as 跳过, as the button under the title already says.
 */
export function summaryOf(r: ImportReportDto, chosen = 0): string {
  const parts = [`新增 ${r.imported} 件`];
  if (r.replaced + chosen) parts.push(`替换 ${r.replaced + chosen} 件`);
  if (r.updated) parts.push(`更正元数据 ${r.updated} 件`);
  parts.push(`跳过 ${r.skipped - chosen} 件`, `失败 ${r.failed.length} 件`);
  return parts.join('，');
}

/** The toast of an import where files failed: it stays until closed, so it names them and why. */
const failedTitle = (r: ImportReportDto) => `导入完成，${r.failed.length} 个文件失败`;
export function failedText(r: ImportReportDto, shown = 5): string {
  const lines = r.failed.slice(0, shown).map((f) => `${f.file}：${f.reason}`);
  if (r.failed.length > shown) lines.push(`另有 ${r.failed.length - shown} 个，见下方列表`);
  return lines.join('\n');
}

type Phase = 'pick' | 'reading' | 'previewing' | 'preview' | 'committing' | 'folder' | 'done';

export function ImportPage({ request }: { request?: { kind: 'files' | 'folder'; n: number } | undefined }) {
  const notify = useNotify();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [phase, setPhase] = useState<Phase>('pick');
  const [preview, setPreview] = useState<Preview>();
  /** The preview's skipped files she chose to import over the stored version (改用新文件). */
  const [replace, setReplace] = useState<ReadonlySet<string>>(new Set());
  useEffect(() => setReplace(new Set()), [preview]);
  const chooseReplace = (file: string, on: boolean) =>
    setReplace((s) => {
      const next = new Set(s);
      if (on) next.add(file);
      else next.delete(file);
      return next;
    });
  const [report, setReport] = useState<ImportReportDto>();
  // a folder's preview is a report too: its choices are its own
  useEffect(() => setReplace(new Set()), [report]);
  const [progress, setProgress] = useState<{ done: number; total: number; file: string }>();
  const [error, setError] = useState<string>();
  const [folder, setFolder] = useState('');
  const [browsing, setBrowsing] = useState(false);
  /** The running folder import (taskId), and whether it is a preview. */
  const [task, setTask] = useState<{ id: string; dryRun: boolean; path: string; canceling?: boolean }>();
  const lastRequest = useRef<number>(0);
  /** The task this page follows (a preview, a commit or a folder import): the id it chose itself. */
  const taskRef = useRef<string>(undefined);
  const newTask = () => (taskRef.current = 'imp' + Math.random().toString(36).slice(2, 12));
  const busy = phase === 'reading' || phase === 'previewing' || phase === 'committing' || phase === 'folder';
  /**
   * The progress (or 正在列出…) while the work runs. The button that started it is disabled meanwhile, which drops
   * the focus to <body>: the progress takes it, so a keyboard user hears it and the next Tab reaches 取消.
   */
  const progressRef = useRef<HTMLDivElement>(null);
  const showsProgress = busy && (phase === 'folder' || (!!progress && progress.total > 0));
  useEffect(() => {
    const at = document.activeElement;
    if (showsProgress && (!at || at === document.body || (at as HTMLButtonElement).disabled)) progressRef.current?.focus();
  }, [showsProgress]);

  useEvent('task:progress', (p) => {
    if (p.taskId !== taskRef.current) return;
    setProgress({ done: p.done, total: p.total, file: p.label ?? '' });
  });

  const reset = () => {
    if (preview && phase === 'preview') void client.call('import:discard', { stagingId: preview.stagingId }).catch(() => {});
    setFiles([]);
    setPreview(undefined);
    setReport(undefined);
    setProgress(undefined);
    setError(undefined);
    setTask(undefined);
    setPhase('pick');
  };

  /** Starts a folder import (or its preview) and follows it to the end. */
  const runFolder = async (path: string, dryRun: boolean, replaceFiles: readonly string[] = []) => {
    if (!path.trim()) return setError('请填写或选择要导入的文件夹');
    setError(undefined);
    setReport(undefined);
    setProgress(undefined);
    try {
      const { taskId } = await client.call('import:folder', { path, dryRun, taskId: newTask(), ...(replaceFiles.length ? { replace: [...replaceFiles] } : {}) });
      setTask({ id: taskId, dryRun, path });
      setPhase('folder');
      for (;;) {
        const st = await client.call('import:task', { taskId });
        if (taskRef.current !== taskId) return; // the page moved on
        if (!st.done) {
          setProgress(st.progress);
          continue;
        }
        setReport(st.report);
        setPhase('done');
        const r = st.report;
        if (r.canceled) notify.info(`已取消：已处理的 ${r.files.length} 个文件保留，其余未导入`);
        else if (!dryRun) {
          if (r.failed.length) notify.fail(failedText(r), { title: failedTitle(r) });
          else notify.ok(`导入完成：${summaryOf(r)}`);
        }
        return;
      }
    } catch (e) {
      setError(errorMessage(e));
      setPhase(report ? 'done' : 'pick');
    }
  };

  const cancelFolder = () => {
    if (!task) return;
    setTask({ ...task, canceling: true });
    void client.call('import:cancel', { taskId: task.id }).catch((e) => setError(errorMessage(e)));
  };

  const browse = async () => {
    if (client.face === 'electron') {
      try {
        const r = await client.call('import:pickFolder', {});
        if ('path' in r) setFolder(r.path);
      } catch (e) {
        setError(errorMessage(e));
      }
    } else setBrowsing(true);
  };

  const pickNative = async (kind: 'files' | 'folder') => {
    if (kind === 'folder') return browse();
    setError(undefined);
    setPhase('previewing');
    try {
      const r = await client.call('import:pickAndPreview', { kind, taskId: newTask() });
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

  // Leaving the page does not stop a folder import; coming back does not pick it up again.
  useEffect(() => () => void (taskRef.current = undefined), []);

  const runPreview = async () => {
    const list = files.map((f) => f.originFileObj).filter((f): f is NonNullable<typeof f> => !!f);
    if (!list.length) return;
    const tooBig = list.find((f) => f.size > UPLOAD_LIMITS.maxFileBytes);
    if (tooBig) return setError(`“${printableName(tooBig.name)}”超过 ${UPLOAD_LIMITS.maxFileBytes / 1048576} MB，无法导入`);
    const total = list.reduce((n, f) => n + f.size, 0);
    if (total > UPLOAD_LIMITS.maxTotalBytes) return setError(`一次最多上传 ${UPLOAD_LIMITS.maxTotalBytes / 1048576} MB：整个文件夹请用上面的“按路径导入文件夹”`);
    if (list.length > UPLOAD_LIMITS.maxFiles) return setError(`一次最多上传 ${UPLOAD_LIMITS.maxFiles} 个文件：整个文件夹请用上面的“按路径导入文件夹”（不限文件数，并读取 manifest.jsonl）`);
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
      const r = await client.call('import:preview', { files: payload, taskId: newTask() });
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
      const r = await client.call('import:commit', { stagingId: preview.stagingId, taskId: newTask(), ...(replace.size ? { replace: [...replace] } : {}) });
      setReport(r);
      setPhase('done');
      if (r.failed.length) notify.fail(failedText(r), { title: failedTitle(r) });
      else notify.ok(`导入完成：新增 ${r.imported} 件`);
    } catch (e) {
      setError(errorMessage(e));
      setPhase('preview');
    }
  };

  const pr = preview?.report;
  const importable = pr ? pr.imported + pr.replaced + replace.size : 0;
  const folderPreview = phase === 'done' && report?.dryRun && task?.dryRun;
  const changedLaws = report ? [...new Set(report.files.filter((f) => f.versionId && (f.status === 'imported' || f.status === 'replaced')).map((f) => f.versionId!.split('@')[0]!))] : [];

  return (
    <div className="page" style={{ maxWidth: 1000 }}>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        导入法规
      </Typography.Title>
      {error && <Alert type="error" showIcon title="导入出错" description={error} closable onClose={() => setError(undefined)} style={{ marginBottom: 12 }} data-testid="import-error" />}

      {(phase === 'pick' || phase === 'folder' || phase === 'done') && (
        <Card size="small" title="按路径导入文件夹" style={{ marginBottom: 12 }} data-testid="import-folder-card">
          <Space.Compact style={{ width: '100%' }}>
            <Input
              value={folder}
              onChange={(e) => setFolder(e.target.value)}
              onPressEnter={() => !busy && void runFolder(folder, false)}
              placeholder={client.face === 'electron' ? '点“浏览…”选择文件夹，或粘贴路径' : '文件夹路径，如 /home/用户/法规 或 D:\\法规；或点“浏览…”'}
              disabled={busy}
              allowClear
              data-testid="import-folder-path"
            />
            <Button icon={<FolderOpenOutlined />} onClick={() => void browse()} disabled={busy} data-testid="import-folder-browse">
              浏览…
            </Button>
          </Space.Compact>
          <Space style={{ marginTop: 8 }} wrap>
            <Button type="primary" onClick={() => void runFolder(folder, false)} disabled={busy || !folder.trim()} data-testid="import-folder-start">
              导入文件夹
            </Button>
            <Button onClick={() => void runFolder(folder, true)} disabled={busy || !folder.trim()} data-testid="import-folder-preview">
              先预览（不写入）
            </Button>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              含子文件夹，不限文件数；文件夹或上一级中的 manifest.jsonl 提供级别、地区、分类和日期，内容相同的已有法规按它更正元数据。
            </Typography.Text>
          </Space>
        </Card>
      )}

      {showsProgress && (
        <div ref={progressRef} tabIndex={-1} role="status" className="import-working" data-testid="import-working">
          {progress && progress.total > 0 ? (
            <div style={{ margin: '12px 0' }} data-testid="import-progress">
              <Space style={{ width: '100%' }} align="center">
                <Progress percent={Math.floor((progress.done / progress.total) * 100)} style={{ width: 560, margin: 0 }} />
                {phase === 'folder' && (
                  <Button danger size="small" onClick={cancelFolder} disabled={task?.canceling} data-testid="import-cancel">
                    {task?.canceling ? '正在取消…' : '取消'}
                  </Button>
                )}
              </Space>
              <Typography.Text type="secondary" style={{ display: 'block' }} ellipsis>
                {phase === 'reading' ? '读取' : phase === 'committing' || (phase === 'folder' && !task?.dryRun) ? '导入' : '分析'} {Math.min(progress.done + 1, progress.total)}/{progress.total}
                {progress.file ? `：${progress.file}` : ''}
              </Typography.Text>
            </div>
          ) : (
            <Typography.Paragraph type="secondary">正在列出文件夹中的文件…</Typography.Paragraph>
          )}
        </div>
      )}

      {(phase === 'pick' || phase === 'reading' || (phase === 'previewing' && !preview)) && (
        <Card size="small" title="选择或拖入文件（少量文件）" className="import-files-card">
          {client.face === 'electron' && (
            <Space style={{ marginBottom: 12 }}>
              <Button icon={<FileAddOutlined />} onClick={() => void pickNative('files')} disabled={busy}>
                选择文件…
              </Button>
            </Space>
          )}
          <Upload.Dragger
            multiple
            fileList={files}
            beforeUpload={() => false}
            onChange={({ fileList }) => setFiles(fileList)}
            accept={IMPORT_ACCEPT}
            disabled={busy}
            showUploadList={files.length <= 20}
            data-testid="import-dropzone"
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">把法规文件拖到这里，或点击选择文件</p>
            <p className="ant-upload-hint">
              Markdown、TXT（UTF-8/GBK）、PDF、DOCX、DOC、WPS、OFD、HTML/MHT，扫描件与照片（PNG、JPG、TIF，离线识别）；一次最多 {UPLOAD_LIMITS.maxFiles} 个、共 {UPLOAD_LIMITS.maxTotalBytes / 1048576} MB，单个不超过 {UPLOAD_LIMITS.maxFileBytes / 1048576} MB；整个文件夹（含 manifest.jsonl）请用上面的按路径导入。先预览，确认后才写入。
            </p>
          </Upload.Dragger>
          {/* Below the list of picked files, but kept on screen (sticky) however long the list. */}
          <Space className="sticky-bottom-actions">
            {client.face === 'browser' && (
              <Upload directory multiple showUploadList={false} beforeUpload={() => false} onChange={({ fileList }) => setFiles(fileList)} disabled={busy}>
                <Button icon={<FolderOpenOutlined />} disabled={busy}>
                  上传文件夹中的文件…
                </Button>
              </Upload>
            )}
            <Button type="primary" onClick={() => void runPreview()} disabled={!files.length || busy} loading={busy} data-testid="import-preview-button">
              预览 {files.length ? `${files.length} 个文件` : ''}
            </Button>
            {files.length > 0 && !busy && <Button onClick={reset}>清空</Button>}
          </Space>
        </Card>
      )}

      {pr && (phase === 'preview' || phase === 'committing') && (
        <div data-testid="import-preview">
          <div className="sticky-actions">
            <Alert
              type={importable ? 'info' : 'warning'}
              showIcon
              title={`预览：可导入 ${pr.imported} 件${pr.replaced + replace.size ? `，替换 ${pr.replaced + replace.size} 件` : ''}${pr.updated ? `，更正元数据 ${pr.updated} 件` : ''}，跳过 ${pr.skipped - replace.size} 件，失败 ${pr.failed.length} 件`}
              description="尚未写入资料库。展开每一行可查看识别出的前几条。"
              action={
                <Space orientation="vertical">
                  <Button type="primary" onClick={() => void commit()} disabled={!importable && !pr.updated} loading={phase === 'committing'} data-testid="import-commit-button">
                    确认导入 {importable} 件
                  </Button>
                  <Button onClick={reset} disabled={phase === 'committing'} block>
                    取消
                  </Button>
                </Space>
              }
            />
          </div>
          <Warnings report={pr} />
          <ReportTable files={pr.files} dryRun chosen={replace} onChoose={phase === 'preview' ? chooseReplace : undefined} />
        </div>
      )}

      {report && phase === 'done' && (
        <div data-testid="import-report">
          <div className="sticky-actions">
            <Result
              status={report.canceled ? 'info' : report.failed.length ? 'warning' : 'success'}
              title={`${report.canceled ? '已取消' : folderPreview ? '预览（尚未写入）' : '导入完成'}：${summaryOf(report, folderPreview ? replace.size : 0)}`}
              subTitle={task ? task.path : undefined}
              className="import-summary"
              extra={[
                ...(folderPreview && task
                  ? [
                      // The button that started the work is gone (disabled, then replaced): the next step takes the focus, so the keyboard goes on from here.
                      <Button key="go" type="primary" onClick={() => void runFolder(task.path, false, [...replace])} data-testid="import-folder-commit" autoFocus>
                        确认导入这个文件夹{replace.size ? `（按选择替换 ${replace.size} 件）` : ''}
                      </Button>,
                    ]
                  : [
                      <Button key="lib" type="primary" onClick={() => navigate({ page: 'library' })} autoFocus>
                        查看法规库
                      </Button>,
                    ]),
                <Button key="more" onClick={reset}>
                  继续导入
                </Button>,
                ...(changedLaws.length && !report.dryRun
                  ? [
                      <Button key="affected" data-testid="import-affected" onClick={() => navigate({ page: 'affected', laws: changedLaws })}>
                        查看受影响的审查、学法记录
                      </Button>,
                    ]
                  : []),
              ]}
            />
          </div>
          <Warnings report={report} />
          <ReportTable files={report.files} dryRun={report.dryRun} {...(folderPreview ? { chosen: replace, onChoose: chooseReplace } : {})} />
        </div>
      )}

      <FolderBrowser
        open={browsing}
        start={folder}
        onClose={() => setBrowsing(false)}
        onChoose={(p) => {
          setBrowsing(false);
          setFolder(p);
        }}
      />
    </div>
  );
}
