// useCall's key is made from what the answer depends on: channel, input by value, the library's
// generation and the caller's refresh token — so a page cannot forget the generation (the diff
// page's version list did, and stayed stale after an import).
import { describe, expect, it } from 'vitest';
import { callKey } from '../../../renderer/src/api/call-key';

describe('callKey', () => {
  it('changes with the channel, the input, the library generation and the refresh token, and only with them', () => {
    const base = callKey('law:get', { lawId: '统计法' }, 3);
    expect(callKey('law:get', { lawId: '统计法' }, 3)).toBe(base); // a new object with the same value: no refetch
    expect(callKey('version:get', { lawId: '统计法' }, 3)).not.toBe(base);
    expect(callKey('law:get', { lawId: '行政许可法' }, 3)).not.toBe(base);
    expect(callKey('law:get', { lawId: '统计法' }, 4)).not.toBe(base); // after an import
    expect(callKey('law:get', { lawId: '统计法' }, 3, 1)).not.toBe(base);
    expect(callKey('law:get', { lawId: '统计法' }, 3, 1)).not.toBe(callKey('law:get', { lawId: '统计法' }, 3, 2));
    // An absent optional field is the same input as no field (the API reads them alike).
    expect(callKey('laws:list', { q: undefined, limit: 5 }, 0)).toBe(callKey('laws:list', { limit: 5 }, 0));
    // Values that only look alike as strings stay apart.
    expect(callKey('records:stats', { year: 2026 }, 0)).not.toBe(callKey('records:stats', { year: '2026' }, 0));
  });

  it('is null when there is nothing to ask', () => {
    expect(callKey('reviews:get', null, 7)).toBeNull();
  });
});
