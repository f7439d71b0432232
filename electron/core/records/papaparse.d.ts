// The few papaparse types the spreadsheet import uses (no @types/papaparse is installed).
declare module 'papaparse' {
  export interface ParseResult<T> {
    data: T[];
    errors: { row?: number; message: string }[];
  }
  export function parse<T>(input: string, config?: { skipEmptyLines?: boolean | 'greedy'; header?: boolean }): ParseResult<T>;
  const Papa: { parse: typeof parse };
  export default Papa;
}
