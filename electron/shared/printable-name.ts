// A file name safe to show: control characters (which move the cursor or recolour a terminal) and
// bidirectional overrides (which make "gpj.exe" read as "exe.jpg") are shown as \uXXXX escapes.
// Defined once here for every face: the CLI's reports, API error messages and the UI.

export function printableName(name: string): string {
  return name.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The same for a message that may name files: line breaks and tabs kept, other controls escaped. */
export function printableText(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const UNSAFE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * What makes typed text unfit to keep (a record's title, a pack's name): control characters (a
 * terminal escape, NUL, BEL), bidirectional overrides and isolates (U+202E makes a title read
 * backwards), line/paragraph separators, non-characters and unpaired surrogates (half an emoji,
 * which turns into U+FFFD once written). Line breaks and tabs are fine. A sentence naming the first
 * such character, or undefined.
 */
export function unsafeTextReason(text: string): string | undefined {
  const m = UNSAFE.exec(text);
  if (!m) return undefined;
  const c = m[0].charCodeAt(0);
  const hex = `U+${c.toString(16).toUpperCase().padStart(4, '0')}`;
  const what =
    c >= 0xd800 && c <= 0xdfff
      ? '不成对的代理字符（残缺的表情或生僻字）'
      : (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)
        ? '文字方向控制符（会让文字显示颠倒）'
        : '不可见的控制字符';
  return `含有${what} ${hex}（第 ${m.index + 1} 个字符处），请删除后再保存`;
}

/** Keys whose strings are walked past: text copied from the library (an article's snapshot, a law's title), not typed. */
export interface TextWalkOptions {
  maxDepth?: number;
  skipKeys?: ReadonlySet<string>;
}

function walkStrings(value: unknown, opts: TextWalkOptions, judge: (s: string) => string | undefined): [PropertyKey[], string][] {
  const out: [PropertyKey[], string][] = [];
  const maxDepth = opts.maxDepth ?? 12;
  const visit = (v: unknown, path: PropertyKey[]) => {
    if (typeof v === 'string') {
      const why = judge(v);
      if (why) out.push([path, why]);
    } else if (v && typeof v === 'object' && path.length < maxDepth && out.length < 20) {
      for (const [k, x] of Array.isArray(v) ? v.entries() : Object.entries(v)) {
        if (typeof k === 'string' && opts.skipKeys?.has(k)) continue;
        visit(x, [...path, k]);
      }
    }
  };
  visit(value, []);
  return out;
}

/** Every string inside `value` (objects and arrays walked, at most `maxDepth` deep) with an unsafe character: [path, reason]. */
export function unsafeTextFields(value: unknown, opts: TextWalkOptions = {}): [PropertyKey[], string][] {
  return walkStrings(value, opts, unsafeTextReason);
}

/** The years a record's date may have: 0000-01-01 or 9999-12-31 is a slip of the keyboard (and made ids like R0000-001). */
export const PLAUSIBLE_YEARS = { min: 1900, max: 2200 } as const;

/** Every YYYY-MM-DD string inside `value` whose year is outside PLAUSIBLE_YEARS: [path, reason]. */
export function implausibleDateFields(value: unknown, opts: TextWalkOptions = {}): [PropertyKey[], string][] {
  return walkStrings(value, opts, (s) => {
    const m = /^(\d{4})-\d{2}-\d{2}$/.exec(s);
    return m && (Number(m[1]) < PLAUSIBLE_YEARS.min || Number(m[1]) > PLAUSIBLE_YEARS.max) ? `日期 ${s} 的年份不在 ${PLAUSIBLE_YEARS.min}–${PLAUSIBLE_YEARS.max} 年之间` : undefined;
  });
}

// What shows nothing on screen: white space (trim's, incl. U+3000 and U+FEFF), zero-width spaces and
// joiners, word joiners and invisible operators, soft hyphens, combining grapheme joiner, Hangul and
// Braille fillers, variation selectors, tag characters, direction marks and controls.
const INVISIBLE = /[\s\u0000-\u001f\u007f-\u00a0\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u2028-\u202e\u2060-\u206f\u2800\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff9-\ufffb]|\udb40[\udc00-\udcff]|\udb40[\udd00-\uddef]/g;

/**
 * Whether typed text has at least one character a reader can see: a title of zero-width spaces or
 * U+3164 fillers looks empty on the page and in the list, so it does not count as filled in.
 */
export function hasVisibleText(text: string): boolean {
  return text.replace(INVISIBLE, '').length > 0;
}
