// The project's import boundaries, as ESLint rules (eslint.config.mjs):
// - components/ and lib/ never import from app/ (routes only; server actions live in lib/<domain>/);
// - a client component ('use client') never imports a module marked `import 'server-only'`
//   (its code would be sent to the browser; Next would refuse it only at build time). Server
//   action modules ('use server') are fine: the client gets a reference to call, not their code;
// - the domain (lib/) never imports the HTTP layer (lib/http/): only app/, components/ and lib's
//   HTTP adapters do, which are named for it (isHttpAdapter below).
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');
const EXTENSIONS = ['', '.ts', '.tsx', '.js', '.mjs', '/index.ts', '/index.tsx'];

/** The file an import names inside this project, or null (a package, or not found). */
function resolveImport(fromFile, specifier) {
  let base;
  if (specifier.startsWith('@/')) base = path.join(root, specifier.slice(2));
  else if (specifier.startsWith('.')) base = path.resolve(path.dirname(fromFile), specifier);
  else return null;
  for (const extension of EXTENSIONS) {
    const file = base + extension;
    if (fs.existsSync(file) && fs.statSync(file).isFile()) return file;
  }
  return null;
}

const markers = new Map();
/** Whether a module is server-only: it imports 'server-only' and is not a server actions module. */
function isServerOnlyModule(file) {
  if (!markers.has(file)) {
    const text = fs.readFileSync(file, 'utf8');
    const isActions = /^\s*(?:\/\/[^\n]*\n|\/\*[\s\S]*?\*\/\s*)*['"]use server['"]/.test(text);
    markers.set(file, !isActions && /^import\s+['"]server-only['"]/m.test(text));
  }
  return markers.get(file);
}

const isTypeOnly = (node) =>
  node.importKind === 'type' || (node.specifiers.length > 0 && node.specifiers.every((s) => s.importKind === 'type'));

const noServerOnlyInClient = {
  meta: {
    type: 'problem',
    messages: {
      serverOnly:
        'A client component may not import {{module}}: it is server-only (its code and secrets would go to the browser). Pass the data down from a server component, or call a server action.',
    },
    schema: [],
  },
  create(context) {
    const isClient = context.sourceCode.ast.body.some(
      (node) => node.type === 'ExpressionStatement' && node.directive === 'use client',
    );
    if (!isClient) return {};
    return {
      ImportDeclaration(node) {
        if (isTypeOnly(node)) return;
        const specifier = String(node.source.value);
        const file = specifier === 'server-only' ? null : resolveImport(context.filename, specifier);
        if (specifier === 'server-only' || (file && isServerOnlyModule(file)))
          context.report({ node, messageId: 'serverOnly', data: { module: specifier } });
      },
    };
  },
};

const httpLayer = path.join(root, 'lib', 'http');
const isUnder = (file, folder) => file === folder || file.startsWith(folder + path.sep);

/**
 * lib/'s HTTP adapters, the only files of lib/ besides lib/http/ itself that may import it, named
 * by their role: server actions (`actions.ts`, `<what>-actions.ts`: the form helpers of
 * lib/http/action.ts), guards (`<who>-guard.ts`: who may call a route or an action, answered as
 * HTTP), and the bodies of route handlers that several routes share (`<what>-route.ts`).
 */
export function isHttpAdapter(file) {
  const name = path.basename(file);
  return /^(?:.+-)?actions\.tsx?$/.test(name) || /.-(?:guard|route)\.tsx?$/.test(name);
}

/** Where an import leads, by the alias or a relative path (whether or not the file exists); null for a package. */
function targetOf(fromFile, specifier) {
  if (specifier.startsWith('@/')) return path.join(root, specifier.slice(2));
  if (specifier.startsWith('.')) return path.resolve(path.dirname(fromFile), specifier);
  return null;
}

const noHttpInDomain = {
  meta: {
    type: 'problem',
    messages: {
      http: 'lib/ is the domain and never imports the HTTP layer ({{module}}): only app/, components/ and the HTTP adapters in lib/ do, that is server actions (*actions.ts), guards (*-guard.ts) and shared route handlers (*-route.ts). Return data or throw an AppError (lib/errors/app-error.ts) and let the adapter answer.',
    },
    schema: [],
  },
  create(context) {
    const file = path.resolve(context.filename);
    if (!isUnder(file, path.join(root, 'lib')) || isUnder(file, httpLayer) || isHttpAdapter(file)) return {};
    const check = (node, source) => {
      if (source?.type !== 'Literal' || typeof source.value !== 'string') return;
      const target = targetOf(file, source.value);
      if (target && isUnder(target, httpLayer))
        context.report({ node, messageId: 'http', data: { module: source.value } });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source),
      ExportNamedDeclaration: (node) => check(node, node.source),
      ExportAllDeclaration: (node) => check(node, node.source),
      ImportExpression: (node) => check(node, node.source),
    };
  },
};

export const boundaries = {
  rules: { 'no-server-only-in-client': noServerOnlyInClient, 'no-http-in-domain': noHttpInDomain },
};

/** components/ and lib/ ↛ app/, by the alias or a relative path. */
export const noImportsFromApp = [
  'error',
  {
    patterns: [
      {
        regex: '^(@/|(\\.\\./)+)app/',
        message: 'components/ and lib/ never import from app/ (routes only): move what they share into lib/<domain>/.',
      },
    ],
  },
];
