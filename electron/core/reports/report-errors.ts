// The one error the reports module throws for a bad input file: it names the file and the reason,
// so every face can show "文件：原因" without knowing where the error came from.

export class DomainFileError extends Error {
  readonly code = 'VALIDATION' as const;
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}：${reason}`);
    this.name = 'DomainFileError';
  }
}
