// The one vocabulary of field names in Chinese: what validation messages, the change log, the
// forms and the CLI call a field. Keyed by the field's name in the input; an API call's input is
// labelled with its domain's vocabulary (INPUT_LABELS), so a refused call names the field as the
// screen does (建议修改为, not “proposal”).

/** The records' fields (合法性审查, 学法活动, 普法计划, notes): messages, the change log, the forms. */
export const FIELD_LABELS: Record<string, string> = {
  type: '类型',
  title: '标题',
  refNo: '文号',
  leadUnit: '承办单位',
  receivedDate: '收件日期',
  dueDate: '最早届满',
  unitDeadline: '单位确定的审查期限',
  completedDate: '出具意见日期',
  materials: '送审材料',
  procedures: '程序审查',
  findings: '审查意见要点',
  authority: '权限',
  procedure: '程序',
  content: '内容',
  opinion: '审查意见',
  adviser: '法律顾问',
  adviserRole: '审查人身份',
  conclusion: '审查结论',
  adopted: '是否采纳',
  adoptionNote: '采纳情况说明',
  status: '状态',
  tags: '标签',
  notes: '备注',
  citations: '引用条文',
  attachments: '附件',
  kind: '活动类型',
  date: '日期',
  topic: '主题',
  speaker: '主讲人',
  name: '名称',
  org: '单位',
  location: '地点',
  audience: '对象',
  headCount: '参加人数',
  laws: '学习的法律',
  planItemId: '计划事项',
  copies: '发放份数',
  year: '年度',
  unit: '单位',
  items: '事项',
  responsibleUnit: '责任单位',
  plannedMonth: '计划月份',
  text: '正文',
  law: '法规',
  article: '条文',
  check: '程序',
  provided: '已提供',
  applicable: '适用',
  done: '已履行',
  endDate: '截止日期',
  target: '对象',
};

/** The 审查工作台's inputs (accepting and dismissing findings, the 意见书). */
export const WORKBENCH_FIELD_LABELS: Record<string, string> = {
  findingId: '审查发现',
  proposal: '建议修改为',
  reason: '理由',
  seq: '送审稿版本',
  code: '检查项',
  format: '格式',
  office: '单位名称',
  prefix: '文号前缀',
  date: '日期',
  file: '文件',
};

/** What a call's envelope fields are (the record inside `input` / `patch` keeps its own labels). */
const ENVELOPE_LABELS: Record<string, string> = { input: '填写内容', patch: '修改内容', expectedRevision: '版本号' };
const RECORD_INPUT_LABELS: Record<string, string> = { ...FIELD_LABELS, ...ENVELOPE_LABELS };

/** The yearly documents' exports (年度报告, 规范性文件登记表): the 落款's date is the 成文日期. */
const EXPORT_INPUT_LABELS: Record<string, string> = { date: '成文日期', year: '年度', format: '格式', kind: '文稿' };

/** The labels of an API call's input, by the channel's domain ("reviews:create" → reviews); none for a domain without a vocabulary. */
export function inputLabels(channel: string): Readonly<Record<string, string>> | undefined {
  const domain = channel.slice(0, channel.indexOf(':'));
  if (domain === 'reviews' || domain === 'lectures' || domain === 'plans' || domain === 'records') return RECORD_INPUT_LABELS;
  if (domain === 'workbench') return WORKBENCH_FIELD_LABELS;
  if (channel === 'reports:export' || channel === 'register:export') return EXPORT_INPUT_LABELS;
  return undefined;
}
