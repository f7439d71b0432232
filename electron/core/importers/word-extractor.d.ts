// The part of word-extractor 1.0 the .doc importer uses (the package ships no types).
declare module 'word-extractor' {
  interface WordDocument {
    getBody(options?: { filterUnicode?: boolean }): string;
    getFootnotes(): string;
    getEndnotes(): string;
    getAnnotations(): string;
    getHeaders(options?: { includeFooters?: boolean }): string;
    getFooters(): string;
    getTextboxes(options?: { includeHeadersAndFooters?: boolean; includeBody?: boolean }): string;
  }
  export default class WordExtractor {
    extract(source: string | Buffer): Promise<WordDocument>;
  }
}

// Its Word 97 reader, used directly so that list numbers (doc-numbering.ts) can be written into
// the main text by CP before the reader's own clean-up (fields, deleted text, control marks).
declare module 'word-extractor/lib/word-ole-extractor.js' {
  import type { WordDocument } from 'word-extractor';
  export interface OlePiece {
    startCp: number;
    endCp: number;
    text: string;
  }
  export default class WordOleExtractor {
    protected _pieces: OlePiece[];
    protected _boundaries: { ccpText: number; ccpFtn: number; ccpHdd: number; ccpAtn: number; ccpEdn: number; ccpTxbx: number };
    extract(reader: unknown): Promise<WordDocument & { _body: string }>;
    protected buildDocument(): WordDocument & { _body: string };
  }
}
declare module 'word-extractor/lib/buffer-reader.js' {
  export default class BufferReader {
    constructor(buffer: Buffer);
    open(): Promise<void>;
    close(): Promise<void>;
  }
}
declare module 'word-extractor/lib/filters.js' {
  export function clean(text: string): string;
}
