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

type Expression = hbs.AST.Expression;

/** Whether a path can reach the recipient's values: `recipient...` from any depth, `@root.recipient...`, or the whole context. */
function reachesRecipient(node: Expression): boolean {
  if (node.type !== 'PathExpression') return false;
  const { parts, data } = node as hbs.AST.PathExpression;
  if (data) return parts[0] === 'root' && (parts.length === 1 || parts[1] === 'recipient');
  return parts.length === 0 || parts[0] === 'recipient';
}

const TESTS = new Set(['if', 'unless']);

/** The parts of a helper call, block, partial or sub-expression, as far as a value can be handed over. */
interface Call {
  type: string;
  path?: hbs.AST.Node;
  params?: Expression[];
  hash?: hbs.AST.Hash;
  program?: Program;
  inverse?: Program;
}

/**
 * Lines where a recipient value is used other than printed (`{{recipient.name}}`) or tested
 * (`{{#if recipient.name}}`). Delivery renders a notice once per kind of recipient with
 * placeholders and fills each recipient's values into that text, so a helper, partial or block
 * handed a recipient value would work on the placeholder, not on the value.
 */
function recipientMisuse(ast: Program): number[] {
  const lines: number[] = [];
  const visit = (node: hbs.AST.Node | undefined, allowed: boolean): void => {
    if (node === undefined) return;
    const line = node.loc?.start.line ?? 0;
    const call: Call = node;
    switch (node.type) {
      case 'PathExpression':
        if (!allowed && reachesRecipient(node as Expression)) lines.push(line);
        return;
      case 'Program':
        for (const statement of (node as Program).body) visit(statement, false);
        return;
      case 'MustacheStatement':
      case 'BlockStatement':
      case 'SubExpression':
      case 'PartialStatement':
      case 'PartialBlockStatement':
      case 'DecoratorBlock': {
        const params = call.params ?? [];
        const printed = node.type === 'MustacheStatement' && params.length === 0 && call.hash === undefined;
        const helper = call.path?.type === 'PathExpression' ? (call.path as hbs.AST.PathExpression).original : '';
        const tested = node.type === 'BlockStatement' && params.length === 1 && TESTS.has(helper);
        // A partial's name is not a value; a helper's path is printed when it takes no parameters.
        if (node.type !== 'PartialStatement' && node.type !== 'PartialBlockStatement') visit(call.path, printed);
        for (const param of params) visit(param, tested);
        for (const pair of call.hash?.pairs ?? []) visit(pair.value, false);
        visit(call.program, false);
        visit(call.inverse, false);
        return;
      }
      default:
        return;
    }
  };
  visit(ast, false);
  return lines;
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
  for (const line of recipientMisuse(ast)) {
    problems.push(`line ${line}: a recipient value may only be printed ({{recipient.name}}) or tested ({{#if recipient.name}}); helpers, partials and blocks see a placeholder, not the value`);
  }
  return problems;
}

