import { describe, expect, it } from 'vitest';
import { detectFormat, isImportableName } from '../../../electron/core/importers/extract-document';
import { FOLDER_IMPORT_EXTENSIONS, IMAGE_EXTENSIONS, IMPORT_DIALOG_EXTENSIONS, IMPORT_EXTENSIONS } from '../../../electron/shared/import-formats';

// The faces offer the shared list; this checks the core really reads every entry of it, so the
// dialog and the drop zone never offer a file the import then calls unsupported.
describe('the one list of importable files', () => {
  const noMagic = new Uint8Array([0x20, 0x20, 0x20, 0x20]);

  it('has an extractor in the core for every extension a face offers', () => {
    for (const ext of IMPORT_EXTENSIONS) {
      expect(detectFormat(noMagic, `文件${ext}`), ext).toBeDefined();
      expect(isImportableName(`文件${ext.toUpperCase()}`), ext).toBe(true);
    }
    expect(isImportableName('文件.exe')).toBe(false);
  });

  it('routes images to OCR and leaves them out of folder walks', () => {
    for (const ext of IMAGE_EXTENSIONS) {
      expect(detectFormat(noMagic, `扫描${ext}`)).toBe('image');
      expect(FOLDER_IMPORT_EXTENSIONS.has(ext)).toBe(false);
    }
    expect(FOLDER_IMPORT_EXTENSIONS.has('.ofd')).toBe(true);
    expect(IMPORT_DIALOG_EXTENSIONS).toEqual(expect.arrayContaining(['ofd', 'mht', 'png', 'tif']));
  });
});
