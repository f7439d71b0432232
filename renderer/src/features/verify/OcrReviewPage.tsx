// 逐条核对 of an OCR'd law (#/verify/<versionId>): the library's side of the 核对 view
// (components/OcrCheck.tsx): the version's units and scan, 逐条核对 saved by version:checkOcr, a
// misread 第X条 number corrected (ArticleLabelEditor), a scan of a law the library already holds
// (LibraryMatchPanel), and articles located on the scan again for a version imported before that
// was recorded. Once every article is checked the version is verified (who, when), as 「确认已核对」
// in the reader does for the whole text at once.

import { Button, Skeleton } from 'antd';
import { client, errorMessage } from '../../api/client';
import { useCall } from '../../api/hooks';
import { ErrorState } from '../../components/common';
import { OcrCheck } from '../../components/OcrCheck';
import { hrefOf } from '../../router';
import { ArticleLabelEditor } from './ArticleLabelEditor';
import { LibraryMatchPanel } from './LibraryMatchPanel';
import { useNotify } from '../../components/notify';

export function OcrReviewPage({ versionId }: { versionId: string }) {
  const res = useCall('version:get', { versionId });
  if (res.error) return <ErrorState message={res.error} onRetry={res.reload} />;
  if (!res.data || res.data.meta.id !== versionId) return <Skeleton active paragraph={{ rows: 12 }} style={{ padding: 24 }} />;
  return <Review key={versionId} data={res.data} reload={res.reload} />;
}

type VersionData = NonNullable<ReturnType<typeof useCall<'version:get'>>['data']>;

function Review({ data, reload }: { data: VersionData; reload: () => void }) {
  const notify = useNotify();
  const { meta, units } = data;
  // Imported before article regions were recorded: none has any, so no article can be framed.
  const unlocated = units.length > 0 && units.every((u) => !u.ocrRegions?.length);
  const locate = async () => {
    try {
      const r = await client.call('version:locateOcr', { versionId: meta.id });
      notify.ok(`已在扫描页上定位 ${r.located} / ${r.units} 条`);
      reload();
    } catch (e) {
      notify.fail(errorMessage(e), { title: '定位失败' });
    }
  };
  return (
    <OcrCheck
      title={<a href={hrefOf({ page: 'read', versionId: meta.id })}>《{meta.title}》</a>}
      meta={meta}
      units={units}
      scan={{ versionId: meta.id }}
      check={(keys, corrections) => client.call('version:checkOcr', { versionId: meta.id, confirmed: keys, ...(corrections ? { corrections } : {}) })}
      reload={reload}
      // A scan of a law already in the library: the offer (and, once chosen, the differences) above all else.
      top={meta.libraryMatch ? <LibraryMatchPanel key={meta.libraryMatch.decision ? 'decided' : 'open'} meta={meta} onDecided={reload} /> : null}
      labelEditor={(unit, index, onSaved) => <ArticleLabelEditor key={unit.key} versionId={meta.id} index={index} unit={unit} onSaved={onSaved} />}
      {...(unlocated ? { locate } : {})}
      done={<Button href={hrefOf({ page: 'read', versionId: meta.id })}>阅读全文</Button>}
    />
  );
}

