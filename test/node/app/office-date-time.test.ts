// Backups are named to people by the office's clock: a backup at 16:22 UTC on 2 December is
// "2026年12月3日 00:22" in 淄博, not records-20261202T162225566Z-manual.json.

import { expect, it } from 'vitest';
import { dateTimeInZone } from '../../../electron/shared/office-clock';

it('a moment reads in the office time zone, the date rolling over at midnight there', () => {
  expect(dateTimeInZone(new Date('2026-12-02T16:22:25.566Z'))).toBe('2026年12月3日 00:22');
  expect(dateTimeInZone(new Date('2026-12-02T15:59:00Z'))).toBe('2026年12月2日 23:59');
  expect(dateTimeInZone(new Date('2026-01-05T01:05:00Z'), 'UTC')).toBe('2026年1月5日 01:05');
});
