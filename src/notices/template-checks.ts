type Node = hbs.AST.Node;
type Program = hbs.AST.Program;

/** Every statement of a parsed template, nested blocks included. */
function* statements(program: Program | undefined): Generator<hbs.AST.Statement> {
  for (const statement of program?.body ?? []) {
    yield statement;
    const block = statement as Partial<hbs.AST.BlockStatement>;
    yield* statements(block.program);
    yield* statements(block.inverse);
  }
}

const partialName = (node: Node): string | null => {
  const name = (node as hbs.AST.PartialStatement).name as hbs.AST.PathExpression | hbs.AST.SubExpression;
  return name.type === 'PathExpression' && !name.original.startsWith('@') ? name.original : null;
};

/** Names of the partials a template calls (dynamic and `@partial-block` calls excluded). */
export function calledPartials(ast: Program): string[] {
  const names = new Set<string>();
  for (const s of statements(ast)) {
    if (s.type === 'PartialStatement' || s.type === 'PartialBlockStatement') {
      const name = partialName(s);
      if (name !== null) names.add(name);
    }
  }
  return [...names];
}

/**
 * Problems a template author must fix before start-up, each with its line. Triple-stash is refused
 * outright: it is how untrusted text would reach HTML unescaped, and no shipped template needs it.
 * A format-neutral template is rendered both as HTML and as plain text, so its literal text may not
 * hold markup characters: they would be markup in one output and noise in the other.
 */
export function templateProblems(ast: Program, neutral: boolean): string[] {
  const problems: string[] = [];
  for (const s of statements(ast)) {
    const line = s.loc?.start.line ?? 0;
    if (s.type === 'MustacheStatement' && (s as hbs.AST.MustacheStatement).escaped === false) {
      problems.push(`line ${line}: triple-stash {{{ }}} is not allowed; use a helper that escapes`);
    }
    if (neutral && s.type === 'ContentStatement' && /[<>&]/.test((s as hbs.AST.ContentStatement).value)) {
      problems.push(`line ${line}: a template rendered as both HTML and text may not contain <, > or & in its literal text; put markup in partials/html`);
    }
  }
  return problems;
}

