import type { IncidentView } from '../../lifecycle/incident-view.js';
import type { IncidentObligation } from '../../obligations/live-status.js';
import type { ObligationGroup } from '../../obligations/obligation-groups.js';
import type { Recipient } from '../../obligations/regime-schema.js';
import type { FormFailure } from '../form-action.js';
import type { PageContext } from '../page-context.js';
import { Actions, AppliesNote, Citation, Due, DueAt, OPEN, rowActions, Status } from './obligation-cells.js';
import type { ActorNames } from './scope-editor.js';
import { UncoveredPanel, type UncoveredPlace } from './uncovered-panel.js';

interface TableProps {
  ctx: PageContext;
  incident: IncidentView;
  /** The obligations service's per-incident view: due times, the regulator's zone, live status. */
  obligations: IncidentObligation[];
  /** The same duties by recipient and jurisdiction, the most pressing first. */
  groups: ObligationGroup[];
  /** The affected places no rules cover, with legal's decision for each. */
  uncovered: UncoveredPlace[];
  failure: FormFailure | null;
  actorNames: ActorNames;
}

const GROUP_WORDS: Readonly<Record<Recipient, string>> = {
  individuals: 'Notify individuals in',
  regulator: 'Report to regulators in',
  media: 'Notify the media in',
  other: 'Notify others in',
};

/** The group's due time: the earliest fixed one, said to be "immediately" as well when any duty demands action now. */
function GroupDue(props: { group: ObligationGroup; members: IncidentObligation[]; now: Date }) {
  const { group, members } = props;
  const fixed = members.find((m) => m.dueAt !== null && m.dueAt === group.dueAt);
  if (fixed !== undefined && group.dueAt !== null) {
    return (
      <>
        {group.urgent && (
          <>
            Immediately, at the latest by
            <br />
          </>
        )}
        <DueAt dueAt={group.dueAt} zone={fixed.timeZone} open={OPEN.has(fixed.status)} now={props.now} />
      </>
    );
  }
  if (group.urgent) return <span>Immediately</span>;
  return <Due obligation={members[0] as IncidentObligation} now={props.now} />;
}

function Citations(props: { members: IncidentObligation[] }) {
  return (
    <ul class="citations">
      {props.members.map((m) => (
        <li>
          <Citation obligation={m} />
        </li>
      ))}
    </ul>
  );
}

/** The duties to individuals of one place share the individuals track: one status, unless their clocks set them apart. */
function SharedStatus(props: { members: IncidentObligation[]; incident: IncidentView }) {
  const { members, incident } = props;
  const first = members[0] as IncidentObligation;
  if (members.every((m) => m.status === first.status)) return <Status obligation={first} incident={incident} />;
  return (
    <ul class="citations">
      {members.map((m) => (
        <li>
          {m.citation}: <Status obligation={m} incident={incident} />
        </li>
      ))}
    </ul>
  );
}

/** The authority with the languages it takes reports in, where the rules name them: "CNIL (reports in fr)". */
const authorityText = (o: Pick<IncidentObligation, 'authority' | 'authorityLanguages'>): string | null =>
  o.authority === null ? null : o.authorityLanguages.length === 0 ? o.authority : `${o.authority} (reports in ${o.authorityLanguages.join(', ')})`;

/**
 * One audience in one place: a row naming it, when and under which laws. A single duty, or the
 * duties to individuals (one notice answers them all), fill that row; several reports (each to its
 * own authority, with its own status) follow as a row each under it.
 */
function GroupRows(props: TableProps & { group: ObligationGroup; withActions: boolean }) {
  const { ctx, incident, group, withActions, failure } = props;
  const members = group.duties.map((id) => props.obligations.find((o) => o.id === id)).filter((o) => o !== undefined);
  const first = members[0];
  if (first === undefined) return null;
  const oneRow = members.length === 1 || group.recipient === 'individuals';
  const authorities = [...new Set(members.map(authorityText).filter((a) => a !== null))];
  return (
    <tbody class="obligation-group">
      <tr class={oneRow && members.every((m) => m.applies === 'undetermined') ? 'group-row undetermined' : 'group-row'}>
        <th scope={oneRow ? 'row' : 'rowgroup'}>
          {GROUP_WORDS[group.recipient]} {group.jurisdictionName}
          {members.length === 1 && <span class="regime-name">{first.regimeName}</span>}
          {oneRow && members.map((m) => <AppliesNote obligation={m} named={members.length > 1} />)}
        </th>
        <td>{oneRow ? (authorities.length > 0 ? authorities.join('; ') : <span class="muted">—</span>) : <span class="muted">{members.length} duties, each below</span>}</td>
        <td>
          <GroupDue group={group} members={members} now={ctx.now} />
        </td>
        <td>
          <Citations members={members} />
        </td>
        <td>{oneRow ? <SharedStatus members={members} incident={incident} /> : <span class="muted">each below</span>}</td>
        {withActions && <td>{oneRow && members.map((m) => <Actions ctx={ctx} incident={incident} obligation={m} failure={failure} />)}</td>}
      </tr>
      {!oneRow &&
        members.map((m) => (
          <tr class={m.applies === 'undetermined' ? 'duty-row undetermined' : 'duty-row'}>
            <th scope="row">
              {m.regimeName}
              <AppliesNote obligation={m} />
            </th>
            <td>{authorityText(m) ?? <span class="muted">—</span>}</td>
            <td>
              <Due obligation={m} now={ctx.now} />
            </td>
            <td>
              <Citation obligation={m} />
            </td>
            <td>
              <Status obligation={m} incident={incident} />
            </td>
            {withActions && (
              <td>
                <Actions ctx={ctx} incident={incident} obligation={m} failure={failure} />
              </td>
            )}
          </tr>
        ))}
    </tbody>
  );
}

/** Who must be told, by when (on the regulator's clock and in UTC), under which law, and where each stands: one row per audience and place. */
export function ObligationsTable(props: TableProps) {
  const { ctx, incident, obligations, groups, uncovered } = props;
  const withActions = obligations.some((o) => rowActions(ctx, incident, o.id).length > 0);
  const undetermined = obligations.filter((o) => o.applies === 'undetermined').length;
  return (
    <section aria-labelledby="obligations-heading">
      <h2 id="obligations-heading">Obligations</h2>
      <UncoveredPanel ctx={ctx} incident={incident} uncovered={uncovered} failure={props.failure} actorNames={props.actorNames} />
      {undetermined > 0 && (
        <p class="hint">
          {undetermined === 1 ? '1 duty is undetermined: whether it is owed turns on' : `${undetermined} duties are undetermined: whether each is owed turns on`} a
          fact not recorded yet, named beside it. Record the fact in the scope to settle it.
        </p>
      )}
      {obligations.length === 0 ? (
        uncovered.length > 0 ? (
          <p>No duties from the rules in Breachline on the facts known so far; the places above have no rules here and are for legal to decide.</p>
        ) : (
          <p>No obligations apply on the facts known so far. Set the scope (who is affected, where, which data) to assess them.</p>
        )
      ) : (
        <table class="obligations">
          <caption>Who must be told, and by when</caption>
          <thead>
            <tr>
              <th scope="col">Duty</th>
              <th scope="col">Authority</th>
              <th scope="col">Due (local time and UTC)</th>
              <th scope="col">Citation</th>
              <th scope="col">Status</th>
              {withActions && <th scope="col">Record</th>}
            </tr>
          </thead>
          {groups.map((group) => (
            <GroupRows {...props} group={group} withActions={withActions} />
          ))}
        </table>
      )}
    </section>
  );
}
