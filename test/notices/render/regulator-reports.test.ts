import { describe, expect, it } from 'vitest';
import { InvalidInputError, NotFoundError } from '../../../src/errors.js';
import { reportFields } from '../../../src/notices/render/content-model.js';
import { allFields, marker, reportInput, setup } from '../notice-fixtures.js';

const { regimes, renderer } = await setup();

describe('reports to regulators', () => {
  it('has its own report template only for regimes with a regulator duty; the rest use the standard layout', () => {
    const reporting = new Set(regimes.filter((r) => r.recipients.some((e) => e.recipient === 'regulator')).map((r) => r.id));
    for (const id of renderer.reportRegimes) expect(reporting.has(id), id).toBe(true);
    // A regime with an authority's own form keeps it (China's CAC form, GDPR Art. 33(3)); a US state's AG notice needs none.
    expect(renderer.reportRegimes).toEqual(expect.arrayContaining(['cn-pipl', 'eu-gdpr', 'us-ca-1798.82']));
    expect(renderer.reportRegimes).not.toContain('us-wa-rcw-19.255');
  });

  for (const regime of regimes) {
    for (const entry of regime.recipients.filter((e) => e.recipient === 'regulator')) {
      for (const stage of entry.stages?.length ? entry.stages.map((s) => s.id) : [null]) {
        it(`${regime.id} ${entry.id}${stage === null ? '' : ` ${stage}`}: every required item, in HTML, text and JSON`, () => {
          const fields = reportFields(regime, entry, stage);
          const target = { regime: regime.id, obligation: `${regime.id}:${entry.id}:XX`, ...(stage === null ? {} : { stage }) };
          const out = renderer.renderRegulatorReport(reportInput(allFields(fields.map((f) => f.field))), target);
          for (const field of fields) {
            expect(out.html, field.field).toContain(marker(field.field));
            expect(out.text, field.field).toContain(marker(field.field));
          }
          expect(Object.keys(out.fields)).toEqual(fields.map((f) => f.field));
          expect(out.text).toContain(entry.citation);
          expect(out.subject).toContain('CRM export leaked');
        });
      }
    }
  }

  it('GDPR Art. 33(3): labels and citations come from the regime file', () => {
    const gdpr = regimes.find((r) => r.id === 'eu-gdpr')!;
    const entry = gdpr.recipients.find((e) => e.id === 'regulator')!;
    const out = renderer.renderRegulatorReport(reportInput(allFields(entry.requiredContents.map((c) => c.field))), { regime: 'eu-gdpr', stage: 'notification' });
    expect(out.html).toContain('<h3>nature of the breach</h3>');
    expect(out.html).toContain('<p class="cite">GDPR Art. 33(3)(a)</p>');
    expect(out.fields.natureOfBreach).toEqual({ label: 'nature of the breach', citation: 'GDPR Art. 33(3)(a)', value: marker('natureOfBreach') });
  });

  it('NIS2: each stage carries its own items only', () => {
    const out = renderer.renderRegulatorReport(reportInput({ suspectedMalicious: 'yes', crossBorderImpact: 'no', rootCause: 'ignored' }), { regime: 'eu-nis2', stage: 'earlyWarning' });
    expect(Object.keys(out.fields)).toEqual(['suspectedMalicious', 'crossBorderImpact']);
    expect(out.text).not.toContain('ignored');
    expect(out.text).toContain('Report: early warning');
  });

  it('names the known regimes, duties and stages when one is unknown', () => {
    expect(() => renderer.renderRegulatorReport(reportInput({}), { regime: 'xx-none' })).toThrow(NotFoundError);
    expect(() => renderer.renderRegulatorReport(reportInput({}), { regime: 'xx-none' })).toThrow(/known: .*eu-gdpr/);
    expect(() => renderer.renderRegulatorReport(reportInput({}), { regime: 'eu-nis2' })).toThrow(/no stage given .*known: earlyWarning, notification, finalReport/);
    expect(() => renderer.renderRegulatorReport(reportInput({}), { regime: 'us-hipaa' })).toThrow(InvalidInputError);
    expect(() => renderer.renderRegulatorReport(reportInput({}), { regime: 'us-hipaa' })).toThrow(/name one of regulator, regulator-annual/);
  });
});

describe('the scope a report states', () => {
  const facts = {
    jurisdiction: 'DE',
    affected: 40_000,
    territory: { code: 'EEA', affected: 40_250 },
    dataCategories: ['contact', 'communications_content'],
    occurredAt: '2026-11-20T06:00:00.000Z',
    awarenessAt: '2026-11-20T08:00:00.000Z',
  };
  const gdpr = regimes.find((r) => r.id === 'eu-gdpr')!.recipients.find((e) => e.id === 'regulator')!;
  const fields = allFields(reportFields(regimes.find((r) => r.id === 'eu-gdpr')!, gdpr, 'notification').map((f) => f.field));

  it('English: the people in the authority’s jurisdiction, the union’s total beside it, labelled, and the data in words', () => {
    const out = renderer.renderRegulatorReport({ ...reportInput(fields), facts }, { regime: 'eu-gdpr', obligation: 'eu-gdpr:regulator:DE', stage: 'notification' });
    expect(out.text).toContain('Jurisdiction: Germany');
    expect(out.text).toContain('People affected in this jurisdiction: 40,000');
    expect(out.text).toContain('People affected in all states this law covers: 40,250 (EEA)');
    expect(out.text).toContain('contact details (email addresses, phone numbers or postal addresses) and the contents of messages or calls');
    expect(out.text).toContain('Incident began: November 20, 2026');
    expect(out.text).not.toMatch(/communications_content|1,240,000/);
  });

  it('Chinese: the same facts in Chinese', () => {
    const cn = regimes.find((r) => r.id === 'cn-pipl')!;
    const entry = cn.recipients.find((e) => e.id === 'regulator')!;
    const out = renderer.renderRegulatorReport(
      { ...reportInput(allFields(reportFields(cn, entry, null).map((f) => f.field))), facts: { ...facts, jurisdiction: 'CN', affected: 1_200_000, territory: null } },
      { regime: 'cn-pipl' },
    );
    expect(out.text).toContain('法域: 中国');
    expect(out.text).toContain('受影响人数: 1,200,000');
    expect(out.text).toContain('联系方式（电子邮箱、电话号码或通信地址）和通信内容（如消息或通话内容）');
    expect(out.text).toContain('事件发生时间: 2026年11月20日');
  });
});

describe('internal escalation mail', () => {
  it('names the duty, the incident, the due time and what to do', () => {
    const obligation = {
      regime: 'eu-gdpr', recipient: 'regulator', authority: 'competent supervisory authority', jurisdiction: 'DE',
      dueAt: '2026-03-09T10:00:00.000Z', status: 'pending', citation: 'GDPR Art. 33(1)',
    };
    const incident = { title: 'CRM export leaked', severity: 'high' };
    const overdue = renderer.renderEscalationMail({ incidentId: 'inc-1', incident, obligation, overdue: true });
    expect(overdue.subject).toBe('[Breachline] OVERDUE: eu-gdpr regulator (DE) - CRM export leaked');
    expect(overdue.text).toContain('report to competent supervisory authority (DE)');
    expect(overdue.text).toContain('Due at: 2026-03-09T10:00:00.000Z (UTC)');
    expect(overdue.text).toContain('Citation: GDPR Art. 33(1)');
    expect(overdue.text).toContain('/api/v1/incidents/inc-1/obligations');
    const soon = renderer.renderEscalationMail({ incidentId: 'inc-1', incident, obligation: { ...obligation, recipient: 'individuals' }, overdue: false });
    expect(soon.subject).toBe('[Breachline] Due soon: eu-gdpr individuals (DE) - CRM export leaked');
    expect(soon.text).toContain('notify individuals');
  });
});
