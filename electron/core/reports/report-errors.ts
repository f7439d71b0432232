// The error the reports and register modules throw for a bad input file: it names the file and the
// reason. It is a LibraryError (code INVALID), so every face already shows it as a validation
// error with its message, the CLI with exit code 1.

import { LibraryError } from '../library/library-store';

export class DomainFileError extends LibraryError {
  constructor(
    override readonly file: string,
    readonly reason: string,
  ) {
    super('INVALID', `${file}：${reason}`, { file });
    this.name = 'DomainFileError';
  }
}
