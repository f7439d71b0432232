// Which files LawDesk can import, defined once: the core's extractor choice, the folder walk, the
// Electron file dialog and the browser's drop zone all read these lists, so a format added to the
// core cannot be forgotten by one face (the dialog once offered neither OFD nor scans).

/** Scans and photos of paper: read by OCR. */
export const IMAGE_EXTENSIONS = ['.png', '.jpg', '.jpeg', '.tif', '.tiff'] as const;

/** Documents with text of their own (or a PDF/OFD whose pages may go to OCR). */
export const DOCUMENT_EXTENSIONS = [
  '.md', '.markdown', '.txt', '.text', '.pdf', '.docx', '.html', '.htm', '.xhtml', '.mht', '.mhtml', '.doc', '.wps', '.ofd',
] as const;

/** Everything a user may pick or drop. */
export const IMPORT_EXTENSIONS = [...DOCUMENT_EXTENSIONS, ...IMAGE_EXTENSIONS] as const;

/**
 * Picked up when walking a folder: not images, since each photo would become its own law (a
 * folder of paper photos is picked file by file, in the order the pages go).
 */
export const FOLDER_IMPORT_EXTENSIONS: ReadonlySet<string> = new Set(DOCUMENT_EXTENSIONS);

/** For `<input accept>`: ".md,.markdown,…". */
export const IMPORT_ACCEPT = IMPORT_EXTENSIONS.join(',');

/** For the Electron dialog's filter: extensions without the dot. */
export const IMPORT_DIALOG_EXTENSIONS: string[] = IMPORT_EXTENSIONS.map((e) => e.slice(1));
