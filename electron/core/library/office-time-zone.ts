// The time zone of office.json, read for every "today" the library decides: re-read only when the
// file changed (its stat), and the default zone when the file is missing, unreadable or names no
// valid zone (a damaged profile must not stop dates from being decided; `check` reports it).

import { readFileSync, statSync } from 'node:fs';
import { DEFAULT_TIME_ZONE, isTimeZone } from '../../shared/office-clock';

export class OfficeTimeZone {
  private stamp = '';
  private zone = DEFAULT_TIME_ZONE;

  constructor(private readonly file: string) {}

  get(): string {
    let stamp = 'none';
    try {
      const st = statSync(this.file);
      stamp = `${st.mtimeMs}:${st.size}:${st.ino}`;
    } catch {
      /* no office.json: the default zone */
    }
    if (stamp !== this.stamp) {
      this.stamp = stamp;
      this.zone = stamp === 'none' ? DEFAULT_TIME_ZONE : readZone(this.file);
    }
    return this.zone;
  }
}

function readZone(file: string): string {
  try {
    const z = (JSON.parse(readFileSync(file, 'utf8')) as { timeZone?: unknown } | null)?.timeZone;
    return typeof z === 'string' && isTimeZone(z.trim()) ? z.trim() : DEFAULT_TIME_ZONE;
  } catch {
    return DEFAULT_TIME_ZONE;
  }
}
