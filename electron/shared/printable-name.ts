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

/** Every string inside `value` (objects and arrays walked, at most `maxDepth` deep) with an unsafe character: [path, reason]. */
export function unsafeTextFields(value: unknown, maxDepth = 12): [PropertyKey[], string][] {
  const out: [PropertyKey[], string][] = [];
  const visit = (v: unknown, path: PropertyKey[]) => {
    if (typeof v === 'string') {
      const why = unsafeTextReason(v);
      if (why) out.push([path, why]);
    } else if (v && typeof v === 'object' && path.length < maxDepth && out.length < 20) {
      for (const [k, x] of Array.isArray(v) ? v.entries() : Object.entries(v)) visit(x, [...path, k]);
    }
  };
  visit(value, []);
  return out;
}
