import { readdir, readFile } from 'node:fs/promises';
import { basename, dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import { readPhrases, type LocalePhrases } from './locale-phrases.js';
import { calledPartials, templateProblems } from './template-checks.js';
import { registerHelpers, TemplateRenderError } from './template-helpers.js';

/** A template file that cannot be used; start-up stops and names it. */
export class TemplateFileError extends Error {
  override name = 'TemplateFileError';
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(problems.map((problem) => `${file}: ${problem}`).join('\n'));
  }
}

export const DEFAULT_TEMPLATES_DIR = fileURLToPath(new URL('../../../templates/', import.meta.url));

/** Where the notices to individuals live, one folder per locale. */
export const NOTICES = 'notices/individuals';

type Render = (view: object, options: { data: object; partials: Record<string, Render> }) => string;
type Format = 'html' | 'text';

/** The files of one document: a subject and a body as HTML, as text, or both. */
export interface TemplateSet {
  key: string;
  subject: Render;
  html: Render | null;
  text: Render;
}

interface Source {
  file: string;
  ast: hbs.AST.Program;
  formats: Format[];
}

const BODY_FILES: Readonly<Record<string, Format[]>> = { 'body.hbs': ['html', 'text'], 'body.html.hbs': ['html'], 'body.txt.hbs': ['text'] };

async function hbsFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.hbs')).map((e) => join(e.parentPath, e.name)).sort();
}

/**
 * Discovers every template under `dir`, checks and compiles it once in an isolated Handlebars
 * environment (never the global one), and keeps the compiled functions for the process's life.
 *
 * Layout: `partials/*.hbs` are format-neutral partials, `partials/html/*` and `partials/text/*`
 * the same names per output format; every other folder holding a `subject.hbs` is a template set
 * keyed by its path (`notices/individuals/en`, `reports/eu-gdpr`, `internal/escalation`). A neutral
 * `body.hbs` is compiled twice, escaped for HTML and unescaped for text, so the two parts of one
 * message always say the same thing.
 */
export class TemplateRegistry {
  private constructor(
    private readonly sets: ReadonlyMap<string, TemplateSet>,
    private readonly partials: Readonly<Record<Format, Record<string, Render>>>,
    private readonly phrasesByLocale: ReadonlyMap<string, LocalePhrases>,
  ) {}

  static async load(dir: string = DEFAULT_TEMPLATES_DIR): Promise<TemplateRegistry> {
    const env = Handlebars.create();
    const phrases = new Map<string, LocalePhrases>();
    registerHelpers(env, (locale) => {
      const found = phrases.get(locale);
      if (found === undefined) throw new TemplateRenderError(`no phrases for locale "${locale}" (known: ${[...phrases.keys()].join(', ')})`);
      return found;
    });
    const shown = (file: string) => relative(dir, file).split(sep).join('/');
    const sources: Source[] = [];
    const partialNames: Record<Format, Set<string>> = { html: new Set(), text: new Set() };
    for (const file of await hbsFiles(dir)) {
      const path = shown(file);
      const formats = formatsOf(path);
      if (formats === null) throw new TemplateFileError(path, ['is not a known template file (subject.hbs, body.hbs, body.html.hbs, body.txt.hbs or partials/...)']);
      let ast: hbs.AST.Program;
      try {
        ast = env.parse(await readFile(file, 'utf8'));
      } catch (error) {
        throw new TemplateFileError(path, [(error as Error).message.split('\n').join(' ')]);
      }
      const problems = templateProblems(ast, formats.length === 2);
      if (problems.length > 0) throw new TemplateFileError(path, problems);
      sources.push({ file: path, ast, formats });
      if (path.startsWith('partials/')) for (const format of formats) partialNames[format].add(basename(path, '.hbs'));
    }
    for (const source of sources) {
      for (const format of source.formats) {
        const missing = calledPartials(source.ast).filter((name) => !partialNames[format].has(name));
        if (missing.length > 0) throw new TemplateFileError(source.file, [`calls partial(s) with no ${format} version: ${missing.join(', ')}`]);
      }
    }
    const compile = (source: Source, format: Format): Render => {
      const options = { strict: true, noEscape: format === 'text' };
      try {
        // compile() defers the work to the first render; precompiling surfaces compiler errors now.
        env.precompile(source.ast, options);
      } catch (error) {
        throw new TemplateFileError(source.file, [(error as Error).message.split('\n').join(' ')]);
      }
      return env.compile(source.ast, options) as Render;
    };
    const partials: Record<Format, Record<string, Render>> = { html: {}, text: {} };
    const sets = new Map<string, Partial<TemplateSet> & { key: string }>();
    for (const source of sources) {
      if (source.file.startsWith('partials/')) {
        for (const format of source.formats) partials[format][basename(source.file, '.hbs')] = compile(source, format);
        continue;
      }
      const key = dirname(source.file);
      const set = sets.get(key) ?? { key, html: null };
      const name = basename(source.file);
      if (name === 'subject.hbs') set.subject = compile(source, 'text');
      if (source.formats.includes('html') && name !== 'subject.hbs') set.html = compile(source, 'html');
      if (source.formats.includes('text') && name !== 'subject.hbs') set.text = compile(source, 'text');
      sets.set(key, set);
    }
    const complete = new Map<string, TemplateSet>();
    for (const [key, set] of sets) {
      if (set.subject === undefined || set.text === undefined) {
        throw new TemplateFileError(key, [`needs a subject.hbs and a body (body.hbs, or body.txt.hbs with an optional body.html.hbs)`]);
      }
      complete.set(key, { key, subject: set.subject, html: set.html ?? null, text: set.text });
      if (dirname(key) === NOTICES) {
        const file = `${key}/phrases.yaml`;
        const read = await readPhrases(join(dir, file));
        if ('problems' in read) throw new TemplateFileError(file, read.problems);
        phrases.set(basename(key), read.phrases);
      }
    }
    return new TemplateRegistry(complete, partials, phrases);
  }

  /** A notice language's phrases (see locale-phrases.ts); every shipped locale has them. */
  phrases(locale: string): LocalePhrases | undefined {
    return this.phrasesByLocale.get(locale);
  }

  /** The template set at `key`, or undefined. */
  get(key: string): TemplateSet | undefined {
    return this.sets.get(key);
  }

  /** The last path segment of every set under `prefix`: the locales of a notice, the regimes with a report. */
  namesUnder(prefix: string): string[] {
    return [...this.sets.keys()].filter((key) => dirname(key) === prefix).map((key) => basename(key)).sort();
  }

  /** Renders one set. `data` is handed to helpers (what the document requires, what it rendered). */
  render(set: TemplateSet, view: object, data: object): { subject: string; html: string | null; text: string } {
    const text = { data, partials: this.partials.text };
    return {
      subject: foldSubject(set.subject(view, text)),
      html: set.html === null ? null : set.html(view, { data, partials: this.partials.html }),
      text: tidyText(set.text(view, text)),
    };
  }
}

function formatsOf(path: string): Format[] | null {
  const parts = path.split('/');
  if (parts[0] === 'partials') {
    if (parts.length === 2) return ['html', 'text'];
    if (parts.length === 3 && parts[1] === 'html') return ['html'];
    if (parts.length === 3 && parts[1] === 'text') return ['text'];
    return null;
  }
  const name = parts[parts.length - 1] ?? '';
  if (parts.length < 2) return null;
  return name === 'subject.hbs' ? ['text'] : (BODY_FILES[name] ?? null);
}

/** A subject is one line: template line breaks fold away, and so would any a value brought, so none is left to add a header. */
export const foldSubject = (subject: string): string => subject.replace(/[\s\u0000-\u001f\u007f\u0085]+/g, ' ').trim();

/** Partials leave runs of blank lines in plain text; a reader wants at most one. */
export const tidyText = (text: string): string =>
  text
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
    .concat('\n');
