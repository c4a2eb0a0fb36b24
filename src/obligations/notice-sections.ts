/**
 * The sections a notice to individuals is written in: the concepts a reader understands, each
 * once. Regime files map every item they require of a notice to one of these (`section` in
 * `requiredContents`), so one section satisfies every law that asks for that concept, however
 * each law words it. The list is part of the regime files' vocabulary, so it lives here beside
 * their schema; the notices domain renders it.
 */
export const NOTICE_SECTIONS = [
  /** What happened and when: the nature, circumstances and cause, the dates, who is affected, any delay and why. */
  'whatHappened',
  /** Which information about the reader was involved. */
  'informationInvolved',
  /** What the breach could mean for the reader: likely consequences, possible harm, risks. */
  'likelyConsequences',
  /** What the organisation has done and will do: containment, remedies, mitigation, security. */
  'whatWeAreDoing',
  /** An offer of free identity theft prevention or credit monitoring services. */
  'identityProtection',
  /** Steps the reader can take to protect themselves. */
  'whatYouCanDo',
  /** Where else to get help: credit reporting agencies, government agencies. */
  'helpResources',
  /** Police reports and security (credit) freezes. */
  'securityFreeze',
  /** The reader's rights: complaints, remedies, dispute resolution. */
  'yourRights',
  /** How to reach the organisation: its contact point or data protection officer. */
  'contact',
  /** Anything else the law asks the notice to say. */
  'otherInformation',
] as const;
export type NoticeSection = (typeof NOTICE_SECTIONS)[number];

/**
 * Not a section: the item is satisfied by the letter's form, which every notice template gives
 * (California's title and headings and type size, HIPAA's plain language, the date of the notice).
 */
export const BY_FORM = 'form';
export type SectionMapping = NoticeSection | typeof BY_FORM;
