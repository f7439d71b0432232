// The Chinese faces of GB/T 9704 documents, described for a DOCX font table: Word and WPS without
// a face substitute it by its altName, panose, family and GB2312 charset. LibreOffice on Linux reads
// none of that (it resolves a missing family by name through fontconfig only, and 仿宋_GB2312 then
// becomes the default sans, Noto Sans CJK JP on Debian): for it the app installs the aliases in
// resources/fonts/ (font-aliases-install.ts).

export interface CjkFace {
  /** The name runs ask for (w:eastAsia). */
  name: string;
  /** The face Word uses when `name` is missing: present on every Windows since Vista. */
  altName: string;
  /** PANOSE-1 of the Windows face, as Word writes it. */
  panose: string;
  serif: boolean;
}

export const CJK_FACES: readonly CjkFace[] = [
  { name: '仿宋_GB2312', altName: '仿宋', panose: '02010609030101010101', serif: true },
  { name: '方正小标宋简体', altName: '宋体', panose: '02000000000000000000', serif: true },
  { name: '宋体', altName: 'SimSun', panose: '02010600030101010101', serif: true },
  { name: '楷体_GB2312', altName: '楷体', panose: '02010609060101010101', serif: true },
  { name: '黑体', altName: 'SimHei', panose: '02010609060101010101', serif: false },
];

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

// Unicode and code-page ranges of the Windows GB2312 faces (CJK ideographs, GB2312 code page 936).
const CJK_SIG = '<w:sig w:usb0="800002BF" w:usb1="38CF7CFA" w:usb2="00000016" w:usb3="00000000" w:csb0="00040001" w:csb1="00000000"/>';

/** word/fontTable.xml naming every face the document uses, so a viewer without one substitutes a face of the same kind. */
export function docxFontTable(latin: string): string {
  const cjk = CJK_FACES.map(
    (f) =>
      `<w:font w:name="${xml(f.name)}"><w:altName w:val="${xml(f.altName)}"/><w:panose1 w:val="${f.panose}"/><w:charset w:val="86"/>` +
      `<w:family w:val="${f.serif ? 'roman' : 'swiss'}"/><w:pitch w:val="variable"/>${CJK_SIG}</w:font>`,
  );
  const latinFont =
    `<w:font w:name="${xml(latin)}"><w:panose1 w:val="02020603050405020304"/><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/>` +
    '<w:sig w:usb0="E0002EFF" w:usb1="C000785B" w:usb2="00000009" w:usb3="00000000" w:csb0="000001FF" w:csb1="00000000"/></w:font>';
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    cjk.join('') +
    latinFont +
    '</w:fonts>'
  );
}
