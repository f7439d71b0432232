// The line of an error a failed import shows: its message's first line, with the file it names kept
// whole. A broken install fails with Node's "ENOENT: no such file or directory, open '…'", the path
// at the end; cut at a fixed length the message named a folder part-way ("…/dist/linux-") and never
// the missing file. Errors from the OCR thread arrive as their message alone (ocr-page-images.ts),
// so the path is found in the text, not in the error's `path`.

/** Text around the path longer than this is cut (a dump of an engine's state is not a sentence). */
const AROUND_LIMIT = 160;

/** A quoted file path: Node's fs messages put the file in '…', Windows paths included. */
const QUOTED_PATH = /'([^'\n]*[\\/][^'\n]*)'/;

/** The first non-blank line of `e`'s message (or of `e` as text), any quoted path in it whole. */
export function errorLine(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  const line = message.split('\n').map((l) => l.trim()).find(Boolean) ?? '';
  const cut = (s: string) => (s.length > AROUND_LIMIT ? `${s.slice(0, AROUND_LIMIT)}…` : s);
  const path = QUOTED_PATH.exec(line);
  if (!path) return cut(line);
  return `${cut(line.slice(0, path.index))}${path[0]}${cut(line.slice(path.index + path[0].length))}`;
}
