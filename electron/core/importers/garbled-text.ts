// A text layer that decodes to the wrong characters: a PDF or OFD whose font has no ToUnicode
// table, or a broken one (re-distilled by Ghostscript, some virtual printers), gives a law full of
// Latin-1 letters, C1 controls and private-use code points (`ÿ20194o20日`, `第Ð章`). The words look
// like text, so nothing else catches it; the import says so instead of storing it quietly.

/** Characters a Chinese law's text layer almost never holds: C0/C1 controls, Latin-1 and Latin Extended letters, private use, U+FFFD. */
const ODD = /[\u0000-\u0008\u000e-\u001f\u0080-\u00a6\u00a8-\u00af\u00b2-\u00b6\u00b8-\u00d6\u00d8-\u00f6\u00f8-\u024f\ue000-\uf8ff\ufffd]/;

/** How many odd characters a text holds, and a few of them to show; counted in place. */
export function oddCharacters(text: string): { odd: number; total: number; examples: string[] } {
  let odd = 0;
  let total = 0;
  const examples = new Set<string>();
  for (const ch of text) {
    if (/\s/.test(ch)) continue;
    total++;
    if (!ODD.test(ch)) continue;
    odd++;
    if (examples.size < 4 && ch >= '\u00a0' && !(ch >= '\ue000' && ch <= '\uf8ff')) examples.add(ch);
  }
  return { odd, total, examples: [...examples] };
}

/** A warning when ≥ 1 % of the text (and at least 20 characters) is odd; undefined for a sound text layer. */
export function garbledTextWarning(text: string): string | undefined {
  const { odd, total, examples } = oddCharacters(text);
  if (odd < 20 || odd < 0.01 * total) return undefined;
  const shown = examples.length ? `（如${examples.map((c) => `“${c}”`).join('')}）` : '';
  return `文字层中有 ${odd} 个不像中文的字符${shown}，可能是文件的字体编码表（ToUnicode）缺失或损坏，导入的文字会有错字；请对照原件核对，或把原件转为图片后按扫描件识别`;
}
