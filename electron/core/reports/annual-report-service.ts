// Gathers what the yearly report needs from an open library — the year's records, their
// statistics, the template, and the titles of the laws — and builds the report. The CLI and the
// app API both call this, so both faces print the same report.

import { join } from 'node:path';
import type { LibraryStore } from '../library/library-store';
import { appRoot } from '../library/open-library';
import { readOffice } from '../office/office-file';
import { officeRegion as regionOfOffice } from '../office/office-region';
import { RegisterService } from '../register/register-service';
import { lawByName } from '../records/citation-resolve';
import { lawsOfSession } from '../records/session-laws';
import { happenedIn, reviewsOfYear } from '../records/year-scope';
import type { RecordsService } from '../records/records-service';
import { buildAnnualReport, reportLawTitle, type Adviser, type AnnualReport, type RegisteredDocument } from './annual-report';
import { entryOn, registeredBy } from './register-document';
import { annualTemplatePath, loadReportTemplate } from './report-template';
import { chineseDate } from '../../shared/chinese-date';

export interface AnnualReportOptions {
  year: number;
  /** The reporting unit; default the unit named on the year's 普法 plan. */
  unit?: string;
  adviser?: Adviser;
  /** A template file; default the library's templates/annual-report.json, else the shipped one. */
  templateFile?: string;
  register?: RegisteredDocument[];
  /**
   * The report's 成文日期 (default today): it reports the year as it stood that day — a session
   * dated later is only planned, a filing or 清理 dated later has not happened, a 备案 due by then
   * and not made is late.
   */
  asOf?: string;
}

export async function annualReportFor(svc: RecordsService, library: LibraryStore, opts: AnnualReportOptions): Promise<AnnualReport> {
  const template = loadReportTemplate(opts.templateFile ?? annualTemplatePath(join(appRoot(), 'resources'), library.dir));
  const asOf = opts.asOf ?? svc.today();
  const [stats, reviews, lectures, plans, nextPlans] = await Promise.all([
    svc.stats(opts.year, asOf),
    // received or issued in the year (year-scope.ts): an opinion of January on a December 送审稿 is this year's work
    svc.listReviews().then((rs) => reviewsOfYear(rs, opts.year, asOf).all),
    svc.listLectures({ year: opts.year }).then((ls) => ls.filter((l) => happenedIn(l.date, opts.year, asOf))),
    svc.listPlans({ year: opts.year }),
    svc.listPlans({ year: opts.year + 1 }),
  ]);
  const office = readOffice(library.dir).profile;
  const officeRegion = regionOfOffice(office).region;
  const unit = opts.unit?.trim() || office.unit || plans.find((p) => p.unit)?.unit || '';
  const adviser = opts.adviser ?? office.adviser;
  const register = registeredBy(opts.register ?? (await (await RegisterService.open(svc)).list()), asOf).map((d) => entryOn(d, asOf));
  const report = buildAnnualReport({
    year: opts.year,
    unit: unit || '（单位名称）',
    template,
    stats,
    reviews,
    lectures,
    plans,
    nextPlans,
    register,
    today: asOf,
    ...(adviser ? { adviser } : {}),
    lawTitle: reportLawTitleIn(library),
    sessionLaws: (l) => lawsOfSession(library, l, officeRegion),
  });
  if (stats.lectures.planned)
    report.notes.push(`${opts.year}年度有${stats.lectures.planned}次学法普法活动的日期在成文日期${chineseDate(asOf)}之后，作为计划中的活动未计入报告。`);
  if (!unit) report.gaps.unshift('unit');
  report.yearsWithRecords = stats.yearsWithRecords;
  if (office.imprint && (office.imprint.printedBy || office.imprint.copyTo.length)) report.imprint = office.imprint;
  return report;
}

/** Law id or name → the short title a report writes in 《》, looked up in the library. */
export function reportLawTitleIn(library: LibraryStore): (idOrName: string) => string | undefined {
  return (idOrName) => {
    const byId = library.law(idOrName);
    if (byId) return reportLawTitle(byId);
    const r = lawByName(library, idOrName);
    return r.ok ? reportLawTitle(r.value) : undefined;
  };
}
