// The start page's reminders: 规范性文件 to file, evaluate or clean up, the yearly report due by
// 3月1日 (from December on, for the year ending), and a 普法 plan for the new year — each a link to where it is done.

import { Alert } from 'antd';
import { useCall } from '../../api/hooks';
import { hrefOf } from '../../router';
import { officeYear } from '../../office-clock';
import { ShortList } from '../../components/short-list';
import type { OfficeReminderDto } from '../../../../electron/shared/api/reports';

/** Reminders shown above 法规库 before the rest are folded into one link: the library stays on the first screen. */
const REMINDERS_SHOWN = 3;

export function OfficeReminders() {
  const res = useCall('reminders:list', {});
  if (!res.data?.length) return null;
  const year = officeYear();
  const link = (r: OfficeReminderDto) =>
    r.source === 'register' ? hrefOf({ page: 'register' }) : r.source === 'annualReport' ? hrefOf({ page: 'reports', year: r.year ?? year - 1 }) : hrefOf({ page: 'lectures', tab: 'plans' });
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 8, padding: '16px 20px 0' }} data-testid="office-reminders">
      <ShortList
        items={res.data}
        shown={REMINDERS_SHOWN}
        testId="office-reminders"
        render={(r) => (
          <Alert
            key={`${r.source}-${r.entryId ?? ''}-${r.kind}`}
            type={r.kind === '备案逾期' || r.kind === '已失效待清理' ? 'error' : 'warning'}
            showIcon
            message={
              <span>
                【{r.kind}】{r.message} <a href={link(r)}>去处理</a>
              </span>
            }
          />
        )}
      />
    </div>
  );
}
