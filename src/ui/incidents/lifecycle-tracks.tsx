import type { IncidentView } from '../../lifecycle/incident-view.js';

/**
 * The lifecycle drawn: the phases, and while in response its three tracks, each as a stepper.
 * The states are the machine's (lifecycle/incident-machine.ts); this only orders them for reading.
 */
type StepState = 'done' | 'current' | 'upcoming';

const MAIN_PHASES = ['detected', 'response', 'review', 'closed'];

interface Track {
  key: keyof NonNullable<IncidentView['tracks']>;
  label: string;
  steps: string[];
  /** A state off the main line (the machine can reach it from the first steps). */
  branch?: { state: string; from: string };
}

const TRACKS: Track[] = [
  { key: 'containment', label: 'Containment', steps: ['active', 'contained'] },
  {
    key: 'individuals',
    label: 'Notice to individuals',
    steps: ['assessing', 'drafting', 'in_review', 'approved', 'sending', 'notified'],
    branch: { state: 'not_required', from: 'assessing' },
  },
  { key: 'regulators', label: 'Regulators and others', steps: ['assessing', 'reporting', 'done'] },
];

/** "in_review" → "In review". */
export const stateWords = (state: string): string => {
  const words = state.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/** Where each step of a line stands when `current` is its state; a current state off the line leaves `reached` done. */
function stepStates(steps: string[], current: string, reached: string): StepState[] {
  const at = steps.indexOf(current);
  const upTo = at === -1 ? steps.indexOf(reached) : at;
  return steps.map((_, i) => (i < upTo || (at === -1 && i === upTo) ? 'done' : i === at ? 'current' : 'upcoming'));
}

function Step(props: { state: string; status: StepState }) {
  return (
    <li class={`step step-${props.status}`} aria-current={props.status === 'current' ? 'step' : undefined}>
      <span class="step-name">{stateWords(props.state)}</span> <span class="step-status">({props.status})</span>
    </li>
  );
}

/** One line of states as connected steps, with its side branch (if any) beside it. */
function Stepper(props: { label: string; steps: string[]; current: string; branch?: { state: string; from: string } | undefined }) {
  const { steps, current, branch } = props;
  const onBranch = branch !== undefined && current === branch.state;
  const states = stepStates(steps, current, onBranch ? branch.from : steps[0]!);
  return (
    <div class="stepper">
      <ol class="steps" aria-label={props.label}>
        {steps.map((state, i) => (
          <Step state={state} status={states[i]!} />
        ))}
      </ol>
      {branch !== undefined && (
        <p class={onBranch ? 'step-branch step-branch-current' : 'step-branch'}>
          Side branch from {stateWords(branch.from).toLowerCase()}:{' '}
          <span aria-current={onBranch ? 'step' : undefined}>
            {stateWords(branch.state)} ({onBranch ? 'current' : 'not taken'})
          </span>
        </p>
      )}
    </div>
  );
}

export function LifecycleTracks(props: { incident: IncidentView }) {
  const { incident } = props;
  const { tracks } = incident;
  return (
    <section aria-labelledby="lifecycle-heading">
      <h2 id="lifecycle-heading">Where it stands</h2>
      <Stepper label="Phases" steps={MAIN_PHASES} current={incident.phase} branch={{ state: 'dismissed', from: 'detected' }} />
      {tracks !== null && (
        <div class="tracks">
          <p>In response, three tracks run at once; review opens when all three have reached an end.</p>
          {TRACKS.map((track) => (
            <section class="track" aria-labelledby={`track-${track.key}`}>
              <h3 id={`track-${track.key}`}>
                {track.label}: <span class="track-state">{stateWords(tracks[track.key])}</span>
              </h3>
              <Stepper label={`${track.label} track`} steps={track.steps} current={tracks[track.key]} branch={track.branch} />
              {track.key === 'individuals' && incident.individuals.sendPaused !== null && (
                <p class="track-note">Sending is paused: {incident.individuals.sendPaused.reason}</p>
              )}
            </section>
          ))}
        </div>
      )}
    </section>
  );
}
