import { Option, type Command } from 'commander';
import { apiFor, wholeNumber, withExamples } from '../command-kit.js';
import { CliError, usageError } from '../cli-errors.js';
import { EXIT } from '../exit-codes.js';
import { readObject } from '../input-file.js';
import { printJson, printLine, say } from '../output.js';
import { missingLines, printDiff, printNotice, printNoticeList, printVersionStatus, type DiffJson, type NoticeJson, type VersionJson } from './notice-printers.js';

const notice = (id: string) => `/notices/${encodeURIComponent(id)}`;
const versionPath = (id: string, n: number, action: string) => `${notice(id)}/versions/${n}/${action}`;
const VERSION_ARG = ['<version>', 'version number', wholeNumber(1)] as const;

export function registerNotices(program: Command): void {
  const notices = program.command('notices').description('draft, edit, review and approve notices to individuals and reports to regulators');

  withExamples(
    notices.command('list').argument('<incident>', 'incident id').description('the incident’s notices and reports, each with its newest version').option('--json', 'print the API’s JSON'),
    ['breachline notices list "$ID"', 'breachline notices list "$ID" --json | jq -r ".items[].id"'],
  ).action(async (incident: string, options, command: Command) => {
    const answer = await apiFor(command).get<{ items: NoticeJson[] }>(`/incidents/${encodeURIComponent(incident)}/notices`);
    if (options.json) return printJson(answer);
    if (answer.items.length === 0) return say(`no notices yet: breachline notices draft ${incident} --target individuals --locale en --organization "…"`);
    printNoticeList(answer.items);
  });

  withExamples(
    notices
      .command('draft')
      .argument('<incident>', 'incident id')
      .description('draft a notice from the incident’s facts; prints its id')
      .requiredOption('--target <target>', '`individuals`, or the id of one of the incident’s regulator obligations')
      .option('--organization <name>', 'the organisation the document speaks for (default: the organisation setting)')
      .option('--locale <locale...>', 'notices to individuals: the locale(s) to write in, the primary first (default: the affected people’s languages)')
      .option('--sender-name <name>', 'notices to individuals: the sender’s name readers see (default: the organisation setting, else MAIL_FROM)')
      .option('--sender-address <address>', 'notices to individuals: the address the notice comes from')
      .option('--stage <stage>', 'a staged report: which one (default its first stage)')
      .option('--json', 'print the new notice’s JSON instead of its id'),
    [
      'NOTICE=$(breachline notices draft "$ID" --target individuals --locale zh-CN de --organization "Acme Chat" --sender-address privacy@acme.example)',
      'breachline notices draft "$ID" --target eu-gdpr:regulator:DE --organization "Acme Ltd"',
    ],
  ).action(async (incident: string, options, command: Command) => {
    const locales = (options.locale ?? []) as string[];
    const flags = { organizationName: options.organization, stage: options.stage, senderName: options.senderName, senderAddress: options.senderAddress };
    const created = await apiFor(command).post<NoticeJson>(`/incidents/${encodeURIComponent(incident)}/notices`, {
      target: options.target,
      ...(locales.length === 1 ? { locale: locales[0] } : locales.length > 1 ? { locales } : {}),
      ...Object.fromEntries(Object.entries(flags).filter(([, value]) => value !== undefined)),
    });
    if (options.json) return printJson(created);
    printLine(created.id);
    say(`drafted ${created.target} notice, version 1 in ${created.latest.locales.join(', ') || 'its regime’s language'}; missing ${missingLines(created).join('; ')}`);
  });

  withExamples(
    notices
      .command('show')
      .argument('<notice>', 'notice id')
      .argument('[version]', 'the version to show (default the newest)', wholeNumber(1))
      .description('a notice: status, versions, what it must contain, what is missing, and one version’s words')
      .option('--json', 'print the API’s JSON (the notice; with a version number, that version)'),
    ['breachline notices show "$NOTICE"', 'breachline notices show "$NOTICE" 2', 'breachline notices show "$NOTICE" --json | jq .missingByLocale'],
  ).action(async (id: string, number: number | undefined, options, command: Command) => {
    const api = apiFor(command);
    const [found, { items }] = await Promise.all([api.get<NoticeJson>(notice(id)), api.get<{ items: VersionJson[] }>(`${notice(id)}/versions`)]);
    const shown = number === undefined ? found.latest : items.find((v) => v.number === number);
    if (shown === undefined) throw new CliError(`notice ${id} has no version ${number} (newest is ${found.latest.number})`, EXIT.notFound);
    if (options.json) return printJson(number === undefined ? found : shown);
    printNotice(found, items, shown);
  });

  withExamples(
    notices
      .command('edit')
      .argument('<notice>', 'notice id')
      .argument('[items...]', 'items to set as key=value (`key=` clears one); in the primary locale, or in --locale')
      .description('write a new version; prints its number')
      .option('--file <file>', 'the edit as YAML or JSON with the API’s keys: fields, translations, organizationName, title, summary, locale (- for stdin)')
      .option('--locale <locale>', 'the locale the key=value items are in; one the notice is not written in yet is added, pre-filled from the facts')
      .option('--primary <locale>', 'make this locale the primary one')
      .option('--remove-locale <locale>', 'stop writing the notice in this locale')
      .option('--organization <name>', 'the organisation the document speaks for')
      .option('--sender-name <name>', 'notices to individuals: the sender’s name readers see')
      .option('--sender-address <address>', 'notices to individuals: the address the notice comes from')
      .option('--title <title>', 'reports: the incident title the report opens with')
      .option('--summary <text>', 'reports: the incident summary')
      .option('--based-on <n>', 'the version you edited; if a newer one exists, refuse (exit 6)', wholeNumber(1))
      .option('--json', 'print the new version’s JSON instead of its number'),
    [
      'breachline notices edit "$NOTICE" contact="Our data protection officer: dpo@acme.example" whatWeAreDoing="We closed the port." --based-on 1',
      'breachline notices edit "$NOTICE" --locale de likelyConsequences="Sie könnten betrügerische Nachrichten erhalten."',
      'breachline notices edit "$NOTICE" --file notice.yaml   # fields: {...}  translations: {en: {...}}',
    ],
  ).action(async (id: string, pairs: string[], options, command: Command) => {
    const api = apiFor(command);
    const items = itemsFromPairs(pairs);
    const file = options.file === undefined ? {} : await readObject(options.file);
    const primary = options.locale === undefined ? undefined : (await api.get<NoticeJson>(notice(id))).latest.locale;
    const body = editBody(file, options, items, primary);
    if (Object.keys(body).every((key) => key === 'basedOn')) throw usageError('nothing to change: give key=value items, --file, or a flag such as --organization');
    const version = await api.post<VersionJson>(`${notice(id)}/versions`, body);
    if (options.json) return printJson(version);
    printLine(String(version.number));
    const after = await api.get<NoticeJson>(notice(id));
    say(`notice ${id}: version ${version.number} (${version.status}); missing ${missingLines(after).join('; ')}`);
  });

  for (const [action, description, example] of [
    ['submit', 'send the newest version to legal review (refused while a required item is blank or suggested text remains)', 'breachline notices submit "$NOTICE" 2'],
    ['approve', 'legal: approve the version (not one you wrote); it may then be sent', 'breachline notices approve "$NOTICE" 2'],
    ['request-changes', 'legal: send the version back with a comment', 'breachline notices request-changes "$NOTICE" 2 --comment "Name the DPO"'],
  ] as const) {
    const step = notices.command(action).argument('<notice>', 'notice id').argument(...VERSION_ARG).description(description);
    if (action === 'request-changes') step.requiredOption('--comment <text>', 'what to change');
    withExamples(step.option('--json', 'print the version’s JSON'), [example]).action(async (id: string, n: number, options, command: Command) => {
      const body = options.comment === undefined ? undefined : { body: options.comment };
      printVersionStatus(id, await apiFor(command).post<VersionJson>(versionPath(id, n, action), body), options.json);
    });
  }

  withExamples(
    notices.command('comment').argument('<notice>', 'notice id').argument(...VERSION_ARG).description('comment on a version; prints the comment id').requiredOption('--body <text>', 'the comment'),
    ['breachline notices comment "$NOTICE" 2 --body "Reads well."'],
  ).action(async (id: string, n: number, options, command: Command) => {
    const comment = await apiFor(command).post<{ id: string }>(versionPath(id, n, 'comments'), { body: options.body });
    printLine(comment.id);
    say(`commented on notice ${id} version ${n}`);
  });

  withExamples(
    notices
      .command('diff')
      .argument('<notice>', 'notice id')
      .description('what changed between two versions, item by item and locale by locale')
      .option('--from <n>', 'the older version (default the one before --to)', wholeNumber(1))
      .option('--to <n>', 'the newer version (default the newest)', wholeNumber(1))
      .option('--rendered', 'the unified diff of the rendered text instead')
      .option('--json', 'print the API’s JSON'),
    ['breachline notices diff "$NOTICE"', 'breachline notices diff "$NOTICE" --from 1 --to 3 --rendered'],
  ).action(async (id: string, options, command: Command) => {
    const api = apiFor(command);
    const to: number = options.to ?? (await api.get<NoticeJson>(notice(id))).latest.number;
    const from: number = options.from ?? to - 1;
    if (from < 1) return say(`notice ${id} has only version ${to}: nothing to compare`);
    const diff = await api.get<DiffJson>(`${notice(id)}/diff`, { from, to });
    if (options.json) return printJson(diff);
    if (!options.rendered) return printDiff(diff);
    if (diff.textPatch === null) return say(`no rendered text to compare: ${diff.textUnavailable ?? 'neither version renders'}`);
    process.stdout.write(diff.textPatch.endsWith('\n') ? diff.textPatch : `${diff.textPatch}\n`);
  });

  withExamples(
    notices
      .command('preview')
      .argument('<notice>', 'notice id')
      .argument(...VERSION_ARG)
      .description('the version rendered as the recipient reads it (text by default)')
      .option('--locale <locale>', 'notices to individuals: which of its locales (default the primary)')
      .option('--name <name>', 'notices to individuals: a sample recipient’s name')
      .addOption(new Option('--html', 'the HTML instead of the text').conflicts(['text', 'json']))
      .addOption(new Option('--text', 'the subject and plain text (the default)').conflicts('json'))
      .option('--json', 'print the API’s JSON (subject, html, text)'),
    ['breachline notices preview "$NOTICE" 2 --locale zh-CN --name 李雷', 'breachline notices preview "$NOTICE" 2 --html > notice.html'],
  ).action(async (id: string, n: number, options, command: Command) => {
    const query = { locale: options.locale, name: options.name };
    const preview = await apiFor(command).get<{ subject: string; from: string | null; html: string | null; text: string }>(`${notice(id)}/versions/${n}/preview`, query);
    if (options.json) return printJson(preview);
    if (options.html && preview.html === null) throw new CliError(`notice ${id} renders as text only`, EXIT.usage);
    const headers = `${preview.from === null ? '' : `From: ${preview.from}\n`}Subject: ${preview.subject}`;
    printLine((options.html ? preview.html! : `${headers}\n\n${preview.text}`).replace(/\n+$/, ''));
  });
}

/** `key=value` items as the API's item edits: values stay text (notices hold words, not JSON); `key=` clears. */
function itemsFromPairs(pairs: string[]): Record<string, string | null> {
  return Object.fromEntries(
    pairs.map((pair) => {
      const match = /^([A-Za-z][A-Za-z0-9]*)=(.*)$/s.exec(pair);
      if (match === null) throw usageError(`"${pair}": expected key=value with a camelCase key (e.g. contact="dpo@acme.example")`);
      return [match[1]!, match[2] === '' ? null : match[2]!];
    }),
  );
}

/** The edit body: the file's, then the key=value items in their locale, then the flags, each over the one before. */
function editBody(file: Record<string, unknown>, options: Record<string, unknown>, items: Record<string, string | null>, primary: string | null | undefined): Record<string, unknown> {
  const mapping = (key: string): Record<string, unknown> => {
    const value = file[key] ?? {};
    if (typeof value !== 'object' || Array.isArray(value)) throw usageError(`${options.file}: ${key} must be a mapping`);
    return { ...value };
  };
  const [fields, translations] = [mapping('fields'), mapping('translations')];
  const locale = options.locale as string | undefined;
  if (locale === undefined || locale === primary) Object.assign(fields, items);
  else translations[locale] = { ...(translations[locale] as object | undefined), ...items };
  if (options.removeLocale !== undefined) translations[options.removeLocale as string] = null;
  const flags = {
    basedOn: options.basedOn,
    organizationName: options.organization,
    senderName: options.senderName,
    senderAddress: options.senderAddress,
    title: options.title,
    summary: options.summary,
    locale: options.primary,
  };
  const body = { ...file, fields, translations, ...Object.fromEntries(Object.entries(flags).filter(([, value]) => value !== undefined)) };
  return Object.fromEntries(Object.entries(body).filter(([key, value]) => !['fields', 'translations'].includes(key) || Object.keys(value as object).length > 0));
}
