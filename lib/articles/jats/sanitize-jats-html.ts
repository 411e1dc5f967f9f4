// The last gate before storage: whatever the converter produced, only this allowlist is kept,
// so stored HTML is safe to render with dangerouslySetInnerHTML.
import sanitizeHtml from 'sanitize-html';
import { MATH_ATTRIBUTES, MATH_TAGS } from './mathml-to-html';

const options: sanitizeHtml.IOptions = {
  allowedTags: [
    'section',
    'h2',
    'h3',
    'h4',
    'h5',
    'p',
    'a',
    'sup',
    'sub',
    'em',
    'strong',
    'span',
    'u',
    'code',
    'br',
    'hr',
    'figure',
    'figcaption',
    'table',
    'caption',
    'colgroup',
    'col',
    'thead',
    'tbody',
    'tfoot',
    'tr',
    'th',
    'td',
    'ol',
    'ul',
    'li',
    'dl',
    'dt',
    'dd',
    'blockquote',
    'aside',
    'div',
    'picture',
    'source',
    'img',
    'video',
    'audio',
    // MathML Core, with the presentational attributes it defines (no href, no style, no maction).
    ...MATH_TAGS,
  ],
  allowedAttributes: {
    ...MATH_ATTRIBUTES,
    '*': ['id'],
    a: ['href', 'rel', 'download', 'class'],
    // Images and media come only from this site's asset routes: relative URLs (see allowedSchemesByTag).
    img: ['src', 'srcset', 'sizes', 'width', 'height', 'alt', 'loading', 'decoding', 'class'],
    source: ['srcset', 'sizes', 'type'],
    video: ['src', 'controls', 'preload'],
    audio: ['src', 'controls', 'preload'],
    th: [
      'colspan',
      'rowspan',
      'align',
      { name: 'scope', multiple: false, values: ['col', 'row', 'colgroup', 'rowgroup'] },
    ],
    table: ['aria-labelledby'],
    td: ['colspan', 'rowspan', 'align'],
    col: ['span'],
    figure: ['class'],
    span: ['class'],
    ol: ['class', { name: 'type', multiple: false, values: ['1', 'a', 'A', 'i', 'I'] }],
    ul: ['class'],
    p: ['class'],
    // A wide table's scroll region: focusable (keyboard scrolling) and named after its caption.
    div: [
      'class',
      { name: 'role', multiple: false, values: ['region'] },
      { name: 'tabindex', multiple: false, values: ['0'] },
      'aria-labelledby',
      'aria-label',
    ],
    aside: ['class'],
    section: ['class'],
  },
  allowedClasses: {
    figure: ['table', 'fig'],
    a: ['slide-link'],
    img: ['inline-graphic'],
    span: ['small-caps', 'label', 'inline-formula', 'formula-label'],
    ol: ['references'],
    ul: ['list-simple'],
    p: ['attrib', 'figure-actions', 'asset-download', 'asset-external'],
    div: ['table-foot', 'table-scroll', 'footnote', 'supplementary', 'media', 'disp-formula', 'disp-formula-group'],
    aside: ['box'],
    section: ['abstract-extra', 'sub-article'],
  },
  // mailto: for corresponding authors' addresses; nothing else but web links.
  allowedSchemes: ['http', 'https', 'mailto'],
  // No scheme at all for images and media: an absolute URL would be a hotlink (the CSP refuses it).
  allowedSchemesByTag: { img: [], source: [], video: [], audio: [] },
  allowedSchemesAppliedToAttributes: ['href', 'src', 'srcset'],
  allowProtocolRelative: false,
  selfClosing: ['br', 'hr', 'col', 'img', 'source'],
  disallowedTagsMode: 'discard',
  // Images and media only from this site's asset route, which the importer writes; any other
  // relative URL (e.g. an <img> smuggled into MathML text) is not ours and is dropped.
  exclusiveFilter: (frame) =>
    ['img', 'source', 'video', 'audio'].includes(frame.tag) &&
    ![frame.attribs.src, frame.attribs.srcset].some((url) => url?.startsWith('/doi/')),
};

/** Keeps only the allowlisted tags, attributes and http(s)/fragment links. */
export function sanitizeJatsHtml(html: string): string {
  return sanitizeHtml(html, options).trim();
}
