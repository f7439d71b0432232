// Citations inside a record form: the linked articles of one section (as tags with their flag), a
// picker (quick open inside the form: 行政许可法12, 统计法 第七条 …) and citation detection on
// pasted or typed text — each mention offered for linking to the version in force on the record's
// date, the unresolved ones listed with their reason.

import { LinkOutlined, PlusOutlined, ScanOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, Empty, Input, InputNumber, List, Modal, Space, Spin, Tag, Tooltip, Typography, type InputRef } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { ApiOutput, CitationDto, MentionDto } from '../../../../electron/shared/api-contract';
import { client, errorMessage } from '../../api/client';
import { useQuickOpen } from '../../api/hooks';
import { handleListKeys } from '../../components/list-keys';
import { FlagTag } from '../../components/records-ui';
import { hrefOf } from '../../router';
import { articleLabel, toChineseNumber } from '../../../../electron/shared/chinese-number';
import { citationOf, wideCitationOf } from '../../../../electron/shared/citation';
import { LIMITS } from '../../../../electron/shared/limits';

import { citationKeyOf, type FormCitation } from './citation-form-model';
export { citationKeyOf, toInput, type FormCitation } from './citation-form-model';

export function CitationList({ value, onChange, testId }: { value: FormCitation[]; onChange: (v: FormCitation[]) => void; testId?: string }) {
  if (!value.length)
    return (
      <Typography.Text type="secondary" style={{ fontSize: 13 }} data-testid={testId}>
        尚未引用法规或条文
      </Typography.Text>
    );
  return (
    <Space wrap size={[6, 6]} data-testid={testId}>
      {value.map((c) => (
        <Tag
          key={citationKeyOf(c)}
          closable
          onClose={(e) => {
            e.preventDefault();
            onChange(value.filter((x) => citationKeyOf(x) !== citationKeyOf(c)));
          }}
          color={'saved' in c ? 'geekblue' : 'default'}
          style={{ padding: '2px 6px' }}
          data-testid="citation-tag"
        >
          {'saved' in c ? (
            <Tooltip title={c.saved.textSnapshot.slice(0, 300)}>
              <a href={hrefOf({ page: 'read', versionId: c.saved.versionId, ...(c.saved.scope ? {} : { articleKey: c.saved.articleKey }) })}>
                {c.saved.citation || c.saved.label}
                {c.saved.paragraph ? `第${c.saved.paragraph}款` : ''}
              </a>
            </Tooltip>
          ) : (
            <Tooltip title="保存时按记录日期链接到当时有效的版本">{c.display}（待保存）</Tooltip>
          )}
          {'saved' in c && c.flag && c.flag.color !== 'green' && (
            <span style={{ marginLeft: 6 }}>
              <FlagTag flag={c.flag} short />
            </span>
          )}
        </Tag>
      ))}
    </Space>
  );
}

type QuickItem = ApiOutput<'search:quickOpen'>[number];

/**
 * The entries to pick from: quick open's laws and articles, with a code stored as parts (民法典) first
 * offered whole — its parts follow in the code's order, as the API keeps them.
 */
function withWholeCodes(items: QuickItem[]): (QuickItem & { wholeCode?: boolean })[] {
  const out: (QuickItem & { wholeCode?: boolean })[] = [];
  const seen = new Set<string>();
  for (const it of items) {
    if (it.code && it.code.count > 1 && !it.articleKey && !seen.has(it.code.key)) {
      seen.add(it.code.key);
      const { subtitle: _s, ...rest } = it;
      out.push({ ...rest, title: it.code.title, wholeCode: true });
    }
    out.push(it);
  }
  return out;
}

type Choice = ReturnType<typeof withWholeCodes>[number];

/** 添加引用: a law (whole), a 编/章 of it, or an article — by quick open (行政许可法12) or a law plus 条 / 编章. */
export function CitationPicker({ open, onClose, onPick }: { open: boolean; onClose: () => void; onPick: (c: FormCitation) => void }) {
  const [text, setText] = useState('');
  const [article, setArticle] = useState<number | null>(null);
  const [heading, setHeading] = useState('');
  const [paragraph, setParagraph] = useState<number | null>(null);
  const pickFrom = (list: Choice[], chosen: Choice | undefined) => {
    // The row the mouse last passed over may be gone when a new answer has fewer rows: take the last one shown.
    const it = chosen ?? list[list.length - 1];
    if (!it) return;
    const art = it.articleKey ?? (article ? String(article) : undefined);
    const head = !art && heading.trim() ? heading.trim() : undefined;
    // a whole code is asked by its name (民法典), which the core resolves to all its parts
    const law = it.wholeCode && it.code ? it.code.title : it.lawId;
    // Written by the one rule saved citations follow (《full title》第十二条第二款), so a pending one reads the same.
    const label = art ? (it.articleLabel ?? (/^\d+$/.test(art) ? articleLabel(Number(art)) : art)) + (paragraph ? `第${toChineseNumber(paragraph)}款` : '') : head ?? '';
    const part = !art && !it.wholeCode && it.subtitle ? it.subtitle : '';
    onPick({
      ref: { law, ...(art ? { article: art } : {}), ...(head ? { heading: head } : {}), ...(art && paragraph ? { paragraph } : {}) },
      display: art ? citationOf({ title: it.title, history: [] }, label) : wideCitationOf({ title: it.title, history: [] }, part, head) + (head ? '' : '（全文）'),
    });
    onClose();
  };
  // Enter picks the selected match of the answer to what was typed (the list may still show an older one).
  const quick = useQuickOpen(text, 8, 120, (found, at) => {
    const list = withWholeCodes(found);
    pickFrom(list, list[at]);
  });
  const { error, loading, selected, setSelected, enter } = quick;
  const items = withWholeCodes(quick.items);
  const ref = useRef<InputRef>(null);
  useEffect(() => {
    if (open) {
      setText('');
      setArticle(null);
      setParagraph(null);
      setHeading('');
      setTimeout(() => ref.current?.focus(), 50);
    }
  }, [open]);
  const pick = (chosen: Choice | undefined) => pickFrom(items, chosen);
  return (
    <Modal
      open={open}
      onCancel={onClose}
      footer={null}
      title="添加引用（法规、编章或条文）"
      width={680}
      destroyOnHidden
      // Typing may start while the dialog still zooms in: when it has opened, the search box has the focus.
      afterOpenChange={(o) => {
        if (o && !ref.current?.input?.contains(document.activeElement) && document.activeElement?.tagName !== 'INPUT') ref.current?.focus();
      }}
    >
      <Space.Compact style={{ width: '100%' }}>
        <Input
          ref={ref}
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder="法规名 + 条号，如：行政许可法12、统计法第七条"
          data-testid="citation-picker-input"
          onKeyDown={(e) => handleListKeys(e, { count: items.length, setSelected, onEnter: enter })}
        />
        <Input value={heading} onChange={(e) => setHeading(e.target.value)} placeholder="编/章" style={{ width: 100 }} aria-label="编章" onPressEnter={enter} data-testid="citation-picker-heading" />
        <InputNumber min={1} max={2000} value={article} onChange={setArticle} placeholder="条" style={{ width: 90 }} aria-label="条号" onPressEnter={enter} data-testid="citation-picker-article" />
        <InputNumber min={1} max={50} value={paragraph} onChange={setParagraph} placeholder="款" style={{ width: 80 }} aria-label="款" onPressEnter={enter} />
      </Space.Compact>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '6px 0' }}>
        ↑↓ 选择，Enter 添加。不填条号即引用整部法规；填“第二章”等引用一编或一章。保存时按本记录的日期，链接到当时有效的版本。
      </Typography.Paragraph>
      {error && <Alert type="warning" showIcon title={error} style={{ marginBottom: 8 }} />}
      <Spin spinning={loading}>
        {items.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={text ? '没有找到' : '输入法规名称或简称'} />
        ) : (
          <List
            size="small"
            dataSource={items}
            renderItem={(it, i) => (
              <List.Item
                className={`quick-item${i === selected ? ' selected' : ''}`}
                onClick={() => pick(it)}
                onMouseEnter={() => setSelected(i)}
                data-testid="citation-picker-item"
              >
                <span>
                  {it.title}
                  {it.subtitle ? ` · ${it.subtitle}` : ''} {it.articleLabel && <Tag color="blue">{it.articleLabel}</Tag>}
                  {it.wholeCode && <Tag>全部 {it.code?.count} 编</Tag>}
                </span>
                <Typography.Text type="secondary">{it.level}</Typography.Text>
              </List.Item>
            )}
          />
        )}
      </Spin>
    </Modal>
  );
}

/**
 * 识别引用: the mentions found in a text, resolved on `date`; the chosen ones are linked. `documentTitle`: a review’s title —
 * 本办法第三条 in its text is that document's article, not the 办法 named before it.
 */
export function DetectModal({ text, date, documentTitle, onClose, onLink }: { text: string | undefined; date: string; documentTitle?: string; onClose: () => void; onLink: (c: CitationDto[]) => void }) {
  const [res, setRes] = useState<ApiOutput<'records:detect'>>();
  const [error, setError] = useState<string>();
  const [chosen, setChosen] = useState<Set<number>>(new Set());
  useEffect(() => {
    if (text === undefined) return;
    setRes(undefined);
    setError(undefined);
    // Said at once, with the length, rather than after sending a text the service would refuse.
    if (text.length > LIMITS.record.detectText) {
      setError(`文字过长（${text.length.toLocaleString('en-US')} 字）：识别引用一次最多 ${LIMITS.record.detectText.toLocaleString('en-US')} 字，请选出需要识别的段落分段识别`);
      return;
    }
    client.call('records:detect', { text, date, ...(documentTitle ? { document: documentTitle } : {}) }).then(
      (r) => {
        setRes(r);
        setChosen(new Set(r.mentions.map((m, i) => (m.status === 'resolved' ? i : -1)).filter((i) => i >= 0)));
      },
      (e) => setError(errorMessage(e)),
    );
  }, [text, date, documentTitle]);
  const resolved = (res?.mentions ?? []).map((m, i) => ({ m, i })).filter(({ m }) => m.status === 'resolved');
  const unresolved = res?.unresolved ?? [];
  const link = () => {
    const out: CitationDto[] = [];
    for (const { m, i } of resolved) if (chosen.has(i) && m.citation) out.push(m.citation);
    onLink(out);
    onClose();
  };
  return (
    <Modal
      open={text !== undefined}
      title={<span><ScanOutlined /> 识别文中的引用（按 {date} 有效的版本）</span>}
      onCancel={onClose}
      onOk={link}
      okText={`链接选中的 ${[...chosen].filter((i) => resolved.some((r) => r.i === i)).length} 条`}
      okButtonProps={{ disabled: !resolved.length, id: 'detect-link' }}
      width={720}
      data-testid="detect-modal"
      destroyOnHidden
    >
      {error ? (
        <Alert type="error" showIcon title={error} />
      ) : !res ? (
        <Spin />
      ) : res.mentions.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有发现引用的法规或条文" />
      ) : (
        <>
          {resolved.length > 0 && (
            <List
              size="small"
              header={<Typography.Text strong>可以链接的引用</Typography.Text>}
              dataSource={resolved}
              renderItem={({ m, i }) => (
                <List.Item data-testid="detect-resolved">
                  <Checkbox
                    checked={chosen.has(i)}
                    onChange={(e) => {
                      const next = new Set(chosen);
                      if (e.target.checked) next.add(i);
                      else next.delete(i);
                      setChosen(next);
                    }}
                  >
                    <Typography.Text code>{m.text}</Typography.Text> <LinkOutlined /> {m.citation?.citation}
                    {m.warning && <Typography.Text type="warning"> （{m.warning}）</Typography.Text>}
                  </Checkbox>
                </List.Item>
              )}
            />
          )}
          {unresolved.length > 0 && (
            <List
              size="small"
              style={{ marginTop: 12 }}
              header={<Typography.Text strong type="danger">未能链接的引用（{unresolved.length}）</Typography.Text>}
              dataSource={unresolved}
              renderItem={(m: MentionDto) => (
                <List.Item data-testid="detect-unresolved">
                  <span>
                    <Typography.Text code>{m.text}</Typography.Text> <Typography.Text type="secondary">{m.reason}</Typography.Text>
                  </span>
                </List.Item>
              )}
            />
          )}
        </>
      )}
    </Modal>
  );
}

/** The citation tools under a text area: 添加引用 and 识别引用. */
export function CitationTools({ onAdd, onDetect }: { onAdd: () => void; onDetect: () => void }) {
  return (
    <Space size={4}>
      <Button size="small" icon={<PlusOutlined />} onClick={onAdd} data-testid="add-citation">
        添加引用
      </Button>
      <Button size="small" icon={<ScanOutlined />} onClick={onDetect} data-testid="detect-citations">
        识别引用
      </Button>
    </Space>
  );
}
