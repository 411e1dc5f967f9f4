import { describe, expect, it } from 'vitest';
import {
  COMMON_LIB_TERMS,
  DEFAULT_AFFILIATIONS,
  mapSamlAttributes,
  PERSISTENT_NAME_ID,
} from '@/lib/saml/map-saml-attributes';

const rules = {
  scopes: ['hospital.example'],
  allowedAffiliations: DEFAULT_AFFILIATIONS,
  entitlement: COMMON_LIB_TERMS,
};
const AFF = 'urn:oid:1.3.6.1.4.1.5923.1.1.1.9';
const ENT = 'urn:oid:1.3.6.1.4.1.5923.1.1.1.7';
const TID = 'urn:oid:1.3.6.1.4.1.5923.1.1.1.10';
const facts = (
  attributes: Record<string, unknown>,
  nameId: string | null = null,
  nameIdFormat: string | null = null,
) => ({
  nameId,
  nameIdFormat,
  attributes,
});

describe('mapping SAML attributes to the institution’s access', () => {
  it('a member affiliation in the institution’s scope grants access', () => {
    expect(
      mapSamlAttributes(facts({ [AFF]: ['member@hospital.example', 'staff@hospital.example'] }), rules),
    ).toMatchObject({
      isEntitled: true,
      grantedBy: 'affiliation',
    });
    expect(mapSamlAttributes(facts({ eduPersonScopedAffiliation: 'Student@Hospital.Example' }), rules).isEntitled).toBe(
      true,
    );
  });

  it('the same affiliation in another scope, or an unlicensed affiliation, does not', () => {
    expect(mapSamlAttributes(facts({ [AFF]: 'member@other.example' }), rules).isEntitled).toBe(false);
    const walkIn = mapSamlAttributes(
      facts({ [AFF]: ['library-walk-in@hospital.example', 'alum@hospital.example'] }),
      rules,
    );
    expect(walkIn).toMatchObject({ isEntitled: false });
    expect(walkIn.isEntitled || walkIn.message).toContain('library-walk-in@hospital.example, alum@hospital.example');
    const none = mapSamlAttributes(facts({}), rules);
    expect(none.isEntitled || none.message).toContain('it sent no affiliation');
  });

  it('the configured entitlement grants access by itself; without one configured it does not', () => {
    expect(mapSamlAttributes(facts({ [ENT]: COMMON_LIB_TERMS }), rules)).toMatchObject({
      isEntitled: true,
      grantedBy: 'entitlement',
    });
    expect(mapSamlAttributes(facts({ [ENT]: COMMON_LIB_TERMS }), { ...rules, entitlement: null }).isEntitled).toBe(
      false,
    );
  });

  it('with no scope known, any scope is accepted (the IdP can only speak for its own institution here)', () => {
    expect(mapSamlAttributes(facts({ [AFF]: 'faculty@x.example' }), { ...rules, scopes: [] }).isEntitled).toBe(true);
  });

  it('the persistent id: pairwise-id, then eduPersonTargetedID (a NameID value), then a persistent NameID', () => {
    const base = { [AFF]: 'member@hospital.example' };
    const of = (f: ReturnType<typeof facts>) => {
      const o = mapSamlAttributes(f, rules);
      return o.isEntitled ? o.persistentId : 'refused';
    };
    expect(
      of(
        facts({
          ...base,
          'urn:oasis:names:tc:SAML:attribute:pairwise-id': 'p1@hospital.example',
          [TID]: { NameID: [{ _: 't1' }] },
        }),
      ),
    ).toBe('p1@hospital.example');
    expect(of(facts({ ...base, [TID]: { NameID: [{ _: 't1', $: { Format: PERSISTENT_NAME_ID } }] } }))).toBe('t1');
    expect(of(facts(base, 'n1', PERSISTENT_NAME_ID))).toBe('n1');
    expect(of(facts(base, 'transient-1', 'urn:oasis:names:tc:SAML:2.0:nameid-format:transient'))).toBeNull();
  });
});
