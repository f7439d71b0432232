// One 合法性审查 record: the form (its model checks the review schema's own rules, shown beside the
// fields; the service's records:validate adds what only it knows, and a save checks all again), the 送审材料
// and 程序 checklists with due-date warnings, findings on 权限/程序/内容 and the opinion, each with
// linked articles (picker and detection on paste), the status workflow, attachments, and the
// append-only 修改记录. A new record is created at #/review/new.

import { useUnsavedGuard } from '../../components/unsaved-guard';
import { DeleteOutlined, DownloadOutlined, FileAddOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Breadcrumb, Button, Card, Checkbox, Col, DatePicker, Form, Input, Row, Skeleton, Space, Steps, Switch, Table, Tabs, Tag, Typography, Upload } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import {
  ADVISER_ROLES,
  CONCLUSIONS,
  PROCEDURE_CHECKS,
  REVIEW_STATUSES,
  REVIEW_TYPES,
  type ReviewDto,
} from '../../../../electron/shared/api-contract';
import { client, errorMessage } from '../../api/client';
import { useCall } from '../../api/hooks';
import { ErrorState } from '../../components/common';
import { SignedBy } from '../../components/SignedBy';
import { FlagTag, handOver, readAsBase64 } from '../../components/records-ui';
import { hrefOf, navigate } from '../../router';
import { AddToPack } from '../../components/AddToPack';
import { TabLeavingSelect } from '../../components/tab-leaving-select';
import { CitationList, CitationPicker, CitationTools, DetectModal, citationKeyOf, type FormCitation } from './CitationEditor';
import { DraftLinks } from './DraftLinks';
import { STATUS_COLOR, dueText } from '../../components/review-status';
import { IssueOpinionDialog, issuedText } from '../../components/IssueOpinionDialog';
import { duplicateReviews } from '../../../../electron/shared/review-duplicate';
import { HistoryView } from '../../components/HistoryView';
import { MATERIALS_BASIS, materialsFor, proceduresFor } from '../../../../electron/shared/review-materials';
import { REVIEW_TIME_LIMITS, timeLimitText } from '../../../../electron/shared/review-time-limits';
import type { ReviewType } from '../../../../electron/shared/record-schema';
import type { ApiOutput } from '../../../../electron/shared/api-contract';
import { useOfficeExamples } from '../../components/office-examples';
import { officeDateTime, officeDay, officeToday } from '../../office-clock';
import { mergeReviewEdits, sameReviewForm, type ReviewFormState, type ReviewMerge } from './review-merge';
import { citesOf, emptyCites, inputOf, newReviewValues, recordDateOf, reviewFormErrors, valuesOf, type Section, type Values } from './review-form-model';
import { showFieldErrors } from './record-form-errors';
import { LIMITS } from '../../../../electron/shared/limits';
import { printableName } from '../../../../electron/shared/printable-name';
import { useNotify } from '../../components/notify';
import { usePageModal } from '../../components/page-modal';

/** A conflicting field's value in a sentence: text as typed (cut short), a list by its items, blank as （空）. */
function shownValue(v: unknown): string {
  if (v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) return '（空）';
  if (typeof v === 'boolean') return v ? '是' : '否';
  const s = typeof v === 'string' ? v : Array.isArray(v) && v.every((x) => typeof x === 'string') ? v.join('、') : Array.isArray(v) ? `${v.length} 项` : JSON.stringify(v);
  return s.length > 60 ? s.slice(0, 60) + '…' : s;
}

const SECTION_LABEL: Record<Section, string> = { authority: '权限', procedure: '程序', content: '内容', opinion: '审查意见', basis: '法律依据' };
const L = LIMITS.record;

export function ReviewPage({ id }: { id: string }) {
  const isNew = id === 'new';
  const modal = usePageModal(); // closed when the page goes (a static modal outlives it)
  const notify = useNotify();
  const [form] = Form.useForm<Values>();
  const [tick, setTick] = useState(0);
  const res = useCall('reviews:get', isNew ? null : { id }, tick);
  const review = res.data?.review;
  const [cites, setCites] = useState<Record<Section, FormCitation[]>>(emptyCites);
  const [attachments, setAttachments] = useState<ReviewDto['attachments']>([]);
  const [picker, setPicker] = useState<Section>();
  const [detect, setDetect] = useState<{ section: Section; text: string }>();
  const [saving, setSaving] = useState(false);
  const [warnings, setWarnings] = useState<string[]>([]);
  const [otherErrors, setOtherErrors] = useState<string[]>([]);
  const [tab, setTab] = useState('form');
  const [packOpen, setPackOpen] = useState(false);
  const [issuing, setIssuing] = useState(false);
  const [dirty, setDirty] = useState(false);
  useUnsavedGuard(dirty);
  // The revision last answered. useCall asks again whenever the library moves (an import, the CLI
  // beside the app); the same revision again must not touch unsaved edits.
  const loadedFrom = useRef<string>(undefined);
  // The revision the form's edits started from: a save expects it, and a newer one (saved by the CLI,
  // another window or an upload here) is merged into unsaved edits field by field (review-merge.ts).
  const base = useRef<{ revision: number; state: ReviewFormState }>(undefined);
  // A newer revision whose changes meet unsaved edits of the same fields: the user decides.
  const [newer, setNewer] = useState<{ review: ReviewDto; theirs: ReviewFormState; merge: ReviewMerge }>();
  // A newer revision merged into unsaved edits without a conflict: said once, above the form.
  const [mergedFrom, setMergedFrom] = useState<{ review: ReviewDto; taken: string[] }>();
  // Only the answer to the latest 最早届满 request may land: a quick second change of 收件日期 (or a
  // reload of the form) makes an earlier answer stale, whichever arrives last.
  const dueSeq = useRef(0);
  // Whether the user has ticked or edited a new review's 送审材料 (then a type change keeps them).
  // From the user's own changes (onValuesChange): isFieldTouched('materials') was already true once
  // the defaults were set, so a type change never replaced the 规范性文件 list.
  const materialsEdited = useRef(false);
  // The same for its 程序 checks: a 合同 starts with none 适用, until the user ticks one.
  const proceduresEdited = useRef(false);

  useEffect(() => {
    if (isNew) {
      materialsEdited.current = false;
      proceduresEdited.current = false;
      const fresh = newReviewValues(officeDay());
      const received = fresh.receivedDate;
      form.setFieldsValue(fresh);
      setCites(emptyCites());
      setAttachments([]);
      setStatus('收件');
      void suggestDue(received);
    } else if (review && res.data) {
      const stamp = `${review.id}#${review.revision}`;
      if (dirty && loadedFrom.current === stamp) return;
      loadedFrom.current = stamp;
      const theirs: ReviewFormState = { values: valuesOf(review), cites: citesOf(review, res.data.citations) };
      setAttachments(review.attachments);
      if (dirty && base.current) {
        const merge = mergeReviewEdits(base.current.state, formState(), theirs);
        if (merge.conflicts.length) {
          setNewer({ review, theirs, merge }); // the form stays as the user left it
          return;
        }
        if (merge.taken.includes('收件日期')) dueSeq.current++;
        showForm(merge.merged);
        base.current = { revision: review.revision, state: theirs };
        setNewer(undefined);
        setDirty(merge.unsaved);
        if (merge.taken.length) setMergedFrom({ review, taken: merge.taken });
        return;
      }
      dueSeq.current++;
      showForm(theirs);
      base.current = { revision: review.revision, state: theirs };
      setNewer(undefined);
      setMergedFrom(undefined);
      setDirty(false);
    }
  }, [isNew, review]);

  function formState(): ReviewFormState {
    return { values: { ...(form.getFieldsValue(true) as Values), status }, cites };
  }

  function showForm(s: ReviewFormState) {
    form.resetFields();
    form.setFieldsValue(s.values);
    setCites(s.cites);
    setStatus(s.values.status);
  }

  // 载入新版本: the newer revision as saved; 保留我的修改: its other changes, and mine where both changed.
  const resolveNewer = (keepMine: boolean) => {
    if (!newer) return;
    if (keepMine) showForm(newer.merge.merged);
    else {
      dueSeq.current++;
      showForm(newer.theirs);
    }
    base.current = { revision: newer.review.revision, state: newer.theirs };
    setDirty(keepMine && newer.merge.unsaved);
    setNewer(undefined);
    setMergedFrom(undefined);
  };

  const suggestDue = async (received: Dayjs | null | undefined, type: Values['type'] = form.getFieldValue('type')) => {
    const n = ++dueSeq.current;
    if (!received) return;
    try {
      const r = await client.call('records:dueDate', { receivedDate: received.format('YYYY-MM-DD'), ...(type ? { type } : {}) });
      if (n === dueSeq.current) form.setFieldValue('dueDate', dayjs(r.dueDate));
    } catch {
      /* the service sets the default on save anyway */
    }
  };

  // A new review's checklist follows its type until the user has ticked or edited it.
  const onTypeChange = (type: Values['type']) => {
    if (isNew && !materialsEdited.current) form.setFieldValue('materials', materialsFor(type));
    if (isNew && !proceduresEdited.current) form.setFieldValue('procedures', proceduresFor(type));
    // 最早届满 follows the type's minimum review time (shared/review-time-limits)
    void suggestDue(form.getFieldValue('receivedDate'), type);
  };

  const recordDate = (): string => {
    return recordDateOf(form.getFieldsValue(['completedDate', 'receivedDate']) as Partial<Values>, officeToday());
  };

  const addCites = (section: Section, add: FormCitation[]) => {
    setCites((c) => {
      const have = new Set(c[section].map(citationKeyOf));
      return { ...c, [section]: [...c[section], ...add.filter((x) => !have.has(citationKeyOf(x)))] };
    });
    setDirty(true);
  };

  const save = async (sameAnyway = false) => {
    if (newer) {
      notify.warn(`第 ${newer.review.revision} 版已由他人保存：请先选择“载入新版本”或“保留我的修改”`);
      document.querySelector('[data-testid="review-newer"]')?.scrollIntoView({ block: 'center' });
      return;
    }
    const v = { ...(form.getFieldsValue(true) as Values), status }; // all values, also those without a Form.Item (procedure names)
    // The review schema's own check (shared/record-form.ts), each error beside its field.
    const errors = reviewFormErrors(v, cites, attachments, !isNew);
    showFieldErrors(form, errors);
    setOtherErrors(errors.other);
    if (errors.fields.length || errors.other.length) {
      notify.warn('请先改正表单中标红的项目');
      if (errors.fields[0]) form.scrollToField(errors.fields[0].name, { block: 'center' });
      return;
    }
    // The same 送审件 received the same day already recorded: asked before a second one is made
    // (the 年度报告 would list the draft twice); the rule is shared/review-duplicate.ts, the service's too.
    if (isNew && !sameAnyway) {
      const title = String(v.title ?? '').trim();
      const receivedDate = v.receivedDate?.format('YYYY-MM-DD');
      let same: ApiOutput<'reviews:list'> = [];
      try {
        // the year's reviews by receipt (a title typed with other spacing would escape a text filter)
        const year = receivedDate ? { year: Number(receivedDate.slice(0, 4)) } : {};
        same = duplicateReviews(await client.call('reviews:list', year), { title, ...(receivedDate ? { receivedDate } : {}) });
      } catch {
        same = []; // the list unreadable: the save itself still warns
      }
      if (same.length) {
        modal.confirm({
          title: '已有同一送审件、同日收件的审查记录',
          content: (
            <div data-testid="review-duplicate">
              {same.map((r) => (
                <div key={r.id}>
                  <a href={hrefOf({ page: 'review', id: r.id })}>
                    打开 {r.id}
                  </a>
                  ：{r.title}，收件日期 {r.receivedDate}，{r.status}
                </div>
              ))}
              <div style={{ marginTop: 8 }}>同一送审件登记两次，年度报告会把它列两次。确是另一件送审，再选“仍然新建”。</div>
            </div>
          ),
          okText: '仍然新建',
          cancelText: '返回',
          okButtonProps: { ...({ 'data-testid': 'review-duplicate-anyway' } as object) },
          onOk: () => void save(true),
        });
        return;
      }
    }
    setSaving(true);
    try {
      const input = inputOf(v, cites, attachments);
      // linkDraft: the draft's articles the texts name (草案第八条) are linked to its 送审稿 version; law citations as listed
      const r = isNew
        ? await client.call('reviews:create', { input, linkDraft: true })
        : await client.call('reviews:update', { id, patch: input, expectedRevision: base.current?.revision ?? review!.revision, linkDraft: true });
      setWarnings(r.warnings);
      notify.ok(isNew ? `已保存为 ${r.record.id}` : `已保存（第 ${r.record.revision} 版）`);
      // What was sent is now the base: edits typed while the save was on its way stay unsaved.
      const sent: ReviewFormState = { values: v, cites };
      base.current = { revision: r.record.revision, state: sent };
      setMergedFrom(undefined);
      setDirty(!sameReviewForm(sent, formState()));
      if (isNew) navigate({ page: 'review', id: r.record.id }, { replace: true });
      else setTick((t) => t + 1);
    } catch (e) {
      modal.error({ title: '没有保存', content: <div style={{ whiteSpace: 'pre-wrap' }} data-testid="save-error">{errorMessage(e)}</div> });
    } finally {
      setSaving(false);
    }
  };

  // Ctrl/⌘+S saves, as in any editor.
  const saveRef = useRef(save);
  saveRef.current = save;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && (e.key === 's' || e.key === 'S')) {
        e.preventDefault();
        void saveRef.current();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const upload = async (file: File) => {
    if (isNew || !review) return;
    try {
      const r = await client.call('reviews:attach', { id, file: { name: file.name, dataBase64: await readAsBase64(file) } });
      notify.ok(`已添加附件“${printableName(file.name)}”`);
      setAttachments(r.record.attachments);
      setTick((t) => t + 1);
    } catch (e) {
      notify.fail(errorMessage(e), { title: `附件“${printableName(file.name)}”未能添加` });
    }
  };

  const [status, setStatus] = useState<Values['status']>('收件');
  const statusIndex = REVIEW_STATUSES.indexOf(status);
  const minStatus = review ? REVIEW_STATUSES.indexOf(review.status) : 0;
  const archived = review?.status === '已归档';
  const due = review ? dueText(review) : undefined;

  const textArea = (section: Exclude<Section, 'basis'>, label: string, placeholder: string) => (
    <Form.Item label={label} style={{ marginBottom: 8 }}>
      <Form.Item name={section} noStyle>
        <Input.TextArea
          autoSize={{ minRows: 2, maxRows: 10 }}
          placeholder={placeholder}
          maxLength={L.text}
          data-testid={`field-${section}`}
          onPaste={(e) => {
            const text = e.clipboardData.getData('text');
            if (/第[一二三四五六七八九十百千零〇两0-9]+条/.test(text)) setTimeout(() => setDetect({ section, text }), 50);
          }}
        />
      </Form.Item>
      <Space orientation="vertical" size={4} style={{ marginTop: 6, width: '100%' }}>
        <CitationList value={cites[section]} onChange={(l) => { setCites({ ...cites, [section]: l }); setDirty(true); }} testId={`citations-${section}`} />
        {review && <DraftLinks reviewId={review.id} links={(res.data?.draftLinks ?? []).filter((l) => l.where === (section === 'opinion' ? 'opinion' : `findings.${section}`))} testId={`draft-links-${section}`} />}
        <CitationTools onAdd={() => setPicker(section)} onDetect={() => setDetect({ section, text: String(form.getFieldValue(section) ?? '') })} />
      </Space>
    </Form.Item>
  );

  const procedures = Form.useWatch('procedures', form) ?? [];
  const reviewType: ReviewType = Form.useWatch('type', form) ?? '规范性文件';
  const examples = useOfficeExamples();
  // What a save would say (refusals and warnings), asked of the service as the form changes: the
  // rules (30-day 公开征求意见, conclusion required, 程序 not done …) live there only.
  const [check, setCheck] = useState<{ errors: string[]; warnings: string[] }>({ errors: [], warnings: [] });
  const [checkTick, setCheckTick] = useState(0);
  useEffect(() => {
    if (checkTick === 0) return;
    let live = true;
    const t = setTimeout(() => {
      const input = inputOf({ ...(form.getFieldsValue(true) as Values), status }, cites, attachments);
      client.call('records:validate', { kind: 'review', ...(isNew ? {} : { id }), input }).then(
        (r) => live && setCheck(r),
        () => live && setCheck({ errors: [], warnings: [] }), // an incomplete form: the fields say why
      );
    }, 400);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [checkTick, cites, status, attachments, form, id, isNew]);

  if (!isNew && res.error) return <ErrorState message={res.error} onRetry={res.reload} />;
  if (!isNew && !review) return <Skeleton active style={{ padding: 24 }} />;

  const formView = (
    <Form form={form} layout="vertical" disabled={archived} onValuesChange={(changed: Partial<Values>) => {
        if ('materials' in changed) materialsEdited.current = true;
        if ('procedures' in changed) proceduresEdited.current = true;
        setDirty(true);
        setCheckTick((n) => n + 1);
      }} requiredMark scrollToFirstError onFinish={() => void save()}>
      {archived && <Alert type="info" showIcon title="已归档的审查记录不能再修改（重大行政决策程序暂行条例第三十三条），只能查看和调整标签。" style={{ marginBottom: 12 }} />}
      {review?.overdue && (
        <Alert type="error" showIcon title={`已超过单位确定的审查期限 ${review.unitDeadline}（${due?.text}）`} style={{ marginBottom: 12 }} data-testid="overdue-alert" />
      )}
      {review && !review.overdue && due?.warn && <Alert type="warning" showIcon title={`单位确定的审查期限 ${review.unitDeadline}，${due.text}`} style={{ marginBottom: 12 }} />}
      {otherErrors.length > 0 && <Alert type="error" showIcon title={otherErrors.join('；')} style={{ marginBottom: 12 }} data-testid="review-form-errors" />}
      {check.errors.map((w) => (
        <Alert key={w} type="error" showIcon title={w} style={{ marginBottom: 12 }} data-testid="review-check" />
      ))}
      {warnings.length > 0 && <Alert type="warning" showIcon closable title="请注意" description={<ul style={{ margin: 0 }}>{warnings.map((w) => <li key={w}>{w}</li>)}</ul>} style={{ marginBottom: 12 }} onClose={() => setWarnings([])} />}
      <Card size="small" title="基本情况" style={{ marginBottom: 12 }}>
        <Row gutter={16}>
          <Col span={16}>
            <Form.Item name="title" label="审查事项" required>
              <Input placeholder={`如：${examples.place}科技创新券管理暂行办法（送审稿）`} data-testid="field-title" autoFocus={isNew} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="type" label="类型" required>
              <TabLeavingSelect<Values['type']> options={REVIEW_TYPES.map((t) => ({ value: t, label: t }))} onChange={onTypeChange} data-testid="field-type" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="leadUnit" label="承办单位" required>
              <Input data-testid="field-leadUnit" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="refNo" label="文号 / 编号">
              <Input placeholder={`如：${examples.refNo}`} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="tags" label="标签">
              <TabLeavingSelect mode="tags" tokenSeparators={[',', '，']} placeholder="回车添加" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="receivedDate" label="收件日期" required>
              <DatePicker style={{ width: '100%' }} onChange={(v) => void suggestDue(v)} data-testid="field-receivedDate" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="dueDate" label="最早届满" extra={REVIEW_TIME_LIMITS[reviewType].minWorkingDays !== undefined ? `${timeLimitText(reviewType)}，由收件日期算出` : `${timeLimitText(reviewType)}：不设最早届满`}>
              <DatePicker style={{ width: '100%' }} disabled data-testid="field-dueDate" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              name="unitDeadline"
              label="单位确定的审查期限"
              extra="可不填；填写后才据此判断逾期"
            >
              <DatePicker style={{ width: '100%' }} data-testid="field-unitDeadline" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="completedDate" label="出具意见日期">
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
      </Card>
      <Row gutter={12}>
        <Col span={10}>
          <Card size="small" title={MATERIALS_BASIS[reviewType] ? `送审材料（${MATERIALS_BASIS[reviewType]}）` : '送审材料'} style={{ marginBottom: 12 }} data-testid="review-materials-card">
            <Form.List name="materials">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((f) => (
                    // The name takes the card's width: the standard lists' names (合同订立依据（立项、决策或招标等文件）)
                    // were cut at a fixed 220 px on every screen.
                    <div key={f.key} style={{ display: 'flex', alignItems: 'baseline', gap: 8 }} data-testid="review-material">
                      <Form.Item name={[f.name, 'provided']} valuePropName="checked" style={{ marginBottom: 6 }}>
                        <Checkbox />
                      </Form.Item>
                      <Form.Item name={[f.name, 'name']} style={{ marginBottom: 6, flex: 1, minWidth: 0 }}>
                        <Input size="small" />
                      </Form.Item>
                      <Button size="small" type="text" icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label="删除材料" />
                    </div>
                  ))}
                  <Button size="small" type="dashed" onClick={() => add({ name: '', provided: false })}>
                    添加材料
                  </Button>
                </>
              )}
            </Form.List>
          </Card>
        </Col>
        <Col span={14}>
          <Card size="small" title="程序审查" style={{ marginBottom: 12 }} data-testid="procedures">
            <Form.List name="procedures">
              {(fields) =>
                fields.map((f) => {
                  const p = { ...(procedures as Values['procedures'])[f.name], check: PROCEDURE_CHECKS[f.name] };
                  return (
                    <Space key={f.key} align="baseline" wrap style={{ display: 'flex', opacity: p?.applicable ? 1 : 0.55 }}>
                      <span style={{ width: 96, display: 'inline-block' }}>{p.check}</span>
                      <Form.Item name={[f.name, 'check']} hidden>
                        <Input />
                      </Form.Item>
                      <Form.Item name={[f.name, 'applicable']} valuePropName="checked" style={{ marginBottom: 6 }}>
                        <Checkbox>适用</Checkbox>
                      </Form.Item>
                      <Form.Item name={[f.name, 'done']} valuePropName="checked" style={{ marginBottom: 6 }}>
                        <Checkbox>已履行</Checkbox>
                      </Form.Item>
                      <Form.Item name={[f.name, 'date']} style={{ marginBottom: 6 }}>
                        <DatePicker size="small" placeholder="日期" style={{ width: 120 }} />
                      </Form.Item>
                      {p.check === '公众参与' && (
                        <Form.Item name={[f.name, 'endDate']} style={{ marginBottom: 6 }}>
                          <DatePicker size="small" placeholder="截止" style={{ width: 120 }} />
                        </Form.Item>
                      )}
                    </Space>
                  );
                })
              }
            </Form.List>
            {check.warnings.map((w) => (
              <Alert key={w} type="warning" showIcon title={w} style={{ marginTop: 6 }} data-testid="review-check" />
            ))}
          </Card>
        </Col>
      </Row>
      <Card size="small" title="审查要点（第二十七条）与引用条文" style={{ marginBottom: 12 }}>
        {textArea('authority', '权限', '制定机关是否有权作出该决策')}
        {textArea('procedure', '程序', '是否履行了公众参与、专家论证、风险评估等程序')}
        {textArea('content', '内容', '内容是否符合法律法规规章和国家政策；粘贴含“第×条”的文字会提示链接条文')}
        <Form.Item label="法律依据（不属于某一要点的其他引用）" style={{ marginBottom: 0 }}>
          <Space orientation="vertical" size={4} style={{ width: '100%' }}>
            <CitationList value={cites.basis} onChange={(l) => { setCites({ ...cites, basis: l }); setDirty(true); }} testId="citations-basis" />
            <CitationTools onAdd={() => setPicker('basis')} onDetect={() => setDetect({ section: 'basis', text: [form.getFieldValue('content'), form.getFieldValue('opinion')].join('\n') })} />
          </Space>
        </Form.Item>
      </Card>
      <Card size="small" title="审查意见（第二十八条）与结论" style={{ marginBottom: 12 }}>
        {textArea('opinion', '审查意见', '出具的合法性审查意见正文')}
        <Row gutter={16}>
          <Col span={6}>
            <Form.Item name="adviser" label="审查人">
              <Input maxLength={L.person} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="adviserRole" label="身份">
              <TabLeavingSelect allowClear options={ADVISER_ROLES.map((t) => ({ value: t, label: t }))} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item
              name="conclusion"
              label="审查结论"
            >
              <TabLeavingSelect allowClear options={CONCLUSIONS.map((t) => ({ value: t, label: t }))} data-testid="field-conclusion" />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="adopted" label="承办单位是否采纳" valuePropName="checked">
              <Switch checkedChildren="采纳" unCheckedChildren="未采纳" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="adoptionNote" label="采纳情况说明">
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={L.shortNotes} />
        </Form.Item>
        <Form.Item name="notes" label="备注" style={{ marginBottom: 0 }}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={L.notes} />
        </Form.Item>
      </Card>
      <Card size="small" title="附件" style={{ marginBottom: 12 }}>
        <Space orientation="vertical" style={{ width: '100%' }}>
          {attachments.map((a) => (
            <Space key={a.sha256}>
              <Button
                size="small"
                type="link"
                icon={<DownloadOutlined />}
                onClick={async () => {
                  try {
                    await handOver(await client.call('records:attachment', { recordId: id, sha256: a.sha256 }));
                  } catch (e) {
                    notify.fail(errorMessage(e), { title: '附件下载失败' });
                  }
                }}
              >
                {printableName(a.name)}
              </Button>
              <Typography.Text type="secondary">{(a.size / 1024).toFixed(0)} KB</Typography.Text>
            </Space>
          ))}
          {isNew ? (
            <Typography.Text type="secondary">保存后可以上传附件（审查意见书、草案等）</Typography.Text>
          ) : (
            <Upload.Dragger multiple showUploadList={false} beforeUpload={(f) => { void upload(f); return false; }} disabled={archived} data-testid="attachment-upload">
              <p>
                <UploadOutlined /> 把文件拖到这里，或点击选择（单个文件不超过 20 MB）
              </p>
            </Upload.Dragger>
          )}
        </Space>
      </Card>
    </Form>
  );

  // Sticky: the user is usually far down the form (审查意见) when another window's revision arrives.
  const newerNotice = (newer || mergedFrom) && (
    <div style={{ position: 'sticky', top: 0, zIndex: 5, background: 'var(--ant-color-bg-layout, #f5f5f5)', paddingTop: 4 }} data-testid="review-newer-notice">
      {newer && (
        <Alert
          type="warning"
          showIcon
          data-testid="review-newer"
          style={{ marginBottom: 12 }}
          title={`此记录已另存为第 ${newer.review.revision} 版（${officeDateTime(newer.review.updatedAt)} ${newer.review.updatedBy}），与你尚未保存的修改改了同样的项目：${newer.merge.conflicts.map((c) => c.label).join('、')}`}
          description={
            <>
              <ul style={{ margin: '4px 0', paddingInlineStart: 20 }}>
                {newer.merge.conflicts.map((c) => (
                  <li key={c.label}>
                    {c.label}：第 {newer.review.revision} 版为“{shownValue(c.theirs)}”，你的修改为“{shownValue(c.mine)}”
                  </li>
                ))}
              </ul>
              <Typography.Text type="secondary">
                载入新版本：放弃你未保存的修改。保留我的修改：其他项目采用第 {newer.review.revision} 版，上述项目保留你的内容，保存后写入。
              </Typography.Text>
            </>
          }
          action={
            <Space orientation="vertical">
              <Button size="small" type="primary" onClick={() => resolveNewer(true)} data-testid="review-keep-mine">
                保留我的修改
              </Button>
              <Button size="small" danger onClick={() => resolveNewer(false)} data-testid="review-load-newer">
                载入新版本
              </Button>
            </Space>
          }
        />
      )}
      {mergedFrom && (
        <Alert
          type="info"
          showIcon
          closable
          onClose={() => setMergedFrom(undefined)}
          data-testid="review-merged"
          style={{ marginBottom: 12 }}
          title={`已并入第 ${mergedFrom.review.revision} 版（${officeDateTime(mergedFrom.review.updatedAt)} ${mergedFrom.review.updatedBy}）对${mergedFrom.taken.join('、')}的修改；你未保存的修改仍在表单中${dirty ? '，尚未保存' : ''}。`}
        />
      )}
    </div>
  );

  const allCites = res.data?.citations ?? [];
  return (
    <div className="page" style={{ maxWidth: 1180 }}>
      <Breadcrumb items={[{ title: <a href={hrefOf({ page: 'reviews' })}>合法性审查</a> }, { title: isNew ? '新建审查' : `${review!.id} ${review!.title}` }]} />
      <Space style={{ width: '100%', justifyContent: 'space-between', margin: '12px 0' }} wrap>
        <Space wrap>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="review-heading">
            {isNew ? '新建合法性审查' : review!.title}
          </Typography.Title>
          {review && <Tag color={STATUS_COLOR[review.status]}>{review.status}</Tag>}
          {review && (
            <span>
              <Typography.Text type="secondary">
                第 {review.revision} 版 · {officeDateTime(review.updatedAt)}{' '}
              </Typography.Text>
              <SignedBy by={review.updatedBy} />
            </span>
          )}
        </Space>
        <Space>
          {review && review.status !== '已归档' && (
            // 记为已出具 (or, once recorded, its day: a click corrects or undoes it)
            <Button onClick={() => setIssuing(true)} data-testid="review-issue">
              {issuedText(review) ?? '记为已出具'}
            </Button>
          )}
          {review && (
            <Button href={hrefOf({ page: 'workbench', id: review.id })} data-testid="review-open-workbench">
              审查工作台
            </Button>
          )}
          {review && (
            <Button icon={<FileAddOutlined />} onClick={() => setPackOpen(true)} data-testid="review-add-to-pack">
              加入简报
            </Button>
          )}
          <Button type="primary" loading={saving} onClick={() => void save()} disabled={archived && !dirty} data-testid="save-review">
            保存{dirty ? ' *' : ''}
          </Button>
        </Space>
      </Space>
      {newerNotice}
      <IssueOpinionDialog review={review} open={issuing} onClose={() => setIssuing(false)} onSaved={() => setTick((t) => t + 1)} />
      <Card size="small" style={{ marginBottom: 12 }}>
          <Steps
            size="small"
            current={statusIndex}
            items={REVIEW_STATUSES.map((s, i) => ({ title: s, disabled: i < minStatus || archived }))}
            onChange={(i) => {
              if (i < minStatus) return;
              setStatus(REVIEW_STATUSES[i]!);
              if (REVIEW_STATUSES[i] === '已出具意见' && !form.getFieldValue('completedDate')) form.setFieldValue('completedDate', officeDay());
              setDirty(true);
            }}
            data-testid="status-steps"
          />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          状态只能向前推进：收件 → 审查中 → 已出具意见 → 已归档（点击步骤后保存；Ctrl+S 保存）。
        </Typography.Text>
      </Card>
      {isNew ? (
        formView
      ) : (
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[
            { key: 'form', label: '审查记录', children: formView },
            {
              key: 'cites',
              label: `引用条文（${allCites.length}）`,
              children: (
                <Table
                  rowKey={(c) => c.where + c.citation.versionId + c.citation.articleKey + (c.citation.paragraph ?? '')}
                  size="small"
                  pagination={false}
                  dataSource={allCites}
                  columns={[
                    { title: '位置', dataIndex: 'where', width: 120, render: (w: string) => SECTION_LABEL[(w.replace('findings.', '') === 'citations' ? 'basis' : w.replace('findings.', '')) as Section] ?? w },
                    { title: '条文（按记录日期的版本）', key: 'c', render: (_, c) => <a href={hrefOf({ page: 'read', versionId: c.citation.versionId, articleKey: c.citation.articleKey })}>{c.citation.citation}</a> },
                    { title: '与现行版本相比', key: 'f', width: 320, render: (_, c) => <FlagTag flag={c.flag} /> },
                  ]}
                />
              ),
            },
            { key: 'history', label: '修改记录', children: <HistoryView id={id} tick={tick} /> },
          ]}
        />
      )}
      <CitationPicker open={!!picker} onClose={() => setPicker(undefined)} onPick={(c) => picker && addCites(picker, [c])} />
      <DetectModal
        text={detect?.text}
        date={detect ? recordDate() : officeToday()}
        documentTitle={String(form.getFieldValue('title') ?? '')}
        onClose={() => setDetect(undefined)}
        onLink={(list) => detect && addCites(detect.section, list.map((c) => ({ saved: c })))}
      />
      {review && <AddToPack items={packOpen ? [{ type: 'review', recordId: review.id }] : undefined} what={review.title} onClose={() => setPackOpen(false)} />}
    </div>
  );
}
