// 审查工作台: the 送审稿 of a review on the left with the pre-check's findings marked in its text,
// the finding list (采纳 with its 建议修改为 editable / 不采纳 with a reason, j/k or ↑↓ to move,
// e to edit the proposal, a / d to decide), the 上位法 panel for the selected article, the
// 公平竞争审查 checklist, the 意见书 export; the draft's versions and what changed between them;
// the pre-check's progress as a percentage. A scanned 送审稿 is recognised in the background (pages done,
// 取消), shown as 识别文本（待核对） with its doubtful characters marked and each finding saying it rests
// on recognised text, and checked in the library's 核对 view (OcrCheck) before the 意见书 goes out.

import { Alert, Breadcrumb, Button, Card, Empty, Input, Modal, Progress, Space, Tag, Tooltip, Typography } from 'antd';
import { TabLeavingSelect } from '../../components/tab-leaving-select';
import { UploadOutlined } from '@ant-design/icons';
import type { TextAreaRef } from 'antd/es/input/TextArea';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ApiOutput } from '../../../../electron/shared/api-contract';
import { ProposalSchema, DRAFT_ARTICLES_LABEL, OCR_DOUBTFUL_PAGE_LABEL, OCR_TEXT_NOTES, OPINION_QUOTE_LABEL, OPINION_QUOTE_MODES, draftPagesDoubt, findingExcerpts, carriedLabel, isUnverifiedDraft, reopenedLabel, suggestionsByArticle, type DraftComparison, type Finding, type HigherLawMatch, type OpinionQuoteMode } from '../../../../electron/shared/review-workbench';
import { OCR_UNVERIFIED_LABEL } from '../../../../electron/shared/law-model';
import { dateInZone } from '../../../../electron/shared/office-clock';
import { OcrCheck, withSuspects } from '../../components/OcrCheck';
import { besideFieldMessage } from '../../../../electron/shared/errors';
import { noConclusionSentence, uncheckedSentence } from '../../../../electron/shared/opinion-coverage';
import { staleDraftLinksSentence } from '../../../../electron/shared/draft-citation';
import { client, errorMessage } from '../../api/client';
import { handOver, readAsBase64 } from '../../components/records-ui';
import { useTask, useTaskProgress } from '../../api/hooks';
import { TASK_PHASE_LABELS, progressPercent } from '../../../../electron/shared/task-progress';
import { hrefOf } from '../../router';
import { DraftCompare, compareSummary } from './DraftCompare';
import { printableName } from '../../../../electron/shared/printable-name';
import { useNotify } from '../../components/notify';
import { isScopeShortcut } from '../../components/page-keys';
import { usePageModal } from '../../components/page-modal';
import { IssueOpinionDialog, issuedText } from '../../components/IssueOpinionDialog';

type View = ApiOutput<'workbench:get'>;
/** The findings list's keys, shown under its title (the list's aria-label says the same). */
const KEY_HINTS = ['j/k 或 ↑↓ 选择', 'e 编辑建议', 'a 采纳', 'd 不采纳（随后转到下一条待处理）'];

const SEVERITY_COLOR: Record<string, string> = { 必须修改: 'red', 需核实: 'orange', 提示: 'blue' };

function Marked({ text, findings, selected, suspects = [] }: { text: string; findings: Finding[]; selected?: string; suspects?: readonly number[] }) {
  // Marks the triggers (start–end) of the article's findings in its text: each sentence a finding joins;
  // and in a scanned draft's unchecked text the characters OCR was unsure of (as 核对 marks them).
  const spans = findings
    .flatMap((f) => [{ f, start: f.start, end: f.end }, ...(f.also ?? []).map((a) => ({ f, start: a.start, end: a.end }))])
    .filter((x): x is { f: Finding; start: number; end: number } => x.start !== undefined && x.end !== undefined && x.end > x.start)
    .sort((a, b) => a.start - b.start);
  const out: React.ReactNode[] = [];
  const plain = (from: number, to: number) => (suspects.length ? withSuspects(text.slice(from, to), suspects, from) : text.slice(from, to));
  let at = 0;
  for (const { f, start, end } of spans) {
    if (start < at) continue;
    out.push(<span key={`t${at}`}>{plain(at, start)}</span>);
    out.push(
      <mark key={`${f.id}@${start}`} className={`wb-mark sev-${f.severity}`} style={{ background: f.id === selected ? '#ffd666' : f.severity === '必须修改' ? '#ffccc7' : '#fff1b8' }} title={f.ruleName}>
        {plain(start, end)}
      </mark>,
    );
    at = end;
  }
  out.push(<span key={`t${at}`}>{plain(at, text.length)}</span>);
  return <>{out}</>;
}

function Runs({ m }: { m: HigherLawMatch }) {
  return (
    <>
      {m.runs.map((r, i) =>
        r.op === 'equal' ? <span key={i}>{r.text}</span> : r.op === 'insert' ? <ins key={i} className="diff-ins">{r.text}</ins> : null,
      )}
    </>
  );
}

/** Where the 上位法 panel looked: without the office's region it lists national laws only, and says where to set it. */
function PanelScope({ regions }: { regions: string[] | undefined }) {
  if (!regions) return null;
  // 全国, 山东, 山东·临沂, 山东·临沂·沂水县 → 国家和山东、临沂、沂水县
  const local = regions.filter((r) => r !== '全国').map((r) => r.split('·').at(-1)!);
  return local.length ? (
    <Typography.Text type="secondary" data-testid="wb-panel-scope">国家和{local.join('、')}</Typography.Text>
  ) : (
    <Typography.Text type="warning" data-testid="wb-panel-scope" title="在 设置 → 单位信息 中填写所在地区（如 山东·淄博·高青县）后，也列出本省的地方性法规和规章">
      只列国家法律法规（未设置所在地区）
    </Typography.Text>
  );
}

/** A scanned draft's trust mark: 识别文本（待核对） with 逐条核对, then 已核对（who, date）. */
function DraftTextMark({ draft, onCheck }: { draft: NonNullable<View['draft']>; onCheck: () => void }) {
  if (draft.textSource !== 'ocr') return null;
  if (!isUnverifiedDraft(draft)) {
    return (
      <Tag color="green" data-testid="wb-ocr-verified">
        已核对（{[draft.verifiedBy, draft.verifiedAt ? dateInZone(new Date(draft.verifiedAt)) : ''].filter(Boolean).join('，')}）
      </Tag>
    );
  }
  return (
    <Space size={4}>
      <Tooltip title="本稿由扫描件文字识别（OCR）得到，可能有错字，请对照原件核对">
        <Tag color="orange" data-testid="wb-ocr-unverified">
          {OCR_UNVERIFIED_LABEL}
        </Tag>
      </Tooltip>
      <Button size="small" type="primary" ghost onClick={onCheck} data-testid="wb-ocr-check-open">
        逐条核对
      </Button>
    </Space>
  );
}

/** The key of the decision toast: 已采纳 / 已不采纳 replace each other. */
const DECISION_TOAST = 'wb-decision';

const NO_DRAFT_HINT = '要预审并附修改建议对照表，请先上传送审稿。';

/** `seq`, `articleKey`: a link into the draft (草案第八条 in the record) opens that version at that article. */
export function WorkbenchPage({ id, seq: linkedSeq, articleKey: linkedArticle }: { id: string; seq?: number; articleKey?: string }) {
  const notify = useNotify();
  const [view, setView] = useState<View>();
  const [error, setError] = useState<string>();
  const [loading, setLoading] = useState(true);
  const [selected, setSelected] = useState<string>();
  const [dismissing, setDismissing] = useState<Finding>();
  /** A 公平竞争审查 checklist item being confirmed or excluded (with its reason). */
  const [fcDeciding, setFcDeciding] = useState<{ code: string; status: 'accepted' | 'dismissed' }>();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [format, setFormat] = useState<'docx' | 'pdf'>('docx');
  const [quotes, setQuotes] = useState<OpinionQuoteMode>('inline');
  /** 建议修改为 as edited, by finding id (absent: the rule's suggestion). */
  const [proposals, setProposals] = useState<Record<string, string>>({});
  /** An accepted finding whose proposal is being changed. */
  const [editing, setEditing] = useState<string>();
  const [comparing, setComparing] = useState(false);
  const [comparison, setComparison] = useState<DraftComparison>();
  const task = useTask();
  const { taskId: newTaskId, reset: resetTask } = task;
  /** A scanned 送审稿 being recognised in the background, and its pages' progress (task:progress). */
  const [ocr, setOcr] = useState<NonNullable<View['ocrJob']>>();
  const ocrProgress = useTaskProgress(ocr?.taskId ?? '');
  const [ocrCanceling, setOcrCanceling] = useState(false);
  /** The scanned draft's text open in 核对. */
  const [checking, setChecking] = useState(false);
  const proposalBox = useRef<TextAreaRef>(null);
  const draftInput = useRef<HTMLInputElement>(null);
  const findingsList = useRef<HTMLDivElement>(null);
  // Set when a 送审稿 was read: its findings take the focus once shown, so j/k/a/d work at once.
  const focusFindingsOnce = useRef(false);
  /** 记为已出具 open: after an export (offered), or from the header (to record, correct or undo). */
  const [issuing, setIssuing] = useState<{ afterExport: boolean }>();
  /** The 意见书 just generated (its file name), while the review is not yet recorded as issued. */
  const [exported, setExported] = useState<string>();

  /** Follows a scan's recognition to its end (a long poll): then the view with the new draft. */
  const followOcr = useCallback(
    async (job: NonNullable<View['ocrJob']>) => {
      setOcr(job);
      setOcrCanceling(false);
      try {
        for (;;) {
          const st = await client.call('workbench:ocrJob', { id });
          if (!st.done) continue;
          setView(st.view);
          setSelected(undefined);
          setComparison(undefined);
          notify.ok(`已识别并添加送审稿“${printableName(job.name)}”（第 ${st.view.draft?.seq ?? 1} 稿）：识别文本待核对`);
          focusFindingsOnce.current = true;
          break;
        }
      } catch (e) {
        const canceled = (e as { code?: string }).code === 'CANCELLED';
        if (canceled) notify.info(`已取消识别“${printableName(job.name)}”，未添加送审稿`);
        else notify.fail(errorMessage(e), { title: `送审稿“${printableName(job.name)}”添加失败` });
      } finally {
        setOcr(undefined);
      }
    },
    [id, notify],
  );
  const load = useCallback(
    async (seq?: number) => {
      setLoading(true);
      try {
        const v = await client.call('workbench:get', { id, ...(seq ? { seq } : {}), taskId: newTaskId() });
        // Opened (or reopened days later) from the review: the findings take the focus, as after an
        // upload, so j/k/a/d work at once. Not when another version is picked (the picker keeps it).
        if (!seq || seq === linkedSeq) focusFindingsOnce.current = true;
        setView(v);
        if (v.ocrJob) void followOcr(v.ocrJob); // recognition started before the page was opened
        setError(undefined);
      } catch (e) {
        setError(errorMessage(e));
      } finally {
        setLoading(false);
        resetTask();
      }
    },
    [id, newTaskId, resetTask, followOcr, linkedSeq],
  );
  useEffect(() => {
    void load(linkedSeq);
  }, [load, linkedSeq]);
  // The linked article, once its version is shown: brought into view and marked (its label says it is the one linked).
  useEffect(() => {
    if (!linkedArticle || view?.draft?.seq !== (linkedSeq ?? view?.drafts.at(-1)?.seq)) return;
    document.getElementById(`wb-a-${linkedArticle}`)?.scrollIntoView({ block: 'center' });
  }, [view, linkedSeq, linkedArticle]);

  const findings = useMemo(() => view?.result?.findings ?? [], [view]);
  const suggestionRows = useMemo(() => suggestionsByArticle(view?.suggestions ?? []), [view]);
  const decided = (f: Finding) => view?.decisions[f.id]?.status;
  const open = findings.filter((f) => !decided(f));
  // Nothing chosen yet (a draft reopened, a new version read): the first finding still to decide, so
  // a / d act at once where the reviewer left off — the first finding, decided days ago, ignored them.
  const current = findings.find((f) => f.id === selected) ?? open[0] ?? findings[0];
  /** The next finding still to decide after f (wrapping round), for a/d to move on like a reviewer reading down the list. */
  const nextOpen = (f: Finding) => {
    const i = findings.indexOf(f);
    return [...findings.slice(i + 1), ...findings.slice(0, i)].find((x) => !decided(x));
  };
  // Set by the keys a/d: once the decision is saved the selection moves to the next open finding.
  const advanceFrom = useRef<string | undefined>(undefined);
  const advance = (f: Finding) => {
    if (advanceFrom.current !== f.id) return;
    advanceFrom.current = undefined;
    const next = nextOpen(f);
    if (next) setSelected(next.id);
  };

  const upload = async (file: File) => {
    setBusy(true);
    setLoading(true);
    try {
      const v = await client.call('workbench:addDraft', { id, file: { name: file.name, dataBase64: await readAsBase64(file) }, taskId: task.taskId() });
      setView(v);
      if (v.ocrJob) {
        // A scan: recognised in the background; the page follows it (and can cancel it).
        void followOcr(v.ocrJob);
        return;
      }
      if (v.added?.existing) {
        // The same bytes as a version the review holds (told by the hash, nothing read or recognised again).
        notify.info(`送审稿“${printableName(file.name)}”与第 ${v.added.seq} 稿内容相同，未重复添加`);
        return;
      }
      setSelected(undefined);
      const seq = v.added?.seq ?? v.draft?.seq ?? 1;
      if (seq > 1) {
        // A new version: say at once what changed against the one before.
        const c = await client.call('workbench:diff', { id, from: seq - 1, to: seq });
        setComparison(c);
      } else setComparison(undefined);
      // Decisions of the previous version that followed their provision, and those open again.
      const carried = v.added?.carried ?? 0;
      const reopened = v.added?.reopened ?? 0;
      const moved = carried || reopened ? `；沿用上一稿的决定 ${carried} 条${reopened ? `，${reopened} 条原句已修改、重新待审` : ''}` : '';
      notify.ok(`已添加送审稿“${printableName(file.name)}”（第 ${seq} 稿）${moved}`);
      focusFindingsOnce.current = true;
    } catch (e) {
      notify.fail(errorMessage(e), { title: `送审稿“${printableName(file.name)}”添加失败` });
    } finally {
      setBusy(false);
      setLoading(false);
      task.reset();
    }
  };
  /** What is wrong with an edited 建议修改为, by the schema the service checks it with; undefined when fine or not edited. */
  const proposalError = (f: Finding): string | undefined => {
    const p = proposals[f.id];
    if (p === undefined) return undefined;
    const r = ProposalSchema.safeParse(p);
    return r.success ? undefined : besideFieldMessage(r.error.issues[0]!, {}, p);
  };
  /** The proposal to send: the edited text when it differs from the rule's suggestion. */
  const proposalOf = (f: Finding) => {
    const p = proposals[f.id];
    return p !== undefined && p.trim() !== (f.suggestion ?? '') ? { proposal: p } : {};
  };
  const accept = async (f: Finding) => {
    setBusy(true);
    try {
      const v = await client.call('workbench:accept', { id, findingId: f.id, ...proposalOf(f) });
      setView((old) => (old ? { ...old, decisions: v.decisions, suggestions: v.suggestions } : v));
      setEditing(undefined);
      advance(f);
      // One toast for the decisions made from the keyboard: each replaces the last (a stack of them covered the title and the buttons).
      notify.ok(`已采纳：${f.ruleName}`, { key: DECISION_TOAST });
    } catch (e) {
      notify.fail(errorMessage(e), { title: '采纳未保存' });
    } finally {
      setBusy(false);
    }
  };
  const decideFc = async () => {
    if (!fcDeciding) return;
    setBusy(true);
    try {
      await client.call('workbench:checklist', { id, code: fcDeciding.code, status: fcDeciding.status, reason });
      setView((old) => (old ? { ...old, decisions: { ...old.decisions, [`fc:${fcDeciding.code}`]: { status: fcDeciding.status, reason, at: new Date().toISOString(), by: '', checklist: fcDeciding.code } } } : old));
      setFcDeciding(undefined);
      setReason('');
    } catch (e) {
      notify.fail(errorMessage(e), { title: '决定未保存' });
    } finally {
      setBusy(false);
    }
  };
  const dismiss = async () => {
    if (fcDeciding) return decideFc();
    if (!dismissing) return;
    setBusy(true);
    try {
      const v = await client.call('workbench:dismiss', { id, findingId: dismissing.id, reason });
      setView((old) => (old ? { ...old, decisions: v.decisions, suggestions: v.suggestions } : v));
      advance(dismissing);
      notify.ok(`已不采纳：${dismissing.ruleName}`, { key: DECISION_TOAST });
      setDismissing(undefined);
      setReason('');
    } catch (e) {
      notify.fail(errorMessage(e), { title: '不采纳未保存' });
    } finally {
      setBusy(false);
    }
  };
  // The 意见书 writes 经审查，未发现问题 only of a 要点 a check reached; the others read 未审查 with the
  // reason (shared/opinion-coverage.ts). Before generating, the adviser is told which and why —
  // the core says (workbench:coverage), the page only words the question.
  const modal = usePageModal(); // themed like the app (the static Modal.confirm is not), closed when the page goes
  const confirmExport = async (unverified = false) => {
    // A scanned draft nobody has checked: the 意见书 quotes and judges its text, so 核对 comes first,
    // unless the adviser says to write it from the recognised text (the workbench log keeps that).
    if (!unverified && view?.draft && isUnverifiedDraft(view.draft)) {
      modal.confirm({
        title: `送审稿第 ${view.draft.seq} 稿是扫描件的识别文本，尚未核对`,
        content: `${draftPagesDoubt(view.draft) ? `${draftPagesDoubt(view.draft)}。` : ''}意见书引用和评判的是送审稿原文，识别错的字会随修改建议对照表发给起草单位。建议先逐条核对识别文本；仍要现在生成，将依据未核对的识别文本生成，并记入审查工作台的记录。`,
        okText: '仍依据识别文本生成',
        cancelText: '先去核对',
        okButtonProps: { ...({ 'data-testid': 'wb-export-unverified' } as object) },
        onOk: () => void confirmExport(true),
        onCancel: () => setChecking(true),
      });
      return;
    }
    let points: string;
    let staleLinks = '';
    try {
      // and the record's 草案第X条 written on an earlier 送审稿 version (the 意见书 names the version after each)
      const [coverage, links] = await Promise.all([client.call('workbench:coverage', { id }), client.call('workbench:draftLinks', { id })]);
      staleLinks = staleDraftLinksSentence(links);
      points = uncheckedSentence(coverage) + staleLinks;
    } catch (e) {
      notify.fail(errorMessage(e), { title: '意见书生成失败' });
      return;
    }
    // An 意见书 with 审查结论待定 is not one to send: said as plainly as the points left unchecked.
    const conclusion = view?.record.conclusion ? '' : `${noConclusionSentence(undefined)}审查结论在审查记录页选定。`;
    // Without a 送审稿 the 意见书 is still the record's own (a review done on paper): say so.
    if (!view?.draft) {
      modal.confirm({
        title: '还没有上传送审稿',
        content: `意见书将只按审查记录生成：送审材料、审查程序、审查记录中写明的审查意见和结论；送审稿未经预审，也没有修改建议对照表。${points}${conclusion}${NO_DRAFT_HINT}`,
        okText: '仍然生成',
        cancelText: '先上传送审稿',
        okButtonProps: { ...({ 'data-testid': 'wb-export-anyway' } as object) },
        onOk: () => void exportOpinion(unverified),
      });
      return;
    }
    if (!open.length && !points && !conclusion) return void exportOpinion(unverified);
    const count = (pred: (f: Finding) => boolean) => open.filter(pred).length;
    const must = count((f) => f.severity === '必须修改');
    const byCategory = (['权限', '程序', '内容'] as const).map((c) => [c, count((f) => f.category === c)] as const).filter(([, n]) => n > 0);
    modal.confirm({
      title: open.length ? `还有 ${open.length} 条预审意见待处理${must ? `（其中必须修改 ${must} 条）` : ''}` : points ? (points === staleLinks ? '草案条文所指的稿次已有变化' : '部分要点未经审查') : '还没有选定审查结论',
      content: `${open.length ? `意见书只写入已采纳的意见；${byCategory.map(([c, n]) => `${c} ${n} 条`).join('、')}尚未决定是否采纳。` : ''}${points}${conclusion}`,
      okText: '仍然生成',
      cancelText: open.length ? '返回处理' : '返回',
      okButtonProps: { ...({ 'data-testid': 'wb-export-anyway' } as object) },
      onOk: () => void exportOpinion(unverified),
    });
  };
  const exportOpinion = async (unverified: boolean) => {
    setBusy(true);
    try {
      const f = await client.call('workbench:opinion', { id, format, quotes, ...(unverified ? { unverifiedText: true as const } : {}) });
      const how = await handOver(f);
      // keyed: a second export (another 条文原文 choice, the same file name) replaces the toast rather than stacking a copy
      notify.ok(`已生成意见书“${f.name}”${how === 'downloaded' ? '（已下载）' : ''}`, { key: 'opinion-export' });
      // Generating is not issuing: once it is sent, the day is recorded (the 年度报告 counts it then).
      // Offered beside the page, not in a dialog: the adviser may export a draft only to read it.
      setExported(f.name);
    } catch (e) {
      notify.fail(errorMessage(e), { title: '意见书生成失败' });
    } finally {
      setBusy(false);
    }
  };

  // Keyboard: j/↓ next, k/↑ previous, a 采纳, d 不采纳, e 编辑建议 — on the findings list (focused,
  // or nothing else is), not while typing, in a dialog, or with Ctrl/Alt/⌘ (components/page-keys).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (dismissing || fcDeciding || comparing || checking || !isScopeShortcut(e, findingsList.current)) return;
      if (!findings.length) return;
      const i = Math.max(0, findings.findIndex((f) => f.id === current?.id));
      if (e.key === 'j' || e.key === 'ArrowDown') setSelected(findings[Math.min(findings.length - 1, i + 1)]!.id);
      else if (e.key === 'k' || e.key === 'ArrowUp') setSelected(findings[Math.max(0, i - 1)]!.id);
      else if (e.key === 'a' && current && !decided(current)) {
        advanceFrom.current = current.id;
        void accept(current);
      }
      else if (e.key === 'e' && current && decided(current) !== 'dismissed') {
        if (decided(current)) setEditing(current.id);
        setTimeout(() => proposalBox.current?.focus(), 0);
      }
      else if (e.key === 'd' && current && !decided(current)) {
        advanceFrom.current = current.id;
        setDismissing(current);
      }
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });
  useEffect(() => {
    const list = findingsList.current;
    if (!focusFindingsOnce.current || !list) return;
    focusFindingsOnce.current = false;
    const el = document.activeElement;
    // Only from where the upload left it (its button, or nowhere): never out of a field or a dialog.
    if (!el || el === document.body || el.id === 'app-content' || el.closest('[data-testid="wb-upload"]')) list.focus({ preventScroll: true });
  });
  useEffect(() => {
    if (current) document.querySelector(`[data-finding="${CSS.escape(current.id)}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [current]);

  const draft = view?.draft;
  const panel = current?.article && view?.result?.higherLaw ? view.result.higherLaw[current.article.key] ?? [] : [];
  const fc = (view?.result?.fairCompetition ?? []).filter((x) => x.triggers.length);

  return (
    <div className="page" style={{ maxWidth: 1500 }} data-testid="workbench">
      <Breadcrumb items={[{ title: <a href={hrefOf({ page: 'reviews' })}>合法性审查</a> }, { title: <a href={hrefOf({ page: 'review', id })}>{id}</a> }, { title: '审查工作台' }]} />
      <Space style={{ width: '100%', justifyContent: 'space-between', margin: '12px 0' }} wrap>
        <Space wrap>
          <Typography.Title level={4} style={{ margin: 0 }}>
            审查工作台{view ? `：${view.record.title}` : ''}
          </Typography.Title>
          {view?.result && (
            <Typography.Text data-testid="wb-counts">
              必须修改 {view.result.counts['必须修改'] ?? 0} · 需核实 {view.result.counts['需核实'] ?? 0} · 提示 {view.result.counts['提示'] ?? 0} · 待处理 {open.length}
            </Typography.Text>
          )}
        </Space>
        <Space wrap>
          {view && view.drafts.length > 1 && (
            <>
              <TabLeavingSelect
                aria-label="查看稿本"
                data-testid="wb-version"
                value={draft?.seq}
                onChange={(seq) => void load(seq)}
                options={view.drafts.map((d) => ({ value: d.seq, label: `第 ${d.seq} 稿${d.seq === view.drafts.at(-1)!.seq ? '（最新）' : ''}` }))}
                style={{ width: 140 }}
              />
              <Button onClick={() => setComparing(true)} data-testid="wb-compare-open">
                各稿对比
              </Button>
            </>
          )}
          {/* One Tab stop whose Enter opens the file dialog (antd's Upload around a button made two stops, and Enter on the button opened none). */}
          <input
            ref={draftInput}
            type="file"
            hidden
            onChange={(e) => {
              const f = e.target.files?.[0];
              e.target.value = '';
              if (f) void upload(f);
            }}
          />
          <Button icon={<UploadOutlined />} loading={busy} disabled={!!ocr} onClick={() => draftInput.current?.click()} data-testid="wb-upload">
            {draft ? '上传新一稿' : '上传送审稿'}
          </Button>
          {view && view.record.status !== '已归档' && (
            <Button onClick={() => setIssuing({ afterExport: false })} data-testid="wb-issue">
              {issuedText(view.record) ?? '记为已出具'}
            </Button>
          )}
          <TabLeavingSelect value={format} onChange={setFormat} options={[{ value: 'docx', label: 'DOCX' }, { value: 'pdf', label: 'PDF' }]} style={{ width: 90 }} aria-label="意见书格式" />
          <TabLeavingSelect value={quotes} onChange={setQuotes} options={OPINION_QUOTE_MODES.map((m) => ({ value: m, label: OPINION_QUOTE_LABEL[m] }))} style={{ width: 236 }} aria-label="意见书中的条文原文" data-testid="wb-quotes" />
          <Tooltip title={view && !draft ? `还没有送审稿：意见书只按审查记录生成。${NO_DRAFT_HINT}` : undefined}>
            <Button type="primary" onClick={() => void confirmExport()} loading={busy} disabled={!view} data-testid="wb-export">
              生成合法性审查意见书
            </Button>
          </Tooltip>
        </Space>
      </Space>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      {exported && view && view.record.status !== '已出具意见' && view.record.status !== '已归档' && (
        <Alert
          type="info"
          showIcon
          closable={{ 'aria-label': '关闭' }}
          onClose={() => setExported(undefined)}
          style={{ marginBottom: 12 }}
          data-testid="wb-issue-offer"
          message={`已生成意见书“${printableName(exported)}”。送出后请记下出具日期：年度报告按此计入已出具的审查意见。`}
          action={
            <Button size="small" type="primary" onClick={() => setIssuing({ afterExport: true })} data-testid="wb-issue-offer-open">
              记为已出具…
            </Button>
          }
        />
      )}
      {loading && (
        <Card size="small" style={{ marginBottom: 12 }} data-testid="wb-progress">
          <Typography.Text>
            正在预审送审稿{task.progress ? `：${TASK_PHASE_LABELS[task.progress.phase]}（${progressPercent(task.progress)}%）` : '…'}
          </Typography.Text>
          <Progress percent={progressPercent(task.progress)} status="active" aria-label="预审进度" />
        </Card>
      )}
      {ocr && (
        <Card size="small" style={{ marginBottom: 12 }} data-testid="wb-ocr-progress">
          <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
            <Typography.Text>
              “{printableName(ocr.name)}”是扫描件，正在识别文字
              {ocrProgress?.phase === 'ocr' && ocrProgress.total ? `：第 ${Math.min(ocrProgress.done, ocrProgress.total)} / ${ocrProgress.total} 页已识别` : ocrProgress && ocrProgress.phase !== 'ocr' ? `：识别完成，${TASK_PHASE_LABELS[ocrProgress.phase]}` : `（共 ${ocr.pages} 页）…`}
            </Typography.Text>
            <Button
              size="small"
              danger
              disabled={ocrCanceling}
              onClick={() => {
                setOcrCanceling(true);
                void client.call('workbench:ocrCancel', { id }).catch((e) => notify.fail(errorMessage(e), { title: '取消未成功' }));
              }}
              data-testid="wb-ocr-cancel"
            >
              {ocrCanceling ? '正在取消…' : '取消识别'}
            </Button>
          </Space>
          <Progress percent={ocrProgress?.phase === 'ocr' ? progressPercent(ocrProgress) : ocrProgress ? 100 : 0} status="active" aria-label="识别进度" />
        </Card>
      )}
      {checking && draft && draft.textSource === 'ocr' && (
        <div data-testid="wb-ocr-check">
          <Button onClick={() => setChecking(false)} style={{ marginBottom: 8 }} data-testid="wb-ocr-check-close">
            返回审查工作台
          </Button>
          <OcrCheck
            title={<Typography.Text>送审稿第 {draft.seq} 稿：{draft.title}</Typography.Text>}
            meta={{ textSource: draft.textSource, sourceFormat: draft.format, ...(draft.verified !== undefined ? { verified: draft.verified } : {}), ...(draft.verifiedBy ? { verifiedBy: draft.verifiedBy } : {}), ...(draft.verifiedAt ? { verifiedAt: draft.verifiedAt } : {}), ...(draft.ocrDoubtfulPages ? { ocrDoubtfulPages: draft.ocrDoubtfulPages } : {}), ...(draft.ocrTurnedPages ? { ocrTurnedPages: draft.ocrTurnedPages } : {}) }}
            units={draft.units}
            scan={{ reviewId: id, seq: draft.seq }}
            check={(keys, corrections) => client.call('workbench:checkOcr', { id, seq: draft.seq, confirmed: keys, ...(corrections ? { corrections } : {}) })}
            reload={() => void load(draft.seq)}
            done={<Button onClick={() => setChecking(false)}>返回审查工作台</Button>}
          />
        </div>
      )}
      {comparison && draft?.seq === comparison.to && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="wb-compare-notice"
          message={`第 ${comparison.to} 稿已重新预审。${compareSummary(comparison)}`}
          action={
            <Button size="small" onClick={() => setComparing(true)}>
              查看对比
            </Button>
          }
          closable
          onClose={() => setComparison(undefined)}
        />
      )}
      {view && !draft && <Empty description="还没有送审稿：上传 Word、PDF、TXT、Markdown 或 HTML 格式的送审稿后自动预审" />}
      {draft && view?.result && !checking && (
        <div style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 5fr) minmax(0, 4fr)', gap: 12 }}>
          <Card
            size="small"
            title={`送审稿（第 ${draft.seq} 稿，${draft.units.length} 条）`}
            extra={<DraftTextMark draft={draft} onCheck={() => setChecking(true)} />}
            style={{ maxHeight: '75vh', overflow: 'auto' }}
            data-testid="wb-draft"
          >
            {isUnverifiedDraft(draft) && (
              <Typography.Paragraph type="warning" style={{ fontSize: 12 }} data-testid="wb-ocr-note">
                本稿由扫描件文字识别得到（{draft.ocrPages ?? 1} 页），可能有错字：识别存疑的字已标出，预审意见依据的是识别文本。请对照原件逐条核对后再出具意见书。
                {draftPagesDoubt(draft) && (
                  <Typography.Text type="danger" style={{ display: 'block' }} data-testid="wb-ocr-doubtful-pages">
                    {draftPagesDoubt(draft)}
                  </Typography.Text>
                )}
              </Typography.Paragraph>
            )}
            {draft.units.map((u) => {
              const fs = findings.filter((f) => f.article?.key === u.key);
              return (
                <p
                  key={u.key}
                  id={`wb-a-${u.key}`}
                  style={{ background: current?.article?.key === u.key ? '#f0f5ff' : undefined, padding: 4, whiteSpace: 'pre-wrap', ...(linkedArticle === u.key && draft.seq === (linkedSeq ?? draft.seq) ? { outline: '2px solid #faad14' } : {}) }}
                  {...(linkedArticle === u.key && draft.seq === (linkedSeq ?? draft.seq) ? { 'data-linked': 'true', 'aria-current': 'location' as const } : {})}
                >
                  <b>{u.label}</b> <Marked text={u.text} findings={fs} {...(current ? { selected: current.id } : {})} {...(isUnverifiedDraft(draft) && u.suspects?.length ? { suspects: u.suspects } : {})} />
                </p>
              );
            })}
          </Card>
          <div style={{ display: 'flex', flexDirection: 'column', gap: 12, minWidth: 0 }}>
            <Card
              ref={findingsList}
              // One Tab stop for the list: the keys below act here (and when nothing else has the focus).
              tabIndex={0}
              aria-label={`预审意见列表：${KEY_HINTS.join('，')}`}
              size="small"
              title={
                // The key hints wrap under the title, one hint never split: in one line the card cut them
                // off at 1440 px (…（随后转到下…).
                <div style={{ whiteSpace: 'normal', padding: '4px 0' }}>
                  预审意见（{findings.length}）
                  <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, fontWeight: 'normal' }} data-testid="wb-findings-keys">
                    {KEY_HINTS.map((h, i) => (
                      <span key={h} style={{ whiteSpace: 'nowrap' }}>
                        {h}
                        {i < KEY_HINTS.length - 1 ? '，' : ''}
                      </span>
                    ))}
                  </Typography.Text>
                </div>
              }
              // The body scrolls, the title with its keys stays in sight.
              style={{ maxHeight: '45vh', display: 'flex', flexDirection: 'column' }}
              styles={{ header: { flexShrink: 0 }, body: { overflow: 'auto', minHeight: 0, flex: '1 1 auto' } }}
              data-testid="wb-findings"
            >
              {findings.map((f) => {
                const d = view.decisions[f.id];
                const again = d ? undefined : view.reopened[f.id];
                return (
                  <div
                    key={f.id}
                    data-finding={f.id}
                    data-testid="wb-finding"
                    aria-current={f.id === current?.id ? 'true' : undefined}
                    onClick={() => {
                      setSelected(f.id);
                      if (f.article) document.getElementById(`wb-a-${f.article.key}`)?.scrollIntoView({ block: 'center' });
                    }}
                    style={{ padding: 8, marginBottom: 6, borderRadius: 4, cursor: 'pointer', border: f.id === current?.id ? '2px solid #1677ff' : '1px solid #f0f0f0', opacity: d ? 0.6 : 1 }}
                  >
                    <Space wrap size={4}>
                      <Tag color={SEVERITY_COLOR[f.severity]}>{f.severity}</Tag>
                      <Tag>{f.category}</Tag>
                      <b>{f.article?.label ?? '全文'}</b> {f.ruleName}
                      {d && <Tag color={d.status === 'accepted' ? 'green' : 'default'}>{d.status === 'accepted' ? '已采纳' : '不采纳'}</Tag>}
                      {d?.carriedFrom && <Tag data-testid="wb-carried">{carriedLabel(d.carriedFrom)}</Tag>}
                      {again && <Tag color="orange" data-testid="wb-reopened">{reopenedLabel(again).tag}</Tag>}
                      {f.ocrText === 'doubtful-page' && (
                        // read from a page too poor to trust as a whole: apart from the other findings of an unchecked scan
                        <Tag color="red" data-testid="wb-finding-doubtful-page">
                          {OCR_DOUBTFUL_PAGE_LABEL}
                          {f.ocrPages?.length ? `（第 ${f.ocrPages.join('、')} 页）` : ''}
                        </Tag>
                      )}
                    </Space>
                    {again && (
                      <div style={{ fontSize: 12, color: '#ad6800' }}>
                        {reopenedLabel(again).where}{again.articleLabel}“{again.excerpt}”曾{again.status === 'accepted' ? '采纳' : `不采纳（${again.reason}）`}
                        {again.proposal ? `，建议修改为：${again.proposal}` : ''}
                      </div>
                    )}
                    {f.also && (
                      // one finding for the article's sentences this rule finds: each quoted, as the record will
                      <div style={{ fontSize: 12 }} data-testid="wb-finding-sentences">
                        本条 {findingExcerpts(f).length} 句：{findingExcerpts(f).map((e) => `“${e}”`).join('')}
                      </div>
                    )}
                    <div style={{ fontSize: 13, color: '#555' }}>{f.reason}</div>
                    {f.draftArticles && (
                      // 前条 / 本办法第十三条 in the sentence: the draft's own article, one click (or Enter) away
                      <div style={{ fontSize: 12 }} data-testid="wb-finding-own">
                        {DRAFT_ARTICLES_LABEL}：
                        {f.draftArticles.map((a) => (
                          <Button key={a.key} size="small" type="link" style={{ padding: '0 4px' }} onClick={(e) => { e.stopPropagation(); document.getElementById(`wb-a-${a.key}`)?.scrollIntoView({ block: 'center' }); }}>
                            {a.label}
                          </Button>
                        ))}
                      </div>
                    )}
                    {f.ocrText && <div style={{ fontSize: 12, color: '#ad6800' }} data-testid="wb-finding-ocr">{OCR_TEXT_NOTES[f.ocrText]}</div>}
                    {f.hint && <div style={{ fontSize: 12, color: '#ad6800' }} data-testid="wb-finding-hint">审查提示（不写入意见书）：{f.hint}</div>}
                    {f.basis && <div style={{ fontSize: 12 }}>依据：{f.basis.versionId && f.basis.articleKey ? <a href={hrefOf({ page: 'read', versionId: f.basis.versionId, articleKey: f.basis.articleKey })}>{f.basis.citation}</a> : f.basis.citation}</div>}
                    {d?.status === 'dismissed' && <div style={{ fontSize: 12 }}>理由：{d.reason}</div>}
                    {d?.status === 'accepted' && editing !== f.id && (
                      <div style={{ fontSize: 12 }} data-testid="wb-proposal-text">
                        建议修改为：{d.proposal ?? '（无）'}
                        {f.id === current?.id && (
                          <Button size="small" type="link" onClick={(e) => { e.stopPropagation(); setEditing(f.id); }} data-testid="wb-proposal-edit">
                            修改建议 (e)
                          </Button>
                        )}
                      </div>
                    )}
                    {f.id === current?.id && (!d || (d.status === 'accepted' && editing === f.id)) && (
                      <div style={{ marginTop: 6 }} onClick={(e) => e.stopPropagation()}>
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          建议修改为（可编辑，采纳后写入修改建议对照表）：
                        </Typography.Text>
                        <Input.TextArea
                          ref={proposalBox}
                          autoSize={{ minRows: 2, maxRows: 6 }}
                          value={proposals[f.id] ?? d?.proposal ?? again?.proposal ?? f.suggestion ?? ''}
                          onChange={(e) => setProposals((p) => ({ ...p, [f.id]: e.target.value }))}
                          onKeyDown={(e) => {
                            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void accept(f);
                            if (e.key === 'Escape') (e.target as HTMLTextAreaElement).blur();
                          }}
                          status={proposalError(f) ? 'error' : ''}
                          aria-label="建议修改为"
                          data-testid="wb-proposal"
                        />
                        {proposalError(f) && <Typography.Text type="danger" style={{ fontSize: 12 }}>{proposalError(f)}</Typography.Text>}
                      </div>
                    )}
                    {d?.status === 'accepted' && editing === f.id && f.id === current?.id && (
                      <Space style={{ marginTop: 6 }}>
                        <Button size="small" type="primary" disabled={!!proposalError(f)} onClick={(e) => { e.stopPropagation(); void accept(f); }} data-testid="wb-proposal-save">
                          保存修改建议 (Ctrl+Enter)
                        </Button>
                        <Button size="small" onClick={(e) => { e.stopPropagation(); setEditing(undefined); }}>
                          取消
                        </Button>
                      </Space>
                    )}
                    {!d && f.id === current?.id && (
                      <Space style={{ marginTop: 6 }}>
                        <Button size="small" type="primary" disabled={!!proposalError(f)} onClick={(e) => { e.stopPropagation(); void accept(f); }} data-testid="wb-accept">
                          采纳 (a)
                        </Button>
                        <Button size="small" onClick={(e) => { e.stopPropagation(); setDismissing(f); }} data-testid="wb-dismiss">
                          不采纳 (d)
                        </Button>
                      </Space>
                    )}
                  </div>
                );
              })}
            </Card>
            <Card
              size="small"
              title={`上位法对照${current?.article ? `：${current.article.label}` : ''}`}
              extra={<PanelScope regions={view?.result?.higherLawRegions} />}
              style={{ maxHeight: '30vh', overflow: 'auto' }}
              data-testid="wb-higher-law"
            >
              {!panel.length && <Typography.Text type="secondary">{current?.article ? '没有找到相近的上位法条文' : '选择一条针对条文的意见'}</Typography.Text>}
              {panel.map((m) => (
                <div key={`${m.versionId}#${m.articleKey}`} style={{ marginBottom: 8 }}>
                  <div>
                    <a href={hrefOf({ page: 'read', versionId: m.versionId, articleKey: m.articleKey })}>{m.citation}</a> <Tag>{m.level}</Tag> <Typography.Text type="secondary">相似度 {Math.round(m.similarity * 100)}%</Typography.Text>
                  </div>
                  <div style={{ fontSize: 13 }}>
                    <Runs m={m} />
                  </div>
                </div>
              ))}
            </Card>
            {fc.length > 0 && (
              <Card size="small" title="公平竞争审查清单（逐项确认或排除）" data-testid="wb-fair">
                {fc.map((x) => (
                  <div key={x.code} style={{ fontSize: 13 }}>
                    <b>{x.code}</b> {x.title}：{[...new Set(x.triggers.map((t) => t.articleLabel))].join('、') /* two sentences of one article name it once */}
                    {view.decisions[`fc:${x.code}`] ? (
                      <Tag style={{ marginLeft: 6 }}>{view.decisions[`fc:${x.code}`]!.status === 'accepted' ? '已确认' : `已排除：${view.decisions[`fc:${x.code}`]!.reason}`}</Tag>
                    ) : (
                      <Space size={4} style={{ marginLeft: 6 }}>
                        <Button size="small" onClick={() => setFcDeciding({ code: x.code, status: 'accepted' })} data-testid="wb-fc-confirm">
                          确认
                        </Button>
                        <Button size="small" onClick={() => setFcDeciding({ code: x.code, status: 'dismissed' })} data-testid="wb-fc-dismiss">
                          排除
                        </Button>
                      </Space>
                    )}
                  </div>
                ))}
              </Card>
            )}
            <Card size="small" title={`修改建议对照表（${suggestionRows.length}）`} data-testid="wb-suggestions">
              {/* one row per article of the draft, as the 意见书's 对照表 says an article's problem once */}
              {suggestionRows.map((row) => (
                <div key={row.article} data-testid="wb-suggestion-row" style={{ fontSize: 13, display: 'flex', gap: 6 }}>
                  <b style={{ flex: 'none' }}>{row.article}</b>
                  {row.suggestions.length === 1 ? (
                    <span title={row.suggestions[0]!.original}>{row.suggestions[0]!.proposal}</span>
                  ) : (
                    <div>
                      {row.suggestions.map((s, i) => (
                        <div key={s.findingId} title={s.original}>
                          {i + 1}. {s.proposal}
                        </div>
                      ))}
                    </div>
                  )}
                </div>
              ))}
            </Card>
          </div>
        </div>
      )}
      {view && view.drafts.length > 1 && <DraftCompare key={comparison ? `${comparison.from}-${comparison.to}` : 'none'} id={id} drafts={view.drafts} open={comparing} onClose={() => setComparing(false)} initial={comparison} />}
      <IssueOpinionDialog
        review={view?.record}
        open={!!issuing}
        afterExport={issuing?.afterExport ?? false}
        onClose={() => setIssuing(undefined)}
        onSaved={(r) => setView((old) => (old ? { ...old, record: { ...old.record, status: r.status, refNo: r.refNo, completedDate: r.completedDate, revision: r.revision } } : old))}
      />
      <Modal
        open={!!dismissing || !!fcDeciding}
        title={fcDeciding ? `公平竞争审查 ${fcDeciding.code}：${fcDeciding.status === 'accepted' ? '确认存在' : '排除'}` : `不采纳：${dismissing?.ruleName ?? ''}`}
        onOk={() => void dismiss()}
        okText="确定"
        cancelText="取消"
        onCancel={() => {
          setDismissing(undefined);
          setFcDeciding(undefined);
        }}
        okButtonProps={{ disabled: fcDeciding?.status !== 'accepted' && !reason.trim(), loading: busy, ...({ 'data-testid': 'wb-dismiss-ok' } as object) }}
      >
        <Typography.Paragraph>{fcDeciding?.status === 'accepted' ? '说明（可不填，记入审查记录的修改记录）：' : '请写明理由（记入审查记录的修改记录）：'}</Typography.Paragraph>
        <Input.TextArea
          autoFocus
          rows={3}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          // Ctrl+Enter confirms, as in the 建议修改为 box: the keyboard need not leave the text
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !busy && (fcDeciding?.status === 'accepted' || reason.trim())) void dismiss();
          }}
          data-testid="wb-dismiss-reason"
        />
      </Modal>
    </div>
  );
}
