/** The file cannot be read on from `row` on (CSV syntax, an oversized line): the import stops with a 400. */
export class MalformedFileError extends Error {
  override name = 'MalformedFileError';
  constructor(
    readonly row: number,
    readonly reason: string,
  ) {
    super(`row ${row}: ${reason}`);
  }
}

/** The body passed the route's byte limit: 413. */
export class FileTooLargeError extends Error {
  override name = 'FileTooLargeError';
  constructor(readonly limit: number) {
    super(`recipient files are limited to ${limit} bytes`);
  }
}

/** The incident's state or another import refuses this one: 409. */
export class ImportRefusedError extends Error {
  override name = 'ImportRefusedError';
}

/** The request body broke off (client gone, connection reset) before the file ended: 400, nothing imported. */
export class UploadInterruptedError extends Error {
  override name = 'UploadInterruptedError';
  constructor(cause: string) {
    super(`the upload ended before the file did (${cause}); nothing was imported`);
  }
}
