// 年度报告: the 法治政府建设年度报告 draft for a year, generated from the records — every figure
// shows the records it came from, placeholders stand out — and the exports of the report, the
// 普法工作计划 and the 普法责任清单 (DOCX in GB/T 9704 style, PDF, HTML).

import { Alert, Button, Card, DatePicker, Empty, Skeleton, Space, Tag, Tooltip, Typography } from 'antd';
import { TabLeavingSelect } from '../../components/tab-leaving-select';
import { useState } from 'react';
import { REPORT_GAP_FACTS, REPORT_KIND_LABELS, REPORT_KINDS, type AnnualReportDto, type ReportGap } from '../../../../electron/shared/api/reports';
import { client, errorMessage } from '../../api/client';
import { useCall } from '../../api/hooks';
import { ErrorState } from '../../components/common';
import { handOver } from '../../components/records-ui';
import { hrefOf, navigate } from '../../router';
import { officeDay, officeToday, officeYear } from '../../office-clock';
import { reportYearOn } from '../../../../electron/shared/report-year';
import type { Dayjs } from 'dayjs';
import { useNotify } from '../../components/notify';
import { OtherYearsHint } from '../../components/other-years';

const FORMATS = ['docx', 'pdf', 'html'] as const;
type Kind = (typeof REPORT_KINDS)[number];

/** What the report lacks, with where in the app to supply it (the CLI names its own flags). */
const GAP_ACTION: Record<ReportGap, string> = {
  unit: '请在“设置 → 单位信息”中填写“单位名称”',
  adviser: '请在“设置 → 单位信息”中填写“法律顾问”，或在审查记录的审查意见中写明法律顾问及其身份',
};

function Figures({ ids, report }: { ids: string[]; report: AnnualReportDto }) {
  const figures = ids.map((id) => report.figures.find((f) => f.id === id)).filter((f) => !!f);
  if (!figures.length) return null;
  return (
    <span className="report-figures">
      {figures.map((f) => (
        <Tooltip key={f.id} title={<div>{f.sources.map((s) => <div key={s.id}>{s.id} {s.date} {s.title}</div>)}</div>}>
          <Tag color="blue" style={{ cursor: 'help' }} data-testid="report-figure">
            {f.label}：{f.value}
          </Tag>
        </Tooltip>
      ))}
    </span>
  );
}

export function ReportsPage({ year: asked }: { year?: number | undefined }) {
  // Read on each render, not when the module loads: the office's zone arrives with the library, and
  // the app may stay open across a new year. Without a year asked for, the report in hand that day.
  const thisYear = officeYear();
  const year = asked ?? reportYearOn(officeToday());
  // 成文日期 of the 落款: a report on last year is signed on the day it is issued, not when it is printed again.
  const [signed, setSigned] = useState<Dayjs>(() => officeDay());
  // The draft shown is the one the export writes: the year as it stood on the 成文日期.
  const res = useCall('reports:annual', { year, date: signed.format('YYYY-MM-DD') });
  const notify = useNotify();
  const [busy, setBusy] = useState<string>();
  const [error, setError] = useState<string>();
  const r = res.data;

  const exportAs = async (kind: Kind, format: (typeof FORMATS)[number]) => {
    setBusy(`${kind}.${format}`);
    setError(undefined);
    try {
      const out = await client.call('reports:export', { kind, year, format, date: signed.format('YYYY-MM-DD') });
      const how = await handOver(out);
      notify.ok(how === 'downloaded' ? `已导出并下载“${out.name}”` : `已导出到 ${out.folder ?? ''}`);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <div className="page" style={{ maxWidth: 1100 }}>
      <Space style={{ marginBottom: 12 }} wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          年度报告
        </Typography.Title>
        <TabLeavingSelect
          value={year}
          onChange={(y) => navigate({ page: 'reports', year: y }, { replace: true })}
          options={Array.from({ length: 12 }, (_, i) => thisYear - i).map((y) => ({ value: y, label: `${y} 年` }))}
          style={{ width: 110 }}
          data-testid="reports-year"
        />
        <Typography.Text type="secondary">由本年度的审查、学法普法活动、普法计划和规范性文件登记生成草稿，数字均可追溯到记录</Typography.Text>
      </Space>
      <Card size="small" title="导出" style={{ marginBottom: 12 }}>
        <Space orientation="vertical">
          <Space>
            <label htmlFor="reports-sign-date" style={{ display: 'inline-block', width: 170 }}>
              成文日期（落款）
            </label>
            <DatePicker id="reports-sign-date" size="small" allowClear={false} value={signed} onChange={(d) => d && setSigned(d)} data-testid="reports-sign-date" />
          </Space>
          {REPORT_KINDS.map((k) => (
            <Space key={k} wrap>
              <Typography.Text style={{ display: 'inline-block', width: 170 }}>{REPORT_KIND_LABELS[k]}</Typography.Text>
              {FORMATS.map((f) => (
                <Button key={f} size="small" loading={busy === `${k}.${f}`} disabled={!!busy && busy !== `${k}.${f}`} onClick={() => void exportAs(k, f)} data-testid={`export-${k}-${f}`}>
                  {f.toUpperCase()}
                </Button>
              ))}
            </Space>
          ))}
          {error && <Alert type="error" showIcon message={error} data-testid="reports-error" />}
        </Space>
      </Card>
      {res.error ? (
        <ErrorState message={res.error} onRetry={res.reload} />
      ) : !r ? (
        <Skeleton active />
      ) : (
        <Card size="small" title={r.title} data-testid="report-draft">
          {/* The one notice of what the report lacks (unit, adviser), from the report itself: the unit
              may come from the 普法 plan, and the region is no part of the report. */}
          {r.gaps.map((g) => (
            <Alert
              key={g}
              type="info"
              showIcon
              style={{ marginBottom: 8 }}
              data-testid="report-gap"
              message={
                <span>
                  {REPORT_GAP_FACTS[g]}：{GAP_ACTION[g]}。<a href={hrefOf({ page: 'settings' })}>到设置中填写</a>
                </span>
              }
            />
          ))}
          {r.notes.map((n) => (
            <Alert key={n} type="info" showIcon message={n} style={{ marginBottom: 8 }} />
          ))}
          {!r.figures.length && (
            <div style={{ marginBottom: 8 }}>
              <OtherYearsHint year={year} years={r.yearsWithRecords ?? []} page="reports" emptySaid />
            </div>
          )}
          {r.intro && <p className="report-para">{r.intro}</p>}
          {r.sections.map((s) => (
            <section key={s.heading}>
              <Typography.Title level={5}>{s.heading}</Typography.Title>
              {s.parts.map((p, i) => (
                <div key={i}>
                  {p.heading && <Typography.Text strong>{p.heading}</Typography.Text>}
                  {p.paragraphs.map((para, j) =>
                    para.placeholder ? (
                      <p key={j} className="report-placeholder" data-testid="report-placeholder">
                        【待填写】{para.text}
                      </p>
                    ) : (
                      <p key={j} className="report-para">
                        {para.text} <Figures ids={para.figures} report={r} />
                      </p>
                    ),
                  )}
                </div>
              ))}
            </section>
          ))}
          {!r.figures.length && <Empty description={`${year}年度没有可统计的记录`} />}
        </Card>
      )}
    </div>
  );
}
