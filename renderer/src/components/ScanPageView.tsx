// The scanned page beside an article in 逐条核对: the page it was read from (version:scanPage for a
// library text, workbench:scanPage for a scanned 送审稿: a JPEG data: URL made from the kept original — nothing remote), scrolled to and framed at the
// band where the article's lines are (its ocrRegions), so the person reads the scan line by line
// against the text. Pages of a longer scan are turned with the buttons (or PageUp/PageDown when the
// picture has focus); choosing another article goes to its page.

import { Alert, Button, Skeleton, Space, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { OcrRegion } from '../../../electron/shared/law-model';
import { ocrPageDoubtMessage, type OcrDoubtfulPage } from '../../../electron/shared/ocr-page-doubt';
import { ocrTurnedPagesMessage, type OcrTurnedPage } from '../../../electron/shared/ocr-page-turn';
import { useCall } from '../api/hooks';

/** Whose scan: a library version's, or a 送审稿 version's of a review. */
export type ScanSource = { versionId: string } | { reviewId: string; seq: number };

/**
 * `onLocate`: the version was imported before article regions were recorded (none has any); the
 * person can have its original recognised again to frame the articles (version:locateOcr).
 */
export function ScanPageView({
  source,
  regions,
  label,
  doubtful = [],
  turned = [],
  onLocate,
}: {
  source: ScanSource;
  regions: readonly OcrRegion[];
  label: string;
  /** Pages read too poorly to trust as a whole: the page shown, if among them, says so above its picture. */
  doubtful?: readonly OcrDoubtfulPage[];
  /** Pages turned upright before they were read: the page shown, if among them, says so (its picture comes turned). */
  turned?: readonly OcrTurnedPage[];
  onLocate?: () => Promise<void>;
}) {
  // Mounted per article (keyed by the caller), so another article starts on its own page.
  const [page, setPage] = useState(regions[0]?.page ?? 1);
  // Fit to the column, or twice that to read small print (the frame scrolls both ways).
  const [zoom, setZoom] = useState(1);
  const ofVersion = useCall('version:scanPage', 'versionId' in source ? { versionId: source.versionId, page } : null);
  const ofDraft = useCall('workbench:scanPage', 'reviewId' in source ? { id: source.reviewId, seq: source.seq, page } : null);
  const res = 'versionId' in source ? ofVersion : ofDraft;
  const [locating, setLocating] = useState(false);
  const box = useRef<HTMLDivElement | null>(null);
  const pic = useRef<HTMLDivElement | null>(null);
  const band = regions.find((r) => r.page === page);
  const doubt = doubtful.find((d) => d.page === page);
  const turnedHere = turned.filter((t) => t.page === page);
  const shown = res.data?.page === page ? res.data : undefined;

  // Bring the article's band into view, a little below the top of the frame.
  useEffect(() => {
    if (!shown || !band || !box.current || !pic.current) return;
    const h = pic.current.offsetHeight;
    box.current.scrollTop = Math.max(0, band.top * h - 40);
  }, [shown, band, zoom]);

  const pages = res.data?.pages ?? 1;
  const turn = (to: number) => setPage(Math.min(pages, Math.max(1, to)));
  return (
    <div data-testid="ocr-scan">
      <Space size={4} style={{ marginBottom: 6 }} wrap>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          原件扫描页
        </Typography.Text>
        <Button size="small" onClick={() => turn(page - 1)} disabled={page <= 1} aria-label="上一页">
          上一页
        </Button>
        <Typography.Text style={{ fontSize: 12 }} data-testid="ocr-scan-page">
          第 {page} / {pages} 页
        </Typography.Text>
        <Button size="small" onClick={() => turn(page + 1)} disabled={page >= pages} aria-label="下一页">
          下一页
        </Button>
        <Button size="small" onClick={() => setZoom(zoom === 1 ? 2 : 1)} aria-pressed={zoom === 2} data-testid="ocr-scan-zoom">
          {zoom === 1 ? '放大' : '适应宽度'}
        </Button>
      </Space>
      {onLocate && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 6 }}
          data-testid="ocr-scan-unlocated"
          message="这份识别文本导入时还没有记录各条在扫描页上的位置，无法框出本条。"
          description={locating ? '正在重新识别原件以定位各条（在后台进行，每页约数秒），完成后自动框出。' : undefined}
          action={
            <Button
              size="small"
              loading={locating}
              onClick={() => {
                setLocating(true);
                void onLocate().finally(() => setLocating(false));
              }}
            >
              重新识别以定位
            </Button>
          }
        />
      )}
      {turnedHere.length > 0 && <Alert type="info" showIcon style={{ marginBottom: 6 }} data-testid="ocr-scan-turned" message={ocrTurnedPagesMessage(turnedHere)} />}
      {doubt && <Alert type="warning" showIcon style={{ marginBottom: 6 }} data-testid="ocr-scan-doubtful" message={ocrPageDoubtMessage(doubt)} />}
      {res.error ? (
        <Alert type="warning" showIcon message={res.error} />
      ) : !shown ? (
        <Skeleton.Image active style={{ width: '100%', height: 320 }} />
      ) : (
        <div
          ref={box}
          tabIndex={0}
          aria-label={`扫描页第 ${page} 页${band ? `，${label}所在处已框出` : ''}`}
          onKeyDown={(e) => {
            if (e.key === 'PageDown' || e.key === 'PageUp') {
              e.preventDefault();
              turn(page + (e.key === 'PageDown' ? 1 : -1));
            }
          }}
          style={{ maxHeight: 'calc(100vh - 300px)', minHeight: 240, overflow: 'auto', border: '1px solid #f0f0f0', borderRadius: 6, background: '#fff' }}
        >
          <div ref={pic} style={{ position: 'relative', width: `${zoom * 100}%` }}>
            <img src={shown.dataUrl} alt={`扫描页第 ${page} 页`} style={{ width: '100%', display: 'block' }} data-testid="ocr-scan-img" />
            {band && (
              <div
                data-testid="ocr-scan-region"
                style={{
                  position: 'absolute',
                  left: 0,
                  right: 0,
                  top: `${band.top * 100}%`,
                  height: `${(band.bottom - band.top) * 100}%`,
                  background: 'rgba(250, 173, 20, 0.12)',
                  outline: '2px solid rgba(250, 140, 22, 0.8)',
                  pointerEvents: 'none',
                }}
              />
            )}
          </div>
        </div>
      )}
    </div>
  );
}
