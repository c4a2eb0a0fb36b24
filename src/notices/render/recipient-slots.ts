import { randomBytes } from 'node:crypto';
import Handlebars from 'handlebars';
import type { RecipientRender, RecipientView, RenderedMessage } from './render-individual-notice.js';
import { foldSubject, tidyText } from './template-registry.js';

/** Literal text, or the index of the recipient value that goes there. */
type Piece = string | number;

/** One rendering of a notice with a placeholder for each recipient value, cut at the placeholders. */
interface Shape {
  subject: Piece[];
  html: Piece[];
  text: Piece[];
}

/** Beyond this many kinds of recipient, each further kind is rendered in full rather than remembered. */
const MAX_SHAPES = 256;

/**
 * What decides which branches a template takes for a recipient: whether the name and each custom
 * value are there and non-empty (`{{#if}}` tests exactly that). Recipients with the same key get
 * the same text around their values. Keys are length-prefixed so no two lists of names collide.
 */
function shapeKey(recipient: RecipientView, keys: readonly string[]): string {
  let key = recipient.name ? '+' : `-${recipient.name === null ? 'n' : 'e'}`;
  for (const name of keys) key += `${name.length}:${name}${recipient.custom[name] ? '+' : '-'}`;
  return key;
}

function fill(pieces: readonly Piece[], values: readonly string[], encode: (value: string) => string): string {
  let out = '';
  for (const piece of pieces) out += typeof piece === 'string' ? piece : encode(values[piece] as string);
  return out;
}

const raw = (value: string): string => value;

/**
 * A value that cannot change how plain text is tidied (see `tidyText`): no line break and no
 * whitespace at either end. Put into text that is already tidy, it leaves it tidy, so the common
 * case skips tidying the whole text again.
 */
const LEAVES_TEXT_TIDY = /^(?:\S|\S[^\n\r\u2028\u2029]*\S)$/;

/**
 * Renders a notice for many recipients at the cost of a string join each. The template runs once
 * per kind of recipient (see `shapeKey`) with a random placeholder in place of each non-empty
 * value; each recipient's values are then put in, escaped for HTML as Handlebars escapes them and
 * verbatim in the text and the subject, which are folded and tidied again as a full render does.
 * The result is the text a full render gives, because templates may only print or test recipient
 * values (template-checks refuses anything else at start-up); `full` is the full render, used to
 * build each kind and for kinds beyond the first `MAX_SHAPES`.
 */
export function withRecipientSlots(full: RecipientRender): RecipientRender {
  const nonce = randomBytes(12).toString('hex');
  const placeholder = (index: number) => `slot${nonce}n${index}x`;
  const cut = new RegExp(`slot${nonce}n(\\d+)x`);
  const pieces = (text: string): Piece[] => text.split(cut).map((part, i) => (i % 2 === 1 ? Number(part) : part));
  const shapes = new Map<string, Shape>();

  const shapeOf = (recipient: RecipientView, keys: readonly string[]): Shape => {
    const custom: Record<string, string> = {};
    keys.forEach((name, i) => {
      const value = recipient.custom[name] as string;
      custom[name] = value ? placeholder(i + 1) : value;
    });
    const rendered = full({ name: recipient.name ? placeholder(0) : recipient.name, custom });
    return { subject: pieces(rendered.subject), html: pieces(rendered.html), text: pieces(rendered.text) };
  };

  return (recipient): RenderedMessage => {
    const keys = Object.keys(recipient.custom);
    const key = shapeKey(recipient, keys);
    let shape = shapes.get(key);
    if (shape === undefined) {
      if (shapes.size >= MAX_SHAPES) return full(recipient);
      shape = shapeOf(recipient, keys);
      shapes.set(key, shape);
    }
    // Only non-empty values have a placeholder, so only they are put in.
    const values = [recipient.name || '', ...keys.map((name) => recipient.custom[name] as string)];
    return {
      subject: foldSubject(fill(shape.subject, values, raw)),
      html: fill(shape.html, values, Handlebars.escapeExpression),
      text: values.every((value) => value === '' || LEAVES_TEXT_TIDY.test(value)) ? fill(shape.text, values, raw) : tidyText(fill(shape.text, values, raw)),
    };
  };
}
