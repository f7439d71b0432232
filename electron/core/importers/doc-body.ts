// What word-extractor does not read from a Word 97 body (.doc, and WPS's .wps in the same format),
// by CP of the main text. Automatic numbering: the list numbers Word shows are in no text stream —
// they are computed from the list tables (PlfLst, PlfLfo) for each paragraph whose properties (PAPX,
// or its style's) name a list instance and level, so a draft whose 第一条 / （一） are list numbers
// lost every label; each numbered paragraph gets the label Word prints, by the CP where it starts,
// counted by docx-numbering.ts (one definition for both Word formats). Hidden text (sprmCFVanish in
// a run's CHPX): the characters Word does not show, which the DOCX reader leaves out too. Tracked
// changes (sprmCFRMarkIns / sprmCFRMarkDel in a run's CHPX): counted, so the import report can say
// the draft still carries unaccepted changes (word-extractor itself drops the deleted runs).
// Layout of the structures: [MS-DOC] 2.4.1 (piece table), 2.9.149–151 (LSTF, LVL, LVLF),
// 2.9.131–133 (LFO, LFOData, LFOLVL), 2.9.271 (STD), 2.6.2 (sprmPIlvl 0x260A, sprmPIlfo 0x460B).
// Any structure that does not fit inside its stream ends the reading: no labels, never a throw.

import { MAX_LEVEL_TEXT, WordNumbering, type NumberingInstance, type NumberingLevel, type ParagraphNumbering } from './docx-numbering';

/** MSONFC → the OOXML name `formatNumber` knows ([MS-DOC] nfc values are ST_NumberFormat's order). */
const NFC = [
  'decimal', 'upperRoman', 'lowerRoman', 'upperLetter', 'lowerLetter', 'ordinal', 'cardinalText', 'ordinalText', 'hex', 'chicago',
  'ideographDigital', 'japaneseCounting', 'aiueo', 'iroha', 'decimalFullWidth', 'decimalHalfWidth', 'japaneseLegal', 'japaneseDigitalTenThousand',
  'decimalEnclosedCircle', 'decimalFullWidth2', 'aiueoFullWidth', 'irohaFullWidth', 'decimalZero', 'bullet', 'ganada', 'chosung',
  'decimalEnclosedFullstop', 'decimalEnclosedParen', 'decimalEnclosedCircleChinese', 'ideographEnclosedCircle', 'ideographTraditional',
  'ideographZodiac', 'ideographZodiacTraditional', 'taiwaneseCounting', 'ideographLegalTraditional', 'taiwaneseCountingThousand',
  'taiwaneseDigital', 'chineseCounting', 'chineseLegalSimplified', 'chineseCountingThousand',
];
const NFC_NONE = 0xff;

const SPRM_C_F_VANISH = 0x083c;
const SPRM_C_F_RMARK_DEL = 0x0800;
const SPRM_C_F_RMARK_INS = 0x0801;
const SPRM_P_ILVL = 0x260a;
const SPRM_P_ILFO = 0x460b;
const SPRM_T_DEF_TABLE = 0xd608;
const SPRM_P_CHG_TABS = 0xc615;

/** Bounds for a crafted file: more than Word writes, far less than would cost time. */
const MAX_LISTS = 0x7ffe;
const MAX_PIECES = 1_000_000;
const MAX_STYLES = 4_095;

class Bytes {
  private readonly dv: DataView;
  readonly b: Uint8Array;
  constructor(bytes: ArrayLike<number>) {
    // cfb hands a stream's content over as a plain array when it read from a Uint8Array
    this.b = bytes instanceof Uint8Array ? bytes : Uint8Array.from(bytes);
    this.dv = new DataView(this.b.buffer, this.b.byteOffset, this.b.byteLength);
  }
  get length(): number {
    return this.b.length;
  }
  has(at: number, n: number): boolean {
    return at >= 0 && n >= 0 && at + n <= this.b.length;
  }
  u8(at: number): number {
    if (!this.has(at, 1)) throw new RangeError('outside');
    return this.b[at]!;
  }
  u16(at: number): number {
    if (!this.has(at, 2)) throw new RangeError('outside');
    return this.dv.getUint16(at, true);
  }
  i32(at: number): number {
    if (!this.has(at, 4)) throw new RangeError('outside');
    return this.dv.getInt32(at, true);
  }
  u32(at: number): number {
    if (!this.has(at, 4)) throw new RangeError('outside');
    return this.dv.getUint32(at, true);
  }
}

/** The FIB's (fc, lcb) pair number `index` of FibRgFcLcb, after FibBase, the csw shorts and the cslw longs. */
function fcLcb(fib: Bytes, index: number): { fc: number; lcb: number } {
  const csw = fib.u16(0x20);
  const cslwAt = 0x22 + csw * 2;
  const cslw = fib.u16(cslwAt);
  const at = cslwAt + 2 + cslw * 4 + 2 + index * 8;
  return { fc: fib.u32(at), lcb: fib.u32(at + 4) };
}

interface Piece {
  cpStart: number;
  cpEnd: number;
  /** byte offset of the piece's first character in the WordDocument stream */
  fc: number;
  compressed: boolean;
}

function readPieces(fib: Bytes, table: Bytes): Piece[] {
  const { fc, lcb } = fcLcb(fib, 33); // fcClx
  let at = fc;
  const end = fc + lcb;
  // Prc blocks (property modifiers of fast-saved files) come first: skipped.
  while (at < end && table.u8(at) === 0x01) at += 3 + table.u16(at + 1);
  if (table.u8(at) !== 0x02) return [];
  const size = table.u32(at + 1);
  const plc = at + 5;
  if (!table.has(plc, size) || size < 4) return [];
  const n = Math.floor((size - 4) / 12);
  if (n > MAX_PIECES) return [];
  const pieces: Piece[] = [];
  for (let i = 0; i < n; i++) {
    const cpStart = table.u32(plc + i * 4);
    const cpEnd = table.u32(plc + (i + 1) * 4);
    const raw = table.u32(plc + (n + 1) * 4 + i * 8 + 2);
    const compressed = (raw & 0x40000000) !== 0;
    pieces.push({ cpStart, cpEnd, fc: compressed ? (raw & ~0x40000000) / 2 : raw, compressed });
  }
  return pieces;
}

interface RunSprms {
  ilfo?: number;
  ilvl?: number;
  vanish?: boolean;
  /** The run is a tracked deletion / insertion not yet accepted. */
  deleted?: boolean;
  inserted?: boolean;
}

/** A ToggleOperand: 1 on, 0x81 the opposite of the style's (no style marks text as a revision: on). */
const toggleOn = (v: number) => v === 1 || v === 0x81;

/** Walks a grpprl; returns ilfo, ilvl, vanish and the revision marks when set. Stops (keeping what it found) at anything malformed. */
function listSprms(b: Bytes, at: number, end: number): RunSprms {
  const out: RunSprms = {};
  while (at + 2 <= end) {
    const sprm = b.u16(at);
    at += 2;
    const spra = sprm >> 13;
    let size: number;
    if (spra === 0 || spra === 1) size = 1;
    else if (spra === 2 || spra === 4 || spra === 5) size = 2;
    else if (spra === 3) size = 4;
    else if (spra === 7) size = 3;
    else if (sprm === SPRM_T_DEF_TABLE) size = b.u16(at) + 1;
    else if (sprm === SPRM_P_CHG_TABS && b.u8(at) === 255) return out; // its long form is rare and odd: stop here
    else size = b.u8(at) + 1;
    if (at + size > end) return out;
    if (sprm === SPRM_P_ILVL) out.ilvl = b.u8(at);
    else if (sprm === SPRM_P_ILFO) out.ilfo = b.u16(at);
    else if (sprm === SPRM_C_F_VANISH) out.vanish = toggleOn(b.u8(at));
    else if (sprm === SPRM_C_F_RMARK_DEL) out.deleted = toggleOn(b.u8(at));
    else if (sprm === SPRM_C_F_RMARK_INS) out.inserted = toggleOn(b.u8(at));
    at += size;
  }
  return out;
}

interface ParaRun {
  fcStart: number;
  fcEnd: number;
  istd: number;
  ilfo?: number;
  ilvl?: number;
}

/**
 * The 512-byte FKP pages a bin table points at (`which`: fcPlcfBtePapx 13, fcPlcfBteChpx 12), each page
 * once, with its run count; a page whose runs (FCs, then `entryBytes` each) would not fit is passed over.
 */
function* fkpPages(fib: Bytes, doc: Bytes, table: Bytes, which: number, entryBytes: number): Generator<{ page: number; crun: number }> {
  const { fc, lcb } = fcLcb(fib, which);
  if (lcb < 12 || !table.has(fc, lcb)) return;
  const n = Math.floor((lcb - 4) / 8);
  const seen = new Set<number>();
  for (let i = 0; i < n; i++) {
    const pn = table.u32(fc + (n + 1) * 4 + i * 4) & 0x3fffff;
    if (seen.has(pn)) continue;
    seen.add(pn);
    const page = pn * 512;
    if (!doc.has(page, 512)) continue;
    const crun = doc.u8(page + 511);
    if (crun === 0 || (crun + 1) * 4 + crun * entryBytes > 511) continue;
    yield { page, crun };
  }
}

/** Every paragraph run of the PAPX FKPs, sorted by FC. */
function readParagraphRuns(fib: Bytes, doc: Bytes, table: Bytes): ParaRun[] {
  const runs: ParaRun[] = [];
  for (const { page, crun } of fkpPages(fib, doc, table, 13, 13)) {
    for (let j = 0; j < crun; j++) {
      const run: ParaRun = { fcStart: doc.u32(page + j * 4), fcEnd: doc.u32(page + (j + 1) * 4), istd: 0 };
      const bx = doc.u8(page + (crun + 1) * 4 + j * 13) * 2;
      if (bx !== 0) {
        let cb = doc.u8(page + bx);
        let from = page + bx + 1;
        let len = 2 * cb - 1;
        if (cb === 0) {
          cb = doc.u8(page + bx + 1);
          from = page + bx + 2;
          len = 2 * cb;
        }
        if (len >= 2 && from + len <= page + 512) {
          run.istd = doc.u16(from);
          Object.assign(run, listSprms(doc, from + 2, from + len));
        }
      }
      runs.push(run);
    }
  }
  return runs.sort((a, b) => a.fcStart - b.fcStart);
}

interface FcRun {
  fcStart: number;
  fcEnd: number;
}

/** The FC ranges of hidden runs and of tracked insertions and deletions (CHPX FKPs), each sorted. */
function readMarkedRuns(fib: Bytes, doc: Bytes, table: Bytes): { hidden: FcRun[]; inserted: FcRun[]; deleted: FcRun[] } {
  const out = { hidden: [] as FcRun[], inserted: [] as FcRun[], deleted: [] as FcRun[] };
  for (const { page, crun } of fkpPages(fib, doc, table, 12, 1)) {
    for (let j = 0; j < crun; j++) {
      const at = doc.u8(page + (crun + 1) * 4 + j) * 2;
      if (at === 0) continue;
      const cb = doc.u8(page + at);
      if (page + at + 1 + cb > page + 512) continue;
      const sprms = listSprms(doc, page + at + 1, page + at + 1 + cb);
      const run = { fcStart: doc.u32(page + j * 4), fcEnd: doc.u32(page + (j + 1) * 4) };
      if (sprms.vanish) out.hidden.push(run);
      if (sprms.inserted) out.inserted.push(run);
      if (sprms.deleted) out.deleted.push(run);
    }
  }
  for (const runs of Object.values(out)) runs.sort((a, b) => a.fcStart - b.fcStart);
  return out;
}

/** Paragraph styles' list (ilfo, ilvl), following istdBase as Word does (a style's UPX holds only its own changes). */
function readStyleLists(fib: Bytes, table: Bytes): Map<string, ParagraphNumbering> {
  const out = new Map<string, ParagraphNumbering>();
  const { fc, lcb } = fcLcb(fib, 1); // fcStshf
  if (lcb < 4 || !table.has(fc, lcb)) return out;
  const end = fc + lcb;
  const cbStshi = table.u16(fc);
  const cstd = Math.min(table.u16(fc + 2), MAX_STYLES);
  const cbBase = table.u16(fc + 4);
  const own: { base: number; ilfo?: number; ilvl?: number }[] = [];
  let at = fc + 2 + cbStshi;
  for (let istd = 0; istd < cstd && at + 2 <= end; istd++) {
    const cbStd = table.u16(at);
    const std = at + 2;
    at = std + cbStd;
    if (cbStd === 0 || at > end || cbStd < cbBase) {
      own.push({ base: 0x0fff });
      continue;
    }
    const stk = table.u16(std + 2) & 0x0f;
    const base = table.u16(std + 2) >> 4;
    if (stk !== 1) {
      own.push({ base: 0x0fff });
      continue;
    }
    // the name (cch, UTF-16, a terminating 0), then the UPXs, each on an even offset from the STD's start
    const cch = table.u16(std + cbBase);
    let upx = std + cbBase + 2 + cch * 2 + 2;
    if ((upx - std) % 2) upx++;
    if (upx + 2 > at) {
      own.push({ base });
      continue;
    }
    const cbUpx = table.u16(upx);
    const sprms = upx + 2 + 2; // after the UPX's istd
    own.push({ base, ...(cbUpx >= 2 && upx + 2 + cbUpx <= at ? listSprms(table, sprms, upx + 2 + cbUpx) : {}) });
  }
  for (let istd = 0; istd < own.length; istd++) {
    let ilfo: number | undefined;
    let ilvl: number | undefined;
    const seen = new Set<number>();
    for (let s = istd; s < own.length && !seen.has(s); s = own[s]!.base) {
      seen.add(s);
      ilfo ??= own[s]!.ilfo;
      ilvl ??= own[s]!.ilvl;
    }
    if (ilfo !== undefined && ilfo > 0 && ilfo < 0x7ff) out.set(String(istd), { numId: String(ilfo), ilvl });
  }
  return out;
}

/** LSTFs and their LVLs (PlfLst), the list instances (PlfLfo) with their start overrides. */
function readLists(fib: Bytes, table: Bytes): { abstracts: Map<string, NumberingLevel[]>; nums: Map<string, NumberingInstance> } {
  const abstracts = new Map<string, NumberingLevel[]>();
  const nums = new Map<string, NumberingInstance>();
  const lst = fcLcb(fib, 73);
  const lfo = fcLcb(fib, 74);
  if (lst.lcb < 2 || lfo.lcb < 4 || !table.has(lst.fc, lst.lcb) || !table.has(lfo.fc, lfo.lcb)) return { abstracts, nums };
  const cLst = Math.min(table.u16(lst.fc), MAX_LISTS, Math.floor((lst.lcb - 2) / 28));
  const byLsid = new Map<number, string>();
  // PlfLst holds only the LSTFs; their LVLs follow it in the table stream, list by list
  let at = lst.fc + lst.lcb;
  /** The LVL at `at`: its level and where the next begins. */
  const readLvl = (from: number): { level: NumberingLevel; next: number } => {
    const nfc = table.u8(from + 4);
    const flags = table.u8(from + 5);
    const follow = table.u8(from + 15);
    const cbChpx = table.u8(from + 24);
    const cbPapx = table.u8(from + 25);
    const restartLim = table.u8(from + 26);
    const places = [...Array(9).keys()].map((k) => table.u8(from + 6 + k)).filter((p) => p > 0);
    const xst = from + 28 + cbPapx + cbChpx;
    const cch = table.u16(xst);
    if (!table.has(xst + 2, cch * 2)) throw new RangeError('outside');
    const chars: string[] = [];
    for (let k = 0; k < cch; k++) chars.push(String.fromCharCode(table.u16(xst + 2 + k * 2)));
    // a placeholder (its code is the level it prints, 0–8) at each position rgbxchNums names
    for (const p of places) if (p <= cch && chars[p - 1]!.charCodeAt(0) < 9) chars[p - 1] = `%${chars[p - 1]!.charCodeAt(0) + 1}`;
    const lvlText = chars.join('').replace(/[\u0000-\u0008]/g, '');
    return {
      level: {
        start: table.i32(from),
        numFmt: nfc === NFC_NONE ? 'none' : (NFC[nfc] ?? 'decimal'),
        lvlText: lvlText.length <= MAX_LEVEL_TEXT ? lvlText : '',
        // fNoRestart: restarts only after a level above ilvlRestartLim (0: never), else after any higher level
        restart: flags & 0x08 ? restartLim : undefined,
        suffix: follow === 1 ? 'space' : follow === 2 ? 'nothing' : 'tab',
        isLgl: (flags & 0x04) !== 0,
      },
      next: xst + 2 + cch * 2,
    };
  };
  for (let i = 0; i < cLst; i++) {
    const lstf = lst.fc + 2 + i * 28;
    const lsid = table.i32(lstf);
    const simple = (table.u8(lstf + 26) & 0x01) !== 0;
    const levels: NumberingLevel[] = [];
    for (let k = 0; k < (simple ? 1 : 9); k++) {
      const { level, next } = readLvl(at);
      levels.push(level);
      at = next;
    }
    abstracts.set(String(i), levels);
    if (!byLsid.has(lsid)) byLsid.set(lsid, String(i));
  }
  const lfoMac = Math.min(table.i32(lfo.fc), MAX_LISTS);
  let data = lfo.fc + 4 + Math.max(lfoMac, 0) * 16;
  for (let i = 0; i < lfoMac; i++) {
    const rec = lfo.fc + 4 + i * 16;
    const abstractId = byLsid.get(table.i32(rec));
    const clfolvl = table.u8(rec + 12);
    const overrides = new Map<number, number>();
    // LFOData: a cp, then one LFOLVL per overridden level (a whole LVL after it when fFormatting)
    data += 4;
    for (let k = 0; k < clfolvl; k++) {
      const startAt = table.i32(data);
      const bits = table.u8(data + 4);
      data += 8;
      if (bits & 0x10) overrides.set(bits & 0x0f, startAt);
      if (bits & 0x20) {
        const { level, next } = readLvl(data);
        data = next;
        // a level redefined for this instance only: keep it as its own abstract list
        if (abstractId !== undefined) {
          const own = [...(abstracts.get(abstractId) ?? [])];
          own[bits & 0x0f] = level;
          abstracts.set(`lfo${i + 1}`, own);
        }
      }
    }
    if (abstractId === undefined) continue;
    nums.set(String(i + 1), { abstractId: abstracts.has(`lfo${i + 1}`) ? `lfo${i + 1}` : abstractId, overrides });
  }
  return { abstracts, nums };
}

export interface DocBodyExtras {
  /** The label Word prints before each numbered paragraph ("第一条 ", "（一）"), by the CP where the paragraph starts. */
  labels: Map<number, string>;
  /** CPs of hidden characters (never paragraph or cell marks). */
  hidden: Set<number>;
  /** Whether the document's list tables were read (a list of bullets only gives no labels). */
  listsRead: boolean;
  /** The main text's text boxes in story order: where each is anchored and its CPs in the text-box story. */
  textBoxes: DocTextBox[];
  /** Tracked changes not yet accepted in the main text: each unbroken stretch of inserted / deleted CPs counts once. */
  revisions: { inserted: number; deleted: number };
}

export interface DocTextBox {
  /** CP of the main text the shape is anchored at. */
  anchorCp: number;
  /** Its text's CPs, counted from the start of the text-box story. */
  start: number;
  end: number;
}

const MAX_TEXT_BOXES = 10_000;

/**
 * The main text's text boxes ([MS-DOC] PlcftxbxTxt: a CP per box into the text-box story and an
 * FTXBXS naming the shape, `lid`) with the CP each shape is anchored at (PlcSpaMom: a CP per shape
 * and an FSPA naming it, `spid`). Word writes a 红头's 发文机关标志 or a title in such a box; the
 * reader needs its anchor to put the text where the page shows it. Empty when either table is
 * missing or does not fit its stream.
 */
function readTextBoxes(fib: Bytes, table: Bytes): DocTextBox[] {
  const spa = fcLcb(fib, 40); // fcPlcSpaMom
  const txbx = fcLcb(fib, 56); // fcPlcftxbxTxt
  if (spa.lcb < 4 + 30 || txbx.lcb < 4 + 26 || !table.has(spa.fc, spa.lcb) || !table.has(txbx.fc, txbx.lcb)) return [];
  const nSpa = Math.floor((spa.lcb - 4) / 30);
  const anchorOf = new Map<number, number>();
  for (let i = 0; i < Math.min(nSpa, MAX_TEXT_BOXES); i++) anchorOf.set(table.u32(spa.fc + (nSpa + 1) * 4 + i * 26), table.u32(spa.fc + i * 4));
  // the last FTXBXS is a sentinel after the story's last box
  const nTx = Math.floor((txbx.lcb - 4) / 26);
  const boxes: DocTextBox[] = [];
  for (let i = 0; i < Math.min(nTx, MAX_TEXT_BOXES); i++) {
    const rec = txbx.fc + (nTx + 1) * 4 + i * 22;
    const reusable = table.u16(rec + 8) !== 0;
    const anchorCp = anchorOf.get(table.u32(rec + 14)); // lid
    const start = table.u32(txbx.fc + i * 4);
    const end = table.u32(txbx.fc + (i + 1) * 4);
    if (reusable || anchorCp === undefined || end <= start) continue;
    boxes.push({ anchorCp, start, end });
  }
  return boxes;
}

function inRange<T extends FcRun>(runs: T[], fc: number): T | undefined {
  let lo = 0;
  let hi = runs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = runs[mid]!;
    if (fc < r.fcStart) hi = mid - 1;
    else if (fc >= r.fcEnd) lo = mid + 1;
    else return r;
  }
  return undefined;
}

/**
 * List labels and hidden characters of the main text. Empty when the document has neither or its
 * tables cannot be read (then the text is read as before, without them).
 */
export function readDocBodyExtras(wordDocument: ArrayLike<number>, table: ArrayLike<number>): DocBodyExtras {
  const labels = new Map<number, string>();
  const hidden = new Set<number>();
  const revisions = { inserted: 0, deleted: 0 };
  let listsRead = false;
  let textBoxes: DocTextBox[] = [];
  try {
    const fib = new Bytes(wordDocument);
    const tbl = new Bytes(table);
    try {
      textBoxes = readTextBoxes(fib, tbl);
    } catch {
      textBoxes = [];
    }
    const { abstracts, nums } = readLists(fib, tbl);
    listsRead = nums.size > 0;
    const numbering = nums.size ? WordNumbering.fromLists(abstracts, nums, readStyleLists(fib, tbl)) : undefined;
    const runs = numbering ? readParagraphRuns(fib, fib, tbl) : [];
    const marked = readMarkedRuns(fib, fib, tbl);
    const hiddenRuns = marked.hidden;
    const revised = marked.inserted.length + marked.deleted.length > 0;
    if (!numbering && hiddenRuns.length === 0 && !revised) return { labels, hidden, listsRead, textBoxes, revisions };
    const pieces = readPieces(fib, tbl);
    const ccpText = fib.u32(0x4c);
    let paraStart = 0;
    let wasInserted = false;
    let wasDeleted = false;
    for (const p of pieces) {
      if (p.cpStart >= ccpText) break;
      const width = p.compressed ? 1 : 2;
      const last = Math.min(p.cpEnd, ccpText);
      for (let cp = p.cpStart; cp < last; cp++) {
        const fc = p.fc + (cp - p.cpStart) * width;
        const ch = p.compressed ? fib.u8(fc) : fib.u16(fc);
        const mark = ch === 0x0d || ch === 0x07;
        if (!mark && hiddenRuns.length && inRange(hiddenRuns, fc)) hidden.add(cp);
        if (revised) {
          // a paragraph mark counts too: a deleted one joins two paragraphs, an inserted one splits one
          const isInserted = inRange(marked.inserted, fc) !== undefined;
          const isDeleted = inRange(marked.deleted, fc) !== undefined;
          if (isInserted && !wasInserted) revisions.inserted++;
          if (isDeleted && !wasDeleted) revisions.deleted++;
          wasInserted = isInserted;
          wasDeleted = isDeleted;
        }
        if (ch === 0x0c) paraStart = cp + 1;
        if (!mark) continue;
        const run = numbering ? inRange(runs, fc) : undefined;
        const own = run?.ilfo !== undefined ? { numId: String(run.ilfo), ilvl: run.ilvl } : undefined;
        // ilfo 0: numbering switched off on this paragraph; ≥ 0x7FF: a list revision mark, no number
        const off = run?.ilfo !== undefined && (run.ilfo === 0 || run.ilfo >= 0x7ff);
        const n = numbering && !off ? numbering.resolve(own, run ? String(run.istd) : undefined) : undefined;
        if (n && numbering) {
          // a paragraph may set only its level and take the list from its style
          const label = numbering.next(n.numId, Math.min(run?.ilvl ?? n.ilvl, 8));
          if (label) labels.set(paraStart, label);
        }
        paraStart = cp + 1;
      }
    }
  } catch {
    return { labels: new Map(), hidden: new Set(), listsRead: false, textBoxes, revisions: { inserted: 0, deleted: 0 } };
  }
  return { labels, hidden, listsRead, textBoxes, revisions };
}
