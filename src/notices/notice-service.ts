import { NoticeDrafts } from './notice-drafts.js';
import type { NoticeDeps } from './notice-deps.js';
import { NoticeQueries } from './notice-queries.js';
import { NoticeReview } from './notice-review.js';

/** The notices domain as the rest of Breachline uses it: drafts, review, reads. */
export interface Notices {
  drafts: NoticeDrafts;
  review: NoticeReview;
  queries: NoticeQueries;
}

export function createNotices(deps: NoticeDeps): Notices {
  return { drafts: new NoticeDrafts(deps), review: new NoticeReview(deps), queries: new NoticeQueries(deps) };
}
