// An empty year (a new library holds only the example year, or the year has just begun): the
// years that do have records, each one a link, so nobody reads the zeros as data lost.

import { Alert, Button, Space } from 'antd';
import { navigate } from '../router';

/** `emptySaid`: the page already says the year is empty (the report's own note), so only the years are offered. */
export function OtherYearsHint({ year, years, page, emptySaid = false }: { year: number; years: readonly number[]; page: 'stats' | 'reports'; emptySaid?: boolean }) {
  const others = years.filter((y) => y !== year).slice(0, 6);
  if (!others.length) return null;
  return (
    <Alert
      type="info"
      showIcon
      data-testid="other-years"
      title={
        <Space size={4} wrap>
          <span>{emptySaid ? '有记录的年度：' : `${year} 年还没有记录。有记录的年度：`}</span>
          {others.map((y) => (
            <Button key={y} size="small" type="link" onClick={() => navigate({ page, year: y })} data-testid={`other-year-${y}`}>
              {y} 年
            </Button>
          ))}
        </Space>
      }
    />
  );
}
