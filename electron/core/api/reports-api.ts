// The yearly-documents calls over the core: the report draft and its export (DOCX / PDF / HTML into
// the export folder, handed out by file id like pack exports), the register and its 登记表, the
// office profile and the start page's reminders.

import { UPLOAD_LIMITS } from '../../shared/api/common';
import { REPORT_KIND_LABELS } from '../../shared/api/reports';
import { readOffice, writeOffice } from '../office/office-file';
import { starterLawsDir } from '../library/open-library';
import { applyStarterOffer, readStarterSet, starterOffer } from '../library/starter-laws';
import type { PrintHtmlToPdf } from '../packs/render-pdf';
import { RegisterService } from '../register/register-service';
import { annualReportFor } from '../reports/annual-report-service';
import { exportAnnualReport, exportPlanDocument } from '../reports/annual-report-export';
import { exportRegister } from '../reports/register-export';
import { officeReminders } from '../reports/office-reminders';
import { safeFileName, type ApiContext, type Handlers } from './api-context';
import { officeRegionIn } from '../office/office-region';

export function reportsHandlers(ctx: ApiContext, print?: PrintHtmlToPdf) {
  const register = async () => RegisterService.open(await ctx.records());
  return {
    'reports:annual': async ({ year, date }) => {
      const svc = await ctx.records();
      return annualReportFor(svc, ctx.store, { year, ...(date ? { asOf: date } : {}) });
    },
    'reports:export': async ({ kind, year, format, date, taskId }) => {
      const svc = await ctx.records();
      const progress = ctx.progress(taskId);
      progress({ phase: 'render', done: 0, total: 1, label: REPORT_KIND_LABELS[kind] });
      const unit = readOffice(ctx.store.dir).profile.unit;
      const report = kind === 'annual' ? await annualReportFor(svc, ctx.store, { year, ...(date ? { asOf: date } : {}) }) : undefined;
      // The file is named as the document is titled (the template's 标题: …年度法治政府建设工作报告), so the two never disagree.
      const name = `${safeFileName(report?.title || `${unit}${year}年度${REPORT_KIND_LABELS[kind]}`, '年度报告')}.${format}`;
      const out = ctx.exportPath(name);
      const opts = { out, format, ...(print ? { print } : {}) };
      const r =
        kind === 'annual'
          ? await exportAnnualReport(report!, { ...opts, today: date ?? svc.today() })
          : { ...(await exportPlanDocument(svc, { ...opts, kind, year, ...(date ? { asOf: date } : {}) })), notes: [] as string[] };
      progress({ phase: 'write', done: 1, total: 1, label: name });
      return { ...ctx.handOut(r.path, name), notes: r.notes, ...(r.pages !== undefined ? { pages: r.pages } : {}) };
    },
    'register:list': async (f) => (await register()).list(f),
    'register:save': async ({ id, entry, expectedRevision, file }) => {
      const reg = await register();
      const up = file ? ctx.writeUpload(file.name, file.dataBase64, UPLOAD_LIMITS.maxFileBytes) : undefined;
      try {
        const opts = { by: (await ctx.records()).actorName(), ...(expectedRevision !== undefined ? { expectedRevision } : {}), ...(up ? { file: up.path } : {}) };
        return await (id ? reg.update(id, entry, opts) : reg.add(entry, opts));
      } finally {
        if (up) ctx.dropDir(up.dir);
      }
    },
    'register:export': async ({ year, format, date, taskId }) => {
      const svc = await ctx.records();
      const progress = ctx.progress(taskId);
      progress({ phase: 'render', done: 0, total: 1, label: '规范性文件登记表' });
      const unit = readOffice(ctx.store.dir).profile.unit;
      const name = `${safeFileName(`${unit}${year ? `${year}年度` : ''}规范性文件登记表`, '规范性文件登记表')}.${format}`;
      const r = await exportRegister(svc, await register(), { out: ctx.exportPath(name), format, ...(year ? { year } : {}), ...(date ? { date } : {}), ...(print ? { print } : {}) });
      progress({ phase: 'write', done: 1, total: 1, label: name });
      return { ...ctx.handOut(r.path, name), entries: r.entries, ...(r.pages !== undefined ? { pages: r.pages } : {}) };
    },
    'register:due': async () => (await register()).due(),
    'register:flags': async () => (await register()).flags({ onlyAffected: true }),
    'office:get': () => {
      const { profile, warning } = readOffice(ctx.store.dir);
      return warning ? { ...profile, warning } : profile;
    },
    'office:set': (patch) => writeOffice(ctx.store, patch),
    'office:starter': () => {
      const region = officeRegionIn(ctx.store.dir);
      const offer = starterOffer(ctx.store, readStarterSet(starterLawsDir()), region);
      return { region, add: offer.add, remove: offer.remove.map(({ versionIds: _v, ...r }) => r) };
    },
    'office:starterApply': (what) => applyStarterOffer(ctx.store, starterLawsDir(), officeRegionIn(ctx.store.dir), what),
    'reminders:list': async () => {
      const svc = await ctx.records();
      const today = svc.today();
      return officeReminders(today, await (await register()).due(), (await svc.listPlans({ year: Number(today.slice(0, 4)) })).length, svc.calendar);
    },
  } satisfies Partial<Handlers>;
}
