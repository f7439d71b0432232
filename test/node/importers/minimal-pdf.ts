// A PDF file around the given objects (numbered 1… in order): the header, each `N 0 obj`, the
// cross-reference table and the trailer with object 1 as the catalog. For hostile tests that need
// a PDF no writer would make.
export function pdfFile(objs: Buffer[]): Uint8Array {
  const parts = [Buffer.from('%PDF-1.4\n')];
  let at = parts[0]!.length;
  const offsets: number[] = [];
  objs.forEach((o, i) => {
    offsets.push(at);
    const b = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), o, Buffer.from('\nendobj\n')]);
    parts.push(b);
    at += b.length;
  });
  const xref = offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  parts.push(Buffer.from(`xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${xref}trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${at}\n%%EOF\n`));
  return new Uint8Array(Buffer.concat(parts));
}
