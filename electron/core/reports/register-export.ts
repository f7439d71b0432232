// The 规范性文件登记表 written as DOCX / PDF / HTML through the pack engine's checked, atomic write.

import { type ExportFormat, checkWritable, formatOf, renderDocument, writeExportFile } from '../packs/pack-export';
import type { PrintHtmlToPdf } from '../packs/render-pdf';
import { readOffice } from '../office/office-file';
import { RecordsError } from '../records/records-errors';
import type { RecordsService } from '../records/records-service';
import type { RegisterService } from '../register/register-service';
import { chineseDate } from '../../shared/chinese-date';
import { registerDocument, registeredBy } from './register-document';

export async function exportRegister(
  svc: RecordsService,
  reg: RegisterService,
  opts: { out: string; format?: string; year?: number; unit?: string; date?: string; print?: PrintHtmlToPdf },
): Promise<{ path: string; format: ExportFormat; bytes: number; entries: number; pages?: number }> {
  const format = formatOf(opts.out, opts.format);
  const path = checkWritable(opts.out);
  const entries = await reg.list(opts.year ? { year: opts.year } : {});
  if (!entries.length) throw new RecordsError('INVALID', opts.year ? `规范性文件登记中没有${opts.year}年度公布的文件，没有可导出的内容` : '规范性文件登记中还没有文件，没有可导出的内容');
  const date = opts.date ?? svc.today();
  const listed = registeredBy(entries, date).length;
  if (!listed) throw new RecordsError('INVALID', `${chineseDate(date)}（成文日期）以前${opts.year ? `${opts.year}年度` : ''}没有公布的规范性文件，没有可导出的内容`);
  const unit = opts.unit?.trim() || readOffice(svc.library.dir).profile.unit || '（单位名称）';
  const doc = registerDocument({ entries, unit, today: svc.today(), ...(opts.year ? { year: opts.year } : {}), ...(opts.date ? { date: opts.date } : {}) });
  const { data, pages } = await renderDocument(doc, format, opts.print ? { print: opts.print } : {});
  writeExportFile(path, data);
  return { path, format, bytes: typeof data === 'string' ? Buffer.byteLength(data) : data.length, entries: listed, ...(pages !== undefined ? { pages } : {}) };
}
