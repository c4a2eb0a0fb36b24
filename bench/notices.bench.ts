import Handlebars from 'handlebars';
import { withTranslations, type VersionContent } from '../src/notices/notice-content.js';
import { prepareIndividualNotice } from '../src/notices/prepared-notice.js';
import { createNoticeRenderer } from '../src/notices/render/renderer.js';
import { loadRegimes } from '../src/obligations/load-regimes.js';
import { compare, rate, type Comparison } from './measure.js';

const RENDERS = 200_000;
/** Runs before each timing, so the JIT has settled and the order of locales does not decide their figures. */
const WARM_UP = 10_000;
/** A one-off render checks and runs the whole template each time: fewer of them, measured the same way. */
const ONE_OFF = 20_000;
const DATE = '2026-12-07T09:00:00.000Z';

/** About 2 KB of words over six sections, as a real notice to individuals carries. */
const SECTIONS: Record<string, string> = {
  whatHappened: 'For about six hours our newsletter list could be read from the internet, because a storage setting was wrong. We found it during a routine review and closed access within the hour. '.repeat(2),
  informationInvolved: 'Your name and email address. No passwords, payment details or other account information were on the list, and none of it is affected. ',
  likelyConsequences: 'You may receive phishing emails that use your name and look as if they come from us, asking you to click a link or to give a password. '.repeat(2),
  whatWeAreDoing: "We closed access the same day, checked every other storage setting, engaged an independent reviewer and reported the incident to the Information Commissioner's Office. ".repeat(2),
  whatYouCanDo: 'Be wary of emails that ask you to click a link or give a password, even when they use your name. We never ask for your password by email. '.repeat(2),
  contact: 'Our data protection officer: dpo@acme.example, +44 20 0000 0000, Monday to Friday from 9:00 to 17:00.',
};

/**
 * Rendering notices to individuals per locale, as delivery does (one prepared notice, each recipient
 * its own name through the recipient slots), beside the floor under it: a plain Handlebars template
 * of the same size and the same values, compiled once, rendered per recipient in the same run.
 */
export async function noticeRenderBenchmark(): Promise<Comparison[]> {
  const body = Object.keys(SECTIONS).map((key) => `<h2>${key}</h2>\n<p>{{fields.${key}}}</p>`).join('\n');
  const plain = Handlebars.compile(`<!DOCTYPE html><html><body><p>Dear {{recipient.name}},</p>\n${body}\n<p>{{organization.name}}</p></body></html>`);
  const plainText = Handlebars.compile(`Dear {{recipient.name}},\n\n${Object.keys(SECTIONS).map((key) => `${key}\n{{fields.${key}}}`).join('\n\n')}\n\n{{organization.name}}`, { noEscape: true });
  const view = (i: number) => ({ recipient: { name: `Recipient ${i}` }, organization: { name: 'Acme Ltd' }, fields: SECTIONS });
  const floor = (i: number) => plain(view(i)) + plainText(view(i));
  await rate(WARM_UP, floor);

  const { regimes } = await loadRegimes();
  const renderer = await createNoticeRenderer(regimes);
  const [primary = 'en', ...others] = renderer.locales;
  const content: VersionContent = withTranslations(
    { template: `notices/individuals/${primary}`, locale: primary, regimes: ['eu-gdpr', 'cn-pipl'], stage: null, metadata: { organizationName: 'Acme Ltd', senderName: 'Acme Ltd', senderAddress: 'privacy@acme.example' }, fields: SECTIONS },
    Object.fromEntries(others.map((locale) => [locale, SECTIONS])),
  );
  const prepared = prepareIndividualNotice(renderer, content, DATE);
  const comparisons: Comparison[] = [];
  for (const locale of renderer.locales) {
    // Measured again beside each locale: this machine's speed drifts within a run, and a ratio is only as good as its pair.
    const floorFigure = { name: 'plain Handlebars, same size', unit: 'renders/s', value: await rate(RENDERS, floor) };
    const delivery = (i: number) => prepared.render({ name: `Recipient ${i}`, locale, jurisdiction: null, custom: {} });
    await rate(WARM_UP, delivery);
    const ours = await rate(RENDERS, delivery);
    const input = (i: number) => ({ content: { organization: { name: 'Acme Ltd' }, fields: SECTIONS }, recipient: { name: `Recipient ${i}` } });
    const oneOff = (i: number) => renderer.renderIndividualNotice(input(i), { locale, regimes: ['eu-gdpr', 'cn-pipl'], date: DATE });
    await rate(ONE_OFF, oneOff);
    const full = await rate(ONE_OFF, oneOff);
    comparisons.push(
      compare(`notice render, ${locale}: delivery (HTML + text per recipient)`, floorFigure, { name: `prepared notice in ${locale}`, unit: 'renders/s', value: ours }),
      compare(`notice render, ${locale}: one-off (checked, whole template)`, floorFigure, { name: `renderIndividualNotice in ${locale}`, unit: 'renders/s', value: full }),
    );
  }
  return comparisons;
}
