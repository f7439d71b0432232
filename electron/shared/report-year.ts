// Which year's 法治政府建设年度报告 the office is working on, on a given day: one rule for every face
// that opens "the" report (the 年度报告 page's default, the CLI's default --year).
//
// 《法治政府建设与责任落实督察工作规定》第二十五条: a department reports the year before in the first
// quarter (the start page reminds of 3月1日, the usual deadline, and the report is made public in the
// quarter too). So from 1 January to 31 March the report in hand is last year's; from 1 April the
// office is recording, and by December drafting, the current year's.

/** The year of the report in hand on `today` (YYYY-MM-DD, in the office's zone). */
export function reportYearOn(today: string): number {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  return month <= 3 ? year - 1 : year;
}
