// xmldom ships the WHATWG (HTML5 + MathML) named-character table without typings for its deep path.
declare module '@xmldom/xmldom/lib/entities' {
  export const HTML_ENTITIES: Readonly<Record<string, string>>;
}

// The grammar module (its `reg` is cached by xmldom-fast-end-tags.ts).
declare module '@xmldom/xmldom/lib/grammar' {
  const grammar: { reg: (...parts: (RegExp | string)[]) => RegExp };
  export default grammar;
}
