// Bad input is reported as one line naming the line and column, with exit code 2 (never a stack trace).
export class InputError extends Error {
  constructor(
    readonly line: number,
    readonly column: number | string,
    message: string,
  ) {
    super(message);
  }
}
