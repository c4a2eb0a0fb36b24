import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { completeEdit, completeFields, incidentWithDuties } from '../../notices/notice-api-support.js';
import { readJson } from '../../support/server.js';
import { cliTestContext, downUrl } from '../cli-runner.js';

const t = cliTestContext();

const get = async (path: string) => readJson(await t.server.request(`/api/v1${path}`));
const post = async (path: string, json?: unknown) => {
  const response = await t.server.request(`/api/v1${path}`, { method: 'POST', token: t.server.tokens.responder, json });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return readJson(response);
};

// One notice to individuals taken from draft to approval, step by step; each test builds on the one before.
let incident: Awaited<ReturnType<typeof incidentWithDuties>>;
let de: any;
let gb: any;
let id: string;
let notice: any;
const responder = () => ({ token: t.server.tokens.responder });
const legal = () => ({ token: t.server.tokens.legal });

describe('breachline notices', () => {
  it('drafts a notice in two languages; refuses bad arguments before sending, and says when the server is down', async () => {
    incident = await incidentWithDuties(t.server);
    // Two reports drafted over the API: one taken to review (legal sends it back), one left a draft.
    de = await post(`/incidents/${incident.id}/notices`, { target: 'eu-gdpr:regulator:DE', organizationName: 'Acme Ltd' });
    await post(`/notices/${de.id}/versions`, completeEdit(de));
    await post(`/notices/${de.id}/versions/2/submit`);
    gb = await post(`/incidents/${incident.id}/notices`, { target: 'uk-gdpr:regulator:GB', organizationName: 'Acme Ltd' });

    const [drafted, noTarget, badVersion, nothing, twoFormats, down] = await Promise.all([
      t.cli(['notices', 'draft', incident.id, '--target', 'individuals', '--locale', 'en', 'zh-CN', '--organization', 'Acme Ltd'], responder()),
      t.cli(['notices', 'draft', incident.id, '--organization', 'Acme Ltd'], responder()),
      t.cli(['notices', 'submit', gb.id, 'two'], responder()),
      t.cli(['notices', 'edit', gb.id, '--based-on', '1'], responder()),
      t.cli(['notices', 'preview', gb.id, '1', '--html', '--text'], responder()),
      t.cli(['notices', 'list', incident.id], { ...responder(), url: await downUrl() }),
    ]);
    expect(drafted.code, drafted.stderr).toBe(0);
    id = drafted.stdout.trim();
    expect(drafted.stderr).toMatch(/^drafted individuals notice, version 1 in en, zh-CN; missing en: .*contact.*; zh-CN: .*contact.*; suggested text to replace: whatHappened, informationInvolved, translations\.zh-CN\.whatHappened/);
    expect(noTarget).toMatchObject({ code: 2, stdout: '' });
    expect(noTarget.stderr).toMatch(/required option '--target <target>' not specified/);
    expect(badVersion.code).toBe(2);
    expect(badVersion.stderr).toMatch(/'two' is invalid for argument 'version'\. expected a whole number from 1/);
    expect(nothing).toMatchObject({ code: 2, stderr: 'breachline: nothing to change: give key=value items, --file, or a flag such as --organization\n' });
    expect(twoFormats.code).toBe(2);
    expect(twoFormats.stderr).toMatch(/option '--html' cannot be used with option '--text'/);
    expect(down.code).toBe(3);
    expect(down.stderr).toMatch(/^breachline: cannot reach http:\/\/127\.0\.0\.1:\d+ \(connection refused\)/);
    notice = await get(`/notices/${id}`);
    expect(notice.latest).toMatchObject({ number: 1, locales: ['en', 'zh-CN'], metadata: { organizationName: 'Acme Ltd', senderAddress: 'privacy@acme.example' } });
    expect((await get(`/notices/${gb.id}`)).latest.number).toBe(1); // the refused edit sent nothing
  });

  it('lists the incident’s notices and shows one with what it still misses', async () => {
    const [list, show] = await Promise.all([t.cli(['notices', 'list', incident.id], { token: t.server.tokens.viewer }), t.cli(['notices', 'show', id], responder())]);
    expect(list.code, list.stderr).toBe(0);
    expect(list.stdout).toMatch(/^ID\s+TARGET\s+STATUS\s+VERSION\s+APPROVED\s+LOCALES\s+MISSING$/m);
    expect(list.stdout).toMatch(new RegExp(`^${id}\\s+individuals\\s+draft\\s+1\\s+-\\s+en, zh-CN\\s+\\d+$`, 'm'));
    expect(list.stdout).toMatch(new RegExp(`^${de.id}\\s+eu-gdpr:regulator:DE\\s+in_review\\s+2\\s+-\\s+-\\s+0$`, 'm'));
    expect(show.code, show.stderr).toBe(0);
    expect(show.stdout).toMatch(/^Status:\s+version 1 draft$/m);
    expect(show.stdout).toMatch(/^From:\s+Acme Ltd Privacy <privacy@acme\.example>$/m);
    expect(show.stdout).toMatch(/^Missing:\n {2}en: .*contact.*\n {2}zh-CN: .*contact.*\n {2}suggested text to replace: /m);
    expect(show.stdout).toMatch(/^FIELD\s+LABEL\s+SATISFIES$/m);
    expect(show.stdout).toMatch(/^contact\s+How to contact us\s+eu-gdpr GDPR Art\. 34\(2\) and Art\. 33\(3\)\(b\): /m);
    expect(show.stdout).toMatch(/^Version 1 \(draft\), zh-CN:\n {2}\w+: /m);
  });

  it('edits from a YAML file and from key=value items in a locale, then submits', async () => {
    // Version 2 from a YAML file: every item in both locales. Version 3: one Chinese item by key=value.
    const file = join(t.home.dir, 'notice.yaml');
    const items = completeFields(notice);
    writeFileSync(file, stringify({ fields: items, translations: { 'zh-CN': Object.fromEntries(Object.keys(items).map((f) => [f, `中文：${f}`])) } }));
    const fromFile = await t.cli(['notices', 'edit', id, '--file', file, '--based-on', '1'], responder());
    expect(fromFile).toMatchObject({ code: 0, stdout: '2\n' });
    expect(fromFile.stderr).toBe(`notice ${id}: version 2 (draft); missing en: none; zh-CN: none\n`);
    const pair = await t.cli(['notices', 'edit', id, '--locale', 'zh-CN', 'contact=数据保护官 dpo@acme.example', '--based-on', '2'], responder());
    expect(pair).toMatchObject({ code: 0, stdout: '3\n' });
    const v3 = (await get(`/notices/${id}`)).latest;
    expect(v3.fields).toEqual({ ...notice.latest.fields, ...items });
    expect(v3.translations['zh-CN']).toMatchObject({ contact: '数据保护官 dpo@acme.example', likelyConsequences: '中文：likelyConsequences' });

    const submitted = await t.cli(['notices', 'submit', id, '3'], responder());
    expect(submitted).toMatchObject({ code: 0, stdout: `notice ${id} version 3: in_review\n` });
    expect((await get(`/incidents/${incident.id}`)).tracks.individuals).toBe('in_review');
  });

  it('legal reads the diff and previews and comments; a responder may not approve', async () => {
    const [diff, preview, html, shown, refused, comment, sentBack] = await Promise.all([
      t.cli(['notices', 'diff', id], legal()),
      t.cli(['notices', 'preview', id, '3', '--locale', 'zh-CN', '--name', '李雷'], legal()),
      t.cli(['notices', 'preview', id, '3', '--html'], legal()),
      t.cli(['notices', 'show', id, '2', '--json'], legal()),
      t.cli(['notices', 'approve', id, '3'], responder()),
      t.cli(['notices', 'comment', id, '3', '--body', 'Reads well.'], legal()),
      t.cli(['notices', 'request-changes', de.id, '2', '--comment', 'Say when it started.'], legal()),
    ]);
    expect(diff.code, diff.stderr).toBe(0);
    expect(diff.stdout).toBe('version 2 -> 3: 1 change(s)\n\ncontact (zh-CN)\n- 中文：contact\n+ 数据保护官 dpo@acme.example\n');
    expect(preview.code, preview.stderr).toBe(0);
    expect(preview.stdout).toMatch(/^From: "Acme Ltd Privacy" <privacy@acme\.example>\nSubject: Acme Ltd：个人信息安全事件告知\n\n/);
    expect(preview.stdout).toContain('尊敬的李雷：');
    expect(preview.stdout).toContain('数据保护官 dpo@acme.example');
    expect(html.stdout).toMatch(/^<!DOCTYPE html>/i);
    expect(html.stdout).toContain('Text for contact.');
    expect(JSON.parse(shown.stdout)).toMatchObject({ number: 2, status: 'draft', translations: { 'zh-CN': { contact: '中文：contact' } } });
    expect(refused.code).toBe(4);
    expect(refused.stderr).toMatch(/^breachline: 403 /);
    expect(comment.code, comment.stderr).toBe(0);
    expect(sentBack).toMatchObject({ code: 0, stdout: `notice ${de.id} version 2: changes_requested\n` });
    const inReview = (await get(`/notices/${id}/versions`)).items[2];
    expect(inReview).toMatchObject({ status: 'in_review', comments: [{ id: comment.stdout.trim(), body: 'Reads well.' }] });
    expect((await get(`/notices/${de.id}/versions`)).items[1].comments).toMatchObject([{ body: 'Say when it started.' }]);
  });

  it('legal approves once; approving again, or a draft never submitted, is a conflict', async () => {
    const approved = await t.cli(['notices', 'approve', id, '3'], legal());
    expect(approved).toMatchObject({ code: 0, stdout: `notice ${id} version 3: approved\n` });
    expect((await get(`/notices/${id}`)).approvedNumber).toBe(3);
    expect((await get(`/incidents/${incident.id}`)).tracks.individuals).toBe('approved');

    const [twice, draftOnly] = await Promise.all([t.cli(['notices', 'approve', id, '3'], legal()), t.cli(['notices', 'approve', gb.id, '1'], legal())]);
    for (const conflict of [twice, draftOnly]) {
      expect(conflict.code).toBe(6);
      expect(conflict.stderr).toMatch(/^breachline: 409 /);
    }
  });
});
