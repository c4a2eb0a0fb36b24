import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareIndividualNotice } from '../../src/notices/prepared-notice.js';
import { readJson, startTestServer, type TestServer } from '../support/server.js';
import { api, chatLeakIncident, completeFields, type Api } from './notice-api-support.js';
import { NOTICE_DATE, setup } from './notice-fixtures.js';

let server: TestServer;
let call: Api;
beforeAll(async () => {
  server = await startTestServer();
  call = api(server);
});
afterAll(() => server.stop());

const chinese = (notice: Parameters<typeof completeFields>[0]): Record<string, string> => completeFields(notice, 'zh-CN', (field) => `中文：${field}。`);

/** The walkthrough's notice drafted in zh-CN (primary, for the people in China) and en (for those in Germany). */
async function chatNotice(locales: string[] = ['zh-CN', 'en']) {
  const incident = await chatLeakIncident(server);
  const created = await call.create(incident.id, { target: 'individuals', locales, organizationName: 'Acme Chat' });
  expect(created.status).toBe(201);
  return { incident, notice: await readJson(created) };
}

/** Every item filled in both locales: the version number. */
async function completeBoth(notice: any): Promise<number> {
  const edited = await call.edit(notice.id, { fields: chinese(notice), translations: { en: completeFields(notice, 'en') } });
  expect(edited.status).toBe(201);
  return (await readJson(edited)).number;
}

describe('a notice to individuals in several languages', () => {
  it('is drafted once in every locale named, each pre-filled from the same facts in its own language', async () => {
    const { incident, notice } = await chatNotice();
    expect(incident.obligations.filter((o) => o.recipient === 'individuals').map((o) => o.regime)).toEqual(expect.arrayContaining(['cn-pipl', 'eu-gdpr']));
    expect(notice.latest).toMatchObject({ number: 1, locale: 'zh-CN', template: 'notices/individuals/zh-CN', locales: ['zh-CN', 'en'] });
    // Suggested text from the recorded facts, marked for a person to confirm; nothing from the internal summary.
    expect(notice.latest.fields).toEqual({
      whatHappened: '[[我们于2026年11月20日获悉此事。]]',
      informationInvolved: '[[涉及的个人信息包括联系方式（电子邮箱、电话号码或通信地址）。]]',
    });
    expect(notice.latest.translations.en).toEqual({
      whatHappened: '[[We became aware of it on November 20, 2026.]]',
      informationInvolved: '[[The personal information involved includes contact details (email addresses, phone numbers or postal addresses).]]',
    });
    expect(JSON.stringify(notice.latest)).not.toMatch(/readable from the internet|"contact"[,\]]/);
    expect(notice.placeholders).toEqual(['whatHappened', 'informationInvolved', 'translations.en.whatHappened', 'translations.en.informationInvolved']);
    // The checklist names each locale's gaps.
    expect(Object.keys(notice.missingByLocale)).toEqual(['zh-CN', 'en']);
    expect(notice.missingByLocale['zh-CN']).toContain('likelyConsequences');
    expect(notice.missingByLocale.en).toEqual(notice.missingByLocale['zh-CN']);
    expect(notice.missingFields).toEqual(expect.arrayContaining(['likelyConsequences', 'translations.en.likelyConsequences']));
    const listed = await readJson(await call.get(`/incidents/${incident.id}/notices`));
    expect(listed.items).toHaveLength(1);
  });

  it('edits one locale’s items and leaves the others as they were', async () => {
    const { notice } = await chatNotice();
    const edited = await readJson(await call.edit(notice.id, { basedOn: 1, translations: { en: { contact: 'dpo@acme-chat.example' } } }));
    expect(edited.translations.en.contact).toBe('dpo@acme-chat.example');
    expect(edited.fields).toEqual(notice.latest.fields);
    const diff = await readJson(await call.get(`/notices/${notice.id}/diff?from=1&to=2`));
    expect(diff.changes).toEqual([{ field: 'contact', locale: 'en', from: null, to: 'dpo@acme-chat.example' }]);
  });

  it('adds a locale (pre-filled), promotes it, and removes one', async () => {
    const { notice } = await chatNotice(['en']);
    expect(notice.latest).toMatchObject({ locales: ['en'], translations: {} });
    const added = await readJson(await call.edit(notice.id, { translations: { 'zh-CN': { likelyConsequences: '可能被用于诈骗。' } } }));
    expect(added.locales).toEqual(['en', 'zh-CN']);
    // A new language starts from the facts in that language, never from another language's words.
    expect(added.translations['zh-CN']).toEqual({ informationInvolved: '[[涉及的个人信息包括联系方式（电子邮箱、电话号码或通信地址）。]]', whatHappened: '[[我们于2026年11月20日获悉此事。]]', likelyConsequences: '可能被用于诈骗。' });

    const removed = await readJson(await call.edit(notice.id, { translations: { 'zh-CN': null } }));
    expect(removed).toMatchObject({ number: 3, locales: ['en'], translations: {} });
    // Back to the words of version 1, so back to its hash: a one-language notice stores no empty translations.
    expect(removed.contentHash).toBe(notice.latest.contentHash);

    await call.edit(notice.id, { translations: { 'zh-CN': { likelyConsequences: '可能被用于诈骗。' } } });
    const promoted = await readJson(await call.edit(notice.id, { locale: 'zh-CN', translations: { en: null } }));
    expect(promoted).toMatchObject({ locale: 'zh-CN', template: 'notices/individuals/zh-CN', locales: ['zh-CN'], translations: {} });
    expect(promoted.fields.likelyConsequences).toBe('可能被用于诈骗。');
  });

  it('names the field and the known locales when a locale is unknown or misplaced', async () => {
    const { incident, notice } = await chatNotice();
    const problem = async (response: Response) => {
      expect(response.status).toBe(400);
      return (await readJson(response)).errors[0];
    };
    expect(await problem(await call.create(incident.id, { target: 'individuals', locales: ['zh-CN', 'xx'], organizationName: 'Acme' }))).toEqual({
      path: 'locales.1',
      message: expect.stringMatching(/^unknown locale "xx" \(known: .*en.*zh-CN\)$/),
    });
    expect(await problem(await call.create(incident.id, { target: 'individuals', locales: ['en', 'en'], organizationName: 'Acme' }))).toMatchObject({ path: 'locales.1' });
    expect(await problem(await call.create(incident.id, { target: 'individuals', locale: 'en', locales: ['en'], organizationName: 'Acme' }))).toMatchObject({ path: 'locales' });
    expect(await problem(await call.create(incident.id, { target: 'individuals', locales: [], organizationName: 'Acme' }))).toMatchObject({ path: 'locales' });
    expect(await problem(await call.edit(notice.id, { translations: { xx: { contact: 'x' } } }))).toEqual({ path: 'translations.xx', message: expect.stringMatching(/^unknown locale "xx" \(known: .*\)$/) });
    expect(await problem(await call.edit(notice.id, { translations: { 'zh-CN': { contact: 'x' } } }))).toMatchObject({ path: 'translations.zh-CN', message: expect.stringMatching(/primary locale/) });
    expect(await problem(await call.edit(notice.id, { translations: { en: { notAField: 'x' } } }))).toMatchObject({ path: 'translations.en.notAField' });
    expect(await problem(await call.edit(notice.id, { locale: 'xx' }))).toMatchObject({ path: 'locale', message: expect.stringMatching(/known: .*en.*zh-CN/) });
    const report = await readJson(await call.create(incident.id, { target: incident.obligations.find((o) => o.recipient === 'regulator')!.id, organizationName: 'Acme' }));
    expect(await problem(await call.edit(report.id, { translations: { en: {} } }))).toMatchObject({ path: 'translations' });
  });

  it('cannot go to review while any locale misses a required item: the 400 names the locale and the item', async () => {
    const { notice } = await chatNotice();
    const { likelyConsequences: _left, ...almost } = chinese(notice);
    const edited = await readJson(await call.edit(notice.id, { fields: { ...almost, likelyConsequences: null }, translations: { en: completeFields(notice, 'en') } }));
    const refused = await call.act(notice.id, edited.number, 'submit', server.tokens.responder);
    expect(refused.status).toBe(400);
    const problem = await readJson(refused);
    expect(problem.detail).toBe(`version ${edited.number} cannot go to review: missing required fields: likelyConsequences`);
    expect(problem.errors).toEqual([{ path: 'fields.likelyConsequences', message: expect.stringMatching(/^in zh-CN: required by .*cn-pipl/) }]);

    // The same gap in a translation is named by its locale.
    const swapped = await readJson(await call.edit(notice.id, { fields: chinese(notice), translations: { en: { likelyConsequences: null } } }));
    const again = await readJson(await call.act(notice.id, swapped.number, 'submit', server.tokens.responder));
    expect(again.detail).toBe(`version ${swapped.number} cannot go to review: missing required fields: translations.en.likelyConsequences`);
    expect(again.errors).toEqual([{ path: 'translations.en.likelyConsequences', message: expect.stringMatching(/^in en: required by .*cn-pipl/) }]);
    expect((await readJson(await call.get(`/notices/${notice.id}`))).missingByLocale).toEqual({ 'zh-CN': [], en: ['likelyConsequences'] });
  });

  it('is approved once for every language, and delivery renders each from the approved words', async () => {
    const { incident, notice } = await chatNotice();
    const number = await completeBoth(notice);
    expect((await call.act(notice.id, number, 'submit', server.tokens.responder)).status).toBe(200);
    const approved = await readJson(await call.act(notice.id, number, 'approve', server.tokens.legal));
    expect(approved).toMatchObject({ status: 'approved', locales: ['zh-CN', 'en'] });
    const after = await call.incident(incident.id);
    expect(after.tracks.individuals).toBe('approved');
    expect(after.individuals.approvedVersion).toEqual({ versionId: approved.id, contentHash: approved.contentHash });

    const sendable = await server.breachline.runtime.notices.queries.approvedVersionForSending(incident.id, 'individuals');
    expect(sendable).toMatchObject({ versionId: approved.id, contentHash: approved.contentHash });
    expect(sendable!.content.translations?.en).toEqual(approved.translations.en);
    const prepared = prepareIndividualNotice((await setup()).renderer, sendable!.content, NOTICE_DATE);
    expect(prepared.locales).toEqual(['zh-CN', 'en']);
    expect(prepared.render({ name: 'Li Lei', locale: null, jurisdiction: 'CN', custom: {} }).text).toContain('中文：likelyConsequences。');
    expect(prepared.render({ name: 'Max Mustermann', locale: 'en', jurisdiction: 'DE', custom: {} }).text).toContain('Text for likelyConsequences.');

    // Changing one language voids the approval of all of them.
    await call.edit(notice.id, { translations: { en: { likelyConsequences: 'Reworded.' } } });
    expect(await server.breachline.runtime.notices.queries.approvedVersionForSending(incident.id, 'individuals')).toBeNull();
    expect((await call.incident(incident.id)).tracks.individuals).toBe('drafting');
  });

  it('previews one of its own locales at a time', async () => {
    const { notice } = await chatNotice();
    const number = await completeBoth(notice);
    const preview = (query: string) => call.get(`/notices/${notice.id}/versions/${number}/preview${query}`);
    const primary = await readJson(await preview(`?name=${encodeURIComponent('Li Lei')}`));
    expect(primary.html).toContain('lang="zh-CN"');
    expect(primary.text).toContain('尊敬的Li Lei：');
    const en = await readJson(await preview('?locale=en&name=Max'));
    expect(en.html).toContain('lang="en"');
    expect(en.text).toContain('Dear Max,');
    expect(en.text).toContain('Text for contact.');
    const outside = await preview('?locale=fr');
    expect(outside.status).toBe(400);
    expect((await readJson(outside)).errors).toEqual([{ path: 'locale', message: 'this notice is not written in "fr" (its locales: zh-CN, en)' }]);
    // With no name given, the preview addresses a name typical for the language.
    expect((await readJson(await preview(''))).text).toContain('尊敬的张伟：');
  });

  it('diffs each locale: item changes name their locale, the text patch has a section per locale', async () => {
    const { notice } = await chatNotice();
    const complete = await completeBoth(notice);
    const reworded = (await readJson(await call.edit(notice.id, { translations: { en: { likelyConsequences: 'Phishing by text message.' } } }))).number;
    const diff = await readJson(await call.get(`/notices/${notice.id}/diff?from=${complete}&to=${reworded}`));
    expect(diff.changes).toEqual([{ field: 'likelyConsequences', locale: 'en', from: 'Text for likelyConsequences.', to: 'Phishing by text message.' }]);
    expect(diff.textUnavailable).toBeNull();
    expect(diff.textPatch).toContain(`--- version ${complete} (zh-CN)`);
    expect(diff.textPatch).toContain(`+++ version ${reworded} (en)`);
    const enSection = diff.textPatch.slice(diff.textPatch.indexOf(`--- version ${complete} (en)`));
    expect(enSection).toContain('-Text for likelyConsequences.');
    expect(enSection).toContain('+Phishing by text message.');
    expect(diff.textPatch.slice(0, diff.textPatch.indexOf(`--- version ${complete} (en)`))).not.toMatch(/^[-+][^-+]/m);

    // Against the draft with blanks: the text of the locales that render, and why the others do not.
    const fromDraft = await readJson(await call.get(`/notices/${notice.id}/diff?from=1&to=${reworded}`));
    expect(fromDraft.changes).toContainEqual({ field: 'likelyConsequences', locale: 'zh-CN', from: null, to: '中文：likelyConsequences。' });
    expect(fromDraft.textPatch).toBeNull();
    expect(fromDraft.textUnavailable).toMatch(/^version 1: notice in zh-CN: missing required fields: .*likelyConsequences.*; version 1: notice in en: missing required fields/);
  });
});
