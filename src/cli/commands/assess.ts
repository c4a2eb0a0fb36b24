import type { Command } from 'commander';
import { apiFor, withExamples } from '../command-kit.js';
import { readObject } from '../input-file.js';
import { printJson, printLine, printTable, say } from '../output.js';
import { printObligations, sayUncovered, type ObligationJson, type UncoveredJson } from './incident-printers.js';

interface Content {
  field: string;
  label: string;
  citation?: string;
}

type AssessedObligation = ObligationJson & {
  requiredContents: Content[];
  stages: Array<{ id: string; name: string; requiredContents: Content[] }>;
};

const sameContents = (a: Content[], b: Content[]): boolean => a.map((c) => c.field).join() === b.map((c) => c.field).join();

/** What each notice or report must say, per obligation, and per stage where a stage asks for something else. */
function printContents(obligations: AssessedObligation[]): void {
  const print = (heading: string, contents: Content[]) => {
    printLine(`\n${heading}: required contents`);
    printTable(['FIELD', 'CONTENT', 'CITATION'], contents.map((c) => [c.field, c.label, c.citation]));
  };
  for (const o of obligations) {
    if (o.requiredContents.length > 0) print(o.id, o.requiredContents);
    for (const stage of o.stages) {
      if (stage.requiredContents.length > 0 && !sameContents(stage.requiredContents, o.requiredContents)) print(`${o.id}, ${stage.name}`, stage.requiredContents);
    }
  }
}

/** `12 obligations, 3 urgent (act now), 2 undetermined; waiting for facts: awarenessAt, media` */
function summary(obligations: AssessedObligation[]): string {
  const urgent = obligations.filter((o) => o.urgent).length;
  const open = obligations.filter((o) => o.applies === 'undetermined').length;
  const missing = [...new Set(obligations.flatMap((o) => o.missingFacts))];
  const parts = [`${obligations.length} obligation${obligations.length === 1 ? '' : 's'}`];
  if (urgent > 0) parts.push(`${urgent} urgent (act now, no fixed due time)`);
  if (open > 0) parts.push(`${open} undetermined (marked "if": they turn on facts not recorded yet)`);
  return parts.join(', ') + (missing.length === 0 ? '' : `; waiting for facts: ${missing.join(', ')}`);
}

export function registerAssess(program: Command): void {
  withExamples(
    program
      .command('assess')
      .argument('<file>', 'the facts, YAML or JSON (- for stdin): awarenessAt, organization, affected, dataCategories, …')
      .description('what-if: the duties these facts would bring, with due times and citations (nothing is stored)')
      .option('--contents', 'also print what each notice or report must contain')
      .option('--json', 'print the API’s JSON')
      .addHelpText(
        'after',
        `
A facts file:
  awarenessAt: 2026-11-20T08:00:00+08:00   # null if not yet aware: due times then wait for it
  organization: {}
  affected:
    - { jurisdiction: CN, count: 1200000 }
    - { jurisdiction: DE, count: 40000 }
  dataCategories: [contact, communications_content]`,
      ),
    ['breachline assess facts.yaml', 'breachline assess facts.yaml --contents', 'breachline assess facts.json --json | jq -r ".obligations[].id"'],
  ).action(async (file: string, options, command: Command) => {
    const facts = await readObject(file);
    const { obligations, uncovered } = await apiFor(command).post<{ obligations: AssessedObligation[]; uncovered: UncoveredJson[] }>('/assessments', facts);
    if (options.json) return printJson({ obligations, uncovered });
    if (obligations.length > 0) {
      printObligations(obligations);
      if (options.contents) printContents(obligations);
      say(summary(obligations));
    } else if (uncovered.length === 0) say('no obligations: no regime applies to these facts');
    sayUncovered(uncovered);
  });
}
