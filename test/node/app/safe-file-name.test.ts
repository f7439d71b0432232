import { describe, expect, it } from 'vitest';
import { safeFileName } from '../../../electron/core/api/api-context';

describe('safeFileName', () => {
  it('replaces separators and control characters and trims dots and spaces at both ends', () => {
    expect(safeFileName(' ..高青县/科技局:简报?. ')).toBe('高青县_科技局_简报_');
    expect(safeFileName('\u3000 简报 \u3000')).toBe('简报');
    expect(safeFileName('...', '简报')).toBe('简报');
    expect(safeFileName('', '导出')).toBe('导出');
  });

  it('stays linear on a long inner run of dots and spaces (the old /[.\\s]+$/ was quadratic)', () => {
    // 200,000 mixed dots and spaces between two words: the old pattern retried from every position.
    const name = `简报${'. '.repeat(100_000)}x`;
    const out = safeFileName(name);
    expect(out.startsWith('简报')).toBe(true);
    expect(out.length).toBe(80);
    expect(safeFileName(`${'. '.repeat(100_000)}`, '简报')).toBe('简报');
  });
});
