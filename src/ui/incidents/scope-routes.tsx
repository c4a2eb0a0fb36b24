import type { Hono } from 'hono';
import { InvalidInputError } from '../../errors.js';
import { EVENT_ROLES, mayRoleSend } from '../../lifecycle/event-permissions.js';
import type { IncidentView } from '../../lifecycle/incident-view.js';
import { INCIDENT_FACTS, MEDIA, type AffectedEntry } from '../../lifecycle/scope.js';
import type { ConsoleDeps } from '../console-app.js';
import { requirePermission } from '../console-auth.js';
import type { ConsoleEnv } from '../console-env.js';
import { formAction, list, readForm, text, type FormFailure, type FormValues } from '../form-action.js';
import { messagePage } from '../message-page.js';
import { pageContext } from '../page-context.js';
import { renderIncidentPage } from './incident-page.js';
import { expectedVersionFrom, instantFromInput, utcInputValue } from '../utc-input.js';
import { EDITABLE_CLOCK_FACTS, NO_ESTABLISHMENT, ORGANIZATION_FLAGS, SCOPE_FORM, YES_NO_UNKNOWN } from './scope-fields.js';

/** A count as typed: null when left empty (not counted yet), a number when it reads as one, else the text itself (the schema names the field). */
function count(typed: string): number | string | null {
  if (typed.trim() === '') return null;
  const value = Number(typed);
  return Number.isFinite(value) ? value : typed;
}

interface PostedRow {
  row: number;
  jurisdiction: string;
  count: number | string | null;
  countBasis: string;
}

/** The posted jurisdiction rows that are not blank, each with the row number it had on the form. */
function affectedRows(values: FormValues): PostedRow[] {
  const rows = new Set(Object.keys(values).flatMap((name) => /^affected\.(\d+)\.(?:jurisdiction|count|countBasis)$/.exec(name)?.[1] ?? []));
  return [...rows]
    .map(Number)
    .sort((a, b) => a - b)
    .map((row) => ({
      row,
      jurisdiction: text(values, `affected.${row}.jurisdiction`).trim().toUpperCase(),
      count: count(text(values, `affected.${row}.count`)),
      countBasis: text(values, `affected.${row}.countBasis`) || 'exact',
    }))
    // How sure a number is says nothing on its own: a row without a place or a number is blank.
    .filter((r) => r.jurisdiction !== '' || r.count !== null);
}

/**
 * One place's people in the event's words, in one key order so a row compares equal to itself. An
 * exact count (the default) and the basis of a missing count are left out. What the form does not
 * edit (a place's own data categories or encryption, recorded through the API) is kept.
 */
function affectedEntry(jurisdiction: string, count: unknown, countBasis: string | undefined, kept: AffectedEntry | undefined): Record<string, unknown> {
  return {
    jurisdiction,
    count,
    ...(count === null || countBasis === undefined || countBasis === 'exact' ? {} : { countBasis }),
    ...(kept?.dataCategories === undefined ? {} : { dataCategories: kept.dataCategories }),
    ...(kept?.encrypted === undefined ? {} : { encrypted: kept.encrypted }),
  };
}

/** A yes / no / not known answer as the fact it records; anything else as typed, for the schema to refuse. */
function yesNo(typed: string): boolean | null | string {
  const choice = YES_NO_UNKNOWN.find(([value]) => value === typed);
  return choice === undefined ? typed : choice[2];
}

/** Ticked media in the schema's order (anything unknown after, for the schema to refuse). */
const inMediaOrder = (media: readonly string[]): string[] => {
  const rank = (m: string) => ((MEDIA as readonly string[]).includes(m) ? (MEDIA as readonly string[]).indexOf(m) : MEDIA.length);
  return [...media].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
};

const nature = (read: (fact: string) => unknown) => Object.fromEntries(INCIDENT_FACTS.map((fact) => [fact, read(fact)]));

/** The incident's facts in the form's shape, to tell which of the posted ones changed. */
function currentFacts(incident: IncidentView): Record<string, unknown> {
  const { scope } = incident;
  return {
    title: incident.title,
    severity: incident.severity,
    summary: incident.summary,
    affected: scope.affected.map((row) => affectedEntry(row.jurisdiction, row.count, row.countBasis, row)),
    dataCategories: [...scope.dataCategories].sort(),
    // An organisation fact never set reads as no, as the obligations engine reads it.
    organization: {
      ...Object.fromEntries(ORGANIZATION_FLAGS.map(([flag]) => [flag, scope.organization[flag] === true])),
      nis2Entity: scope.organization.nis2Entity ?? null,
      ...(scope.organization.mainEstablishment === undefined ? {} : { mainEstablishment: scope.organization.mainEstablishment }),
    },
    encrypted: scope.encrypted,
    // Facts never given read as not known, as the form shows them.
    keyExposed: scope.keyExposed ?? null,
    redacted: scope.redacted ?? null,
    role: scope.role,
    processorFor: scope.processorFor ?? null,
    media: inMediaOrder(scope.media ?? []),
    nature: nature((fact) => scope.nature?.[fact as keyof NonNullable<typeof scope.nature>] ?? null),
    lawEnforcementDelayUntil: scope.lawEnforcementDelayUntil ?? null,
  };
}

/**
 * Whose data it is. A role once recorded is changed, never cleared (the event has no "unknown"), so
 * an unanswered question sends nothing. "On behalf of" belongs to a processor only.
 */
function roleFacts(values: FormValues, incident: IncidentView): { role: string | undefined; processorFor: string | null } {
  const typed = text(values, 'role');
  const role = typed === '' ? incident.scope.role : typed;
  const processorFor = text(values, 'processorFor').trim();
  // Left as it was when the role changes from processor: it goes with the old role.
  const stale = processorFor === (incident.scope.processorFor ?? '');
  if (processorFor !== '' && role !== 'processor' && !stale) {
    throw new InvalidInputError('“On behalf of” is for a processor: say the organisation keeps the data for another, or leave it empty', [
      { path: 'processorFor', message: 'only for a processor: choose “Keeps the data for another organisation”, or leave this empty' },
    ]);
  }
  return { role, processorFor: role === 'processor' && processorFor !== '' ? processorFor : null };
}

/**
 * The UPDATE_SCOPE event the API would take, from the posted form, with only what changed: the
 * timeline and audit trail then say what this save changed. Unticked boxes are false; an empty
 * NIS2 choice is null; an empty count is null (not counted yet). A clock fact is compared to the
 * minute the form shows, so saving never rounds away the seconds of a fact recorded through the
 * API. Null when nothing changed.
 */
function scopeEvent(values: FormValues, rows: PostedRow[], incident: IncidentView): Record<string, unknown> | null {
  const organization: Record<string, unknown> = Object.fromEntries(ORGANIZATION_FLAGS.map(([flag]) => [flag, text(values, `organization.${flag}`) === 'true']));
  const nis2 = text(values, 'organization.nis2Entity');
  organization.nis2Entity = nis2 === '' ? null : nis2;
  // Not recorded leaves the fact out (each authority is owed until it is); "none" records that there is none.
  const seat = values['organization.mainEstablishment'] === undefined ? incident.scope.organization.mainEstablishment : text(values, 'organization.mainEstablishment');
  if (seat === NO_ESTABLISHMENT || seat === null) organization.mainEstablishment = null;
  else if (seat !== undefined && seat !== '') organization.mainEstablishment = seat;
  const clockFacts: Record<string, string | null> = {};
  for (const [fact] of EDITABLE_CLOCK_FACTS) {
    const typed = text(values, `clockFacts.${fact}`).trim();
    if (typed !== utcInputValue(incident.clock[fact] ?? null)) clockFacts[fact] = typed === '' ? null : instantFromInput(typed);
  }
  const current = currentFacts(incident);
  // A question the post does not carry at all (a client older than the form) keeps its answer.
  const answer = (name: string, read: (typed: string) => unknown, fallback: unknown) => (values[name] === undefined ? fallback : read(text(values, name)));
  const currentNature = current.nature as Record<string, unknown>;
  const delay = answer('lawEnforcementDelayUntil', (typed) => (typed.trim() === '' ? null : typed.trim()), current.lawEnforcementDelayUntil);
  const { role, processorFor } = values.processorFor === undefined && values.role === undefined ? { role: incident.scope.role, processorFor: current.processorFor } : roleFacts(values, incident);
  const kept = new Map(incident.scope.affected.map((row) => [row.jurisdiction, row]));
  const posted: Record<string, unknown> = {
    title: text(values, 'title'),
    severity: text(values, 'severity'),
    summary: text(values, 'summary'),
    affected: rows.map((r) => affectedEntry(r.jurisdiction, r.count, r.countBasis, kept.get(r.jurisdiction))),
    dataCategories: list(values, 'dataCategories').sort(),
    organization,
    encrypted: answer('encrypted', yesNo, current.encrypted),
    keyExposed: answer('keyExposed', yesNo, current.keyExposed),
    redacted: answer('redacted', yesNo, current.redacted),
    role,
    processorFor,
    media: inMediaOrder(list(values, 'media')),
    nature: nature((fact) => answer(`nature.${fact}`, yesNo, currentNature[fact])),
    lawEnforcementDelayUntil: delay,
  };
  const changed = Object.entries(posted).filter(([name, value]) => JSON.stringify(value) !== JSON.stringify(current[name]));
  if (Object.keys(clockFacts).length > 0) changed.push(['clockFacts', clockFacts]);
  return changed.length === 0 ? null : { type: 'UPDATE_SCOPE', ...Object.fromEntries(changed) };
}

/** The service names rows by their place in the list sent; the form numbers them with the blank rows in. */
function onFormRows(failure: FormFailure, rows: PostedRow[]): FormFailure {
  const fields = failure.fields.map((issue) => {
    const match = /^affected\.(\d+)(\..*)?$/.exec(issue.path);
    const row = match === null ? undefined : rows[Number(match[1])]?.row;
    return row === undefined ? issue : { ...issue, path: `affected.${row}${match![2] ?? ''}` };
  });
  return { ...failure, fields };
}

/** POST /console/incidents/:id/scope: the scope editor's save, an UPDATE_SCOPE event. */
export function registerScopeEditor(app: Hono<ConsoleEnv>, deps: ConsoleDeps): void {
  app.post('/incidents/:id/scope', requirePermission('sendIncidentEvents', deps.clock), async (c) => {
    const id = c.req.param('id');
    const { actor } = c.get('session');
    // As on the API's events route: the role must send events at all, then this event in particular.
    if (!mayRoleSend(actor.role, 'UPDATE_SCOPE')) {
      const allowed = EVENT_ROLES.UPDATE_SCOPE.join(', ');
      return messagePage(c, 403, 'Not allowed', `Your role (${actor.role}) may not change the scope; it is for: ${allowed}. Nothing was changed.`, pageContext(c, deps.clock), {
        href: `/console/incidents/${id}`,
        label: 'Back to the incident',
      });
    }
    const values = await readForm(c);
    const rows = affectedRows(values);
    return formAction(
      c,
      SCOPE_FORM,
      values,
      async () => {
        // Same call as the API's POST /incidents/{id}/events with If-Match; the service re-assesses the obligations.
        const version = expectedVersionFrom(text(values, 'expectedVersion'));
        const incident = await deps.incidents.get(id);
        const event = scopeEvent(values, rows, incident);
        if (event === null) return { redirect: `/console/incidents/${id}#scope`, flash: 'Nothing in the scope changed, so nothing was saved.' };
        await deps.incidents.send(id, event, { actor, expectedVersion: version });
        return { redirect: `/console/incidents/${id}#scope`, flash: 'Scope saved; obligations re-assessed.' };
      },
      (failure) => renderIncidentPage(c, deps, id, onFormRows(failure, rows)),
    );
  });
}
