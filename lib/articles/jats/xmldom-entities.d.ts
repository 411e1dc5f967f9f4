// xmldom ships the WHATWG (HTML5 + MathML) named-character table without typings for its deep path.
declare module '@xmldom/xmldom/lib/entities' {
  export const HTML_ENTITIES: Readonly<Record<string, string>>;
}
