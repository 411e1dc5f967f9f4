// A formula in our stored HTML (`<math>…</math>`, written by lib/articles/jats/mathml-to-html.ts)
// as one line of readable text, for search and plain-text exports: fractions as a/b, scripts as
// x_i and x^2, roots as √(…). The TeX annotation temml keeps is not read (it would print the
// source beside the formula); the shown tokens are.
import { decodeEntities } from './decode-entities';

type MathNode = { name: string; children: MathNode[] } | { text: string };

const SPACED_OPERATORS = new Set(['=', '+', '−', '-', '±', '×', '÷', '<', '>', '≤', '≥', '≈', '≠', '→', '∼', '≡']);

/** Reads our own (sanitized, always closed) MathML markup into a tree. */
function parse(html: string): MathNode[] {
  const root: MathNode = { name: '#root', children: [] };
  const stack: { name: string; children: MathNode[] }[] = [root];
  for (const [, close, name, text] of html.matchAll(/<(\/?)([a-z][\w-]*)[^>]*>|([^<]+)/gi)) {
    const top = stack[stack.length - 1]!;
    if (text !== undefined) top.children.push({ text: decodeEntities(text) });
    else if (close) {
      if (stack.length > 1 && top.name === name?.toLowerCase()) stack.pop();
    } else {
      const node = { name: (name ?? '').toLowerCase(), children: [] };
      top.children.push(node);
      stack.push(node);
    }
  }
  return root.children;
}

function isAtom(text: string): boolean {
  return [...text].length <= 1 || /^[\p{L}\p{N}.]+$/u.test(text) || /^√?\([^()]*\)$/.test(text);
}

const group = (text: string) => (isAtom(text) ? text : `(${text})`);

function textOf(node: MathNode): string {
  if ('text' in node) return node.text;
  const parts = node.children.filter((c) => !('text' in c) || c.text.trim() !== '').map(textOf);
  const [a = '', b = '', c = ''] = parts;
  switch (node.name) {
    case 'annotation':
      return '';
    case 'semantics':
      return parts[0] ?? '';
    case 'mfrac':
      return `${group(a)}/${group(b)}`;
    case 'msub':
      return `${group(a)}_${group(b)}`;
    case 'msup':
      return `${group(a)}^${group(b)}`;
    case 'msubsup':
      return `${group(a)}_${group(b)}^${group(c)}`;
    case 'msqrt':
      return `√${group(parts.join(''))}`;
    case 'mroot':
      return `${group(a)}^(1/${b})`;
    // Limits read as scripts (∑_(i = 1)^n); an accent stays on its base (x‾).
    case 'munder':
      return `${a}_${group(b)}`;
    case 'mover':
      return /^[^\p{L}\p{N}]$/u.test(b) ? `${a}${b}` : `${a}^${group(b)}`;
    case 'munderover':
      return `${a}_${group(b)}^${group(c)}`;
    case 'mtr':
      return parts.join(' ');
    case 'mtable':
      return parts.join('; ');
    case 'mspace':
      return ' ';
    case 'mo':
      return SPACED_OPERATORS.has(parts.join('').trim()) ? ` ${parts.join('').trim()} ` : parts.join('');
    default:
      return parts.join('');
  }
}

/** One `<math>` element's markup → text such as `X_k(t,δt)` or `x = (−b ± √(b^2 − 4ac))/(2a)`. */
export function mathmlToText(mathHtml: string): string {
  return parse(mathHtml)
    .map(textOf)
    .join('')
    .replace(/[\s\u2061-\u2064]+/g, (space) => (/\s/.test(space) ? ' ' : ''))
    .replace(/\( /g, '(')
    .replace(/ \)/g, ')')
    .trim();
}

/** Every formula in an HTML string replaced by its text (for code that strips the tags afterwards). */
export function replaceMathWithText(html: string): string {
  return html.replace(/<math\b[\s\S]*?<\/math>/gi, (math) => escapeText(mathmlToText(math)));
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
