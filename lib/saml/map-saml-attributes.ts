// What an institution's signed assertion says about the reader, and whether that grants the
// institution's access. Pure. The rules are the ones libraries ask publishers to apply:
// eduPersonEntitlement urn:mace:dir:entitlement:common-lib-terms (the library's licence terms)
// grants access by itself; otherwise an eduPersonScopedAffiliation such as member@hospital.example
// whose affiliation is allowed and whose scope is the institution's own.

export const ATTRIBUTE = {
  scopedAffiliation: ['urn:oid:1.3.6.1.4.1.5923.1.1.1.9', 'eduPersonScopedAffiliation'],
  entitlement: ['urn:oid:1.3.6.1.4.1.5923.1.1.1.7', 'eduPersonEntitlement'],
  targetedId: ['urn:oid:1.3.6.1.4.1.5923.1.1.1.10', 'eduPersonTargetedID'],
  subjectId: [
    'urn:oasis:names:tc:SAML:attribute:pairwise-id',
    'pairwise-id',
    'urn:oasis:names:tc:SAML:attribute:subject-id',
    'subject-id',
  ],
} as const;

export const PERSISTENT_NAME_ID = 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent';
export const COMMON_LIB_TERMS = 'urn:mace:dir:entitlement:common-lib-terms';
/** The affiliations that are the institution's own people (not alum, affiliate or library-walk-in). */
export const DEFAULT_AFFILIATIONS = ['member', 'faculty', 'staff', 'student', 'employee'];

export type IdpAccessRules = { scopes: string[]; allowedAffiliations: string[]; entitlement: string | null };

export type SamlProfileFacts = {
  nameId: string | null;
  nameIdFormat: string | null;
  /** Attribute name → value(s), as the SAML library read them (strings, or objects for NameID values). */
  attributes: Record<string, unknown>;
};

export type AttributeOutcome =
  | {
      isEntitled: true;
      grantedBy: 'entitlement' | 'affiliation';
      affiliations: string[];
      /** The persistent, pairwise id, when the IdP released one. */
      persistentId: string | null;
    }
  | { isEntitled: false; message: string; affiliations: string[] };

function textOf(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (typeof record._ === 'string') return record._.trim() || null;
    // eduPersonTargetedID carries a saml:NameID element as its value.
    const nameId = record.NameID ?? record['saml:NameID'] ?? record['saml2:NameID'];
    if (Array.isArray(nameId)) return textOf(nameId[0]);
    if (nameId) return textOf(nameId);
  }
  return null;
}

function valuesOf(attributes: Record<string, unknown>, names: readonly string[]): string[] {
  const out: string[] = [];
  for (const name of names) {
    const raw = attributes[name];
    if (raw === undefined || raw === null) continue;
    for (const v of Array.isArray(raw) ? raw : [raw]) {
      const text = textOf(v);
      if (text && !out.includes(text)) out.push(text);
    }
  }
  return out;
}

export function mapSamlAttributes(profile: SamlProfileFacts, rules: IdpAccessRules): AttributeOutcome {
  const affiliations = valuesOf(profile.attributes, ATTRIBUTE.scopedAffiliation).map((a) => a.toLowerCase());
  const entitlements = valuesOf(profile.attributes, ATTRIBUTE.entitlement);
  const persistentId =
    valuesOf(profile.attributes, ATTRIBUTE.subjectId)[0] ??
    valuesOf(profile.attributes, ATTRIBUTE.targetedId)[0] ??
    (profile.nameIdFormat === PERSISTENT_NAME_ID ? profile.nameId : null);

  if (rules.entitlement && entitlements.includes(rules.entitlement))
    return { isEntitled: true, grantedBy: 'entitlement', affiliations, persistentId };

  const scopes = rules.scopes.map((s) => s.toLowerCase());
  const allowed = new Set(rules.allowedAffiliations.map((a) => a.toLowerCase()));
  const isGranting = (scoped: string) => {
    const at = scoped.lastIndexOf('@');
    if (at <= 0) return false;
    const affiliation = scoped.slice(0, at);
    const scope = scoped.slice(at + 1);
    return allowed.has(affiliation) && (scopes.length === 0 || scopes.includes(scope));
  };
  if (affiliations.some(isGranting)) return { isEntitled: true, grantedBy: 'affiliation', affiliations, persistentId };

  const said = affiliations.length ? `it said: ${affiliations.join(', ')}` : 'it sent no affiliation';
  return {
    isEntitled: false,
    affiliations,
    message: `Your institution signed you in, but did not confirm that you may use its library subscriptions (${said}). If you think you should have access, please ask your library.`,
  };
}
