// Stored (sanitized) article HTML as blocks the PDF typesetter draws: headings, paragraphs, list
// items, tables, figures, display formulas and references, each of styled runs.
import { type ChildNode, type Element, isTag, isText } from 'domhandler';
import { parseDocument } from 'htmlparser2';
import { listNumber } from './list-number';
import { mathmlToRuns } from './mathml-to-runs';
import type { Block, Run, TableCell } from './pdf-blocks';

type Style = Pick<Run, 'isBold' | 'isItalic' | 'script'>;

const isElement = (node: ChildNode): node is Element => isTag(node);
const hasClass = (node: Element, name: string) => (node.attribs.class ?? '').split(/\s+/).includes(name);

const BLOCK_TAGS = new Set([
  'section',
  'div',
  'aside',
  'blockquote',
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'li',
  'dl',
  'dt',
  'dd',
  'figure',
  'table',
  'hr',
]);
/** A cited reference number as the importer writes it: "1", "[1]", "[1–3]", "1,2". */
const CITATION_TEXT = /^\[?\s*\d+(?:\s*[-–,]\s*\d+)*\s*\]?$/;

function isDisplayMath(node: Element): boolean {
  return node.name === 'math' && node.attribs.display === 'block';
}

function isBlock(node: ChildNode): node is Element {
  return isElement(node) && (BLOCK_TAGS.has(node.name) || isDisplayMath(node));
}

/** Inline content as runs; a citation link becomes a raised number with no space before it. */
function inlineRuns(nodes: ChildNode[], style: Style, out: Run[]): void {
  for (const node of nodes) {
    if (isText(node)) {
      if (node.data) out.push({ text: decode(node.data), ...style });
      continue;
    }
    if (!isElement(node)) continue;
    switch (node.name) {
      case 'em':
      case 'i':
        inlineRuns(node.children, { ...style, isItalic: !style.isItalic }, out);
        break;
      case 'strong':
      case 'b':
        inlineRuns(node.children, { ...style, isBold: true }, out);
        break;
      case 'sup':
      case 'sub':
        inlineRuns(node.children, { ...style, script: style.script ?? node.name }, out);
        break;
      case 'br':
        out.push({ text: '\n', ...style });
        break;
      case 'math':
        out.push(...mathmlToRuns(node, style));
        break;
      case 'a': {
        const text = textContent(node).trim();
        if ((node.attribs.href ?? '').startsWith('#') && CITATION_TEXT.test(text)) {
          out.push({ text: text.replace(/[[\]\s]/g, ''), ...style, script: 'sup', isCitation: true });
        } else {
          inlineRuns(node.children, style, out);
        }
        break;
      }
      default:
        inlineRuns(node.children, style, out);
    }
  }
}

/** Joins "[2], [3]" into one raised "2,3" and takes away the space before a raised citation. */
function tidyCitations(runs: Run[]): Run[] {
  const out: Run[] = [];
  runs.forEach((run, i) => {
    const next = runs[i + 1];
    const previous = out[out.length - 1];
    if (next?.isCitation && previous?.isCitation && /^\s*[,–-]\s*$/.test(run.text) && !run.isCitation) {
      out.push({ ...previous, text: run.text.trim(), isCitation: true });
      return;
    }
    if (run.isCitation && previous && !previous.isCitation) previous.text = previous.text.replace(/\s+$/, '');
    out.push({ ...run });
  });
  return out;
}

function textContent(node: ChildNode): string {
  if (isText(node)) return decode(node.data);
  return isElement(node) ? node.children.map(textContent).join('') : '';
}

function decode(text: string): string {
  // htmlparser2 decodes entities itself; only no-break spaces need to become plain ones here.
  return text.replace(/\u00a0/g, ' ');
}

function runsOf(nodes: ChildNode[], style: Style = {}): Run[] {
  const runs: Run[] = [];
  inlineRuns(nodes, style, runs);
  return tidyCitations(runs);
}

const hasText = (runs: Run[]) => runs.some((r) => r.text.trim().length > 0);

function tableRows(table: Element): TableCell[][] {
  const rows: TableCell[][] = [];
  const visit = (node: Element, isHead: boolean) => {
    for (const child of node.children.filter(isElement)) {
      if (child.name === 'tr') {
        rows.push(
          child.children.filter(isElement).map((cell) => ({
            runs: runsOf(cell.children),
            isHeader: isHead || cell.name === 'th',
            colspan: Math.max(1, Math.min(50, Number(cell.attribs.colspan) || 1)),
            rowspan: Math.max(1, Math.min(500, Number(cell.attribs.rowspan) || 1)),
            ...(cell.attribs.align === 'center' || cell.attribs.align === 'right' ? { align: cell.attribs.align } : {}),
          })),
        );
      } else if (child.name !== 'caption' && child.name !== 'colgroup') {
        visit(child, isHead || child.name === 'thead');
      }
    }
  };
  visit(table, false);
  return rows.filter((row) => row.length > 0);
}

function tableBlock(figure: Element): Block {
  const parts = figure.children.filter(isElement);
  const table = figure.name === 'table' ? figure : parts.find((p) => p.name === 'table');
  const caption =
    parts.find((p) => p.name === 'figcaption') ?? table?.children.filter(isElement).find((c) => c.name === 'caption');
  const notes = parts
    .filter((p) => p.name === 'div')
    .flatMap((div) => toBlocks(div.children))
    .filter((b): b is Extract<Block, { kind: 'paragraph' }> => b.kind === 'paragraph')
    .map((b) => b.runs);
  return {
    kind: 'table',
    id: figure.attribs.id ?? null,
    caption: caption ? runsOf(caption.children) : [],
    rows: table ? tableRows(table) : [],
    notes,
  };
}

/** Block-level nodes in order; loose inline content between blocks becomes a paragraph. */
function toBlocks(nodes: ChildNode[], depth = 0, out: Block[] = []): Block[] {
  let pending: ChildNode[] = [];
  const flush = () => {
    const runs = runsOf(pending);
    if (hasText(runs)) out.push({ kind: 'paragraph', runs, ...(depth > 0 ? { depth } : {}) });
    pending = [];
  };
  for (const node of nodes) {
    if (!isBlock(node)) {
      pending.push(node);
      continue;
    }
    flush();
    blockOf(node, depth, out);
  }
  flush();
  return out;
}

function blockOf(node: Element, depth: number, out: Block[]): void {
  const heading = /^h([1-6])$/.exec(node.name);
  if (heading) {
    out.push({ kind: 'heading', level: Number(heading[1]), runs: runsOf(node.children) });
  } else if (node.name === 'p' || node.name === 'dd') {
    const runs = runsOf(node.children);
    if (hasText(runs)) out.push({ kind: 'paragraph', runs, ...(depth > 0 ? { depth } : {}) });
  } else if (node.name === 'dt') {
    out.push({ kind: 'paragraph', runs: runsOf(node.children, { isBold: true }) });
  } else if (node.name === 'ol' && hasClass(node, 'references')) {
    node.children
      .filter(isElement)
      .forEach((li, i) => out.push({ kind: 'reference', label: `${i + 1}.`, runs: runsOf(li.children) }));
  } else if (node.name === 'ul' || node.name === 'ol') {
    listItems(node, depth, out);
  } else if ((node.name === 'figure' && hasClass(node, 'table')) || node.name === 'table') {
    out.push(tableBlock(node));
  } else if (node.name === 'figure') {
    const caption = node.children.filter(isElement).find((c) => c.name === 'figcaption');
    out.push({ kind: 'figure', id: node.attribs.id ?? null, caption: caption ? runsOf(caption.children) : [] });
  } else if (isDisplayMath(node)) {
    out.push({ kind: 'formula', runs: mathmlToRuns(node), label: '' });
  } else if (isFormulaBox(node)) {
    const math = node.children.filter(isElement).find((c) => c.name === 'math');
    const label = node.children.filter((c) => c !== math);
    if (math)
      out.push({
        kind: 'formula',
        runs: mathmlToRuns(math),
        label: runsOf(label)
          .map((r) => r.text)
          .join('')
          .trim(),
      });
  } else if (node.name !== 'hr') {
    toBlocks(node.children, depth, out);
  }
}

/** A block that holds one `<math>` and at most a label: a display formula. */
function isFormulaBox(node: Element): boolean {
  const children = node.children.filter((c) => !isText(c) || c.data.trim());
  const maths = children.filter((c) => isElement(c) && c.name === 'math');
  return maths.length === 1 && children.length <= 2;
}

function listItems(list: Element, depth: number, out: Block[]): void {
  const isSimple = hasClass(list, 'list-simple');
  const type = list.attribs.type ?? '1';
  list.children.filter(isElement).forEach((li, i) => {
    const marker = isSimple ? '' : list.name === 'ul' ? '•' : `${listNumber(i + 1, type)}.`;
    const items = toBlocks(li.children, depth + 1);
    const first = items[0];
    if (first?.kind === 'paragraph') items[0] = { ...first, marker };
    out.push(...items);
  });
}

/** Parses stored article HTML into the blocks the PDF draws. */
export function htmlToBlocks(html: string): Block[] {
  return toBlocks(parseDocument(html, { decodeEntities: true, recognizeSelfClosing: true }).children);
}

/** One line of inline HTML (a title) as runs. */
export function htmlToRuns(html: string): Run[] {
  return runsOf(parseDocument(html, { decodeEntities: true, recognizeSelfClosing: true }).children);
}
