import { ConflictError } from '../errors.js';

/** The notice or version is not in a state that allows this (reviewing an old version, approving a draft). */
export class NoticeStateError extends ConflictError {
  override name = 'NoticeStateError';
  override readonly slug = 'notice-state';
}
