import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { parseIdpMetadata } from '@/lib/saml/parse-idp-metadata';

const demo = fs.readFileSync(path.join(import.meta.dirname, '../../prisma/seed/saml/demo-idp-metadata.xml'), 'utf8');

const refusal = (xml: string) => {
  try {
    parseIdpMetadata(xml);
    return null;
  } catch (error) {
    return (error as Error).message;
  }
};

describe('IdP metadata', () => {
  it('reads entityID, the HTTP-Redirect sign-in address, signing certificate, scope and display name', () => {
    const m = parseIdpMetadata(demo);
    expect(m.entityId).toBe('https://idp.demo-hospital.example/idp/shibboleth');
    expect(m.ssoUrl).toBe('http://127.0.0.1:3901/idp/profile/SAML2/Redirect/SSO');
    expect(m.signingCertificates).toHaveLength(1);
    expect(m.scopes).toEqual(['demo-hospital.example']);
    expect(m.displayName).toBe('Demo University Hospital');
    expect(m.warnings).toEqual([
      'The sign-in address http://127.0.0.1:3901/idp/profile/SAML2/Redirect/SSO is not https.',
    ]);
  });

  it('takes the one IdP of an aggregate, and refuses an aggregate of several', () => {
    const entity = demo.replace(/^<\?xml[^>]*>\s*/, '');
    const one = `<md:EntitiesDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata">${entity}</md:EntitiesDescriptor>`;
    expect(parseIdpMetadata(one).entityId).toBe('https://idp.demo-hospital.example/idp/shibboleth');
    const two = `<md:EntitiesDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata">${entity}${entity.replace('idp.demo-hospital', 'idp.other')}</md:EntitiesDescriptor>`;
    expect(refusal(two)).toMatch(/holds 2 identity providers/);
  });

  it.each([
    ['', /Paste or upload/],
    ['<not xml', /not well-formed XML/],
    ['<!DOCTYPE x [<!ENTITY a "b">]><x/>', /declares a DTD/],
    ['<html/>', /not SAML 2.0 metadata/],
    [demo.replace(/entityID="[^"]*"/, 'entityID=""'), /no entityID/],
    [
      demo.replace('urn:oasis:names:tc:SAML:2.0:protocol', 'urn:oasis:names:tc:SAML:1.1:protocol'),
      /no SAML 2.0 identity provider role/,
    ],
    [
      demo.replace('bindings:HTTP-Redirect', 'bindings:HTTP-POST'),
      /no SingleSignOnService for the HTTP-Redirect binding/,
    ],
    [demo.replace(/Location="[^"]*"/, 'Location="javascript:alert(1)"'), /is not an http\(s\) URL/],
    [demo.replace(/<ds:X509Certificate>[^<]*</, '<ds:X509Certificate>bm90IGEgY2VydA==<'), /could not be read/],
    [demo.replace(/<md:KeyDescriptor[\s\S]*?<\/md:KeyDescriptor>/, ''), /no signing certificate/],
    [demo.replace('use="signing"', 'use="encryption"'), /no signing certificate/],
    [
      demo.replace('<md:EntityDescriptor ', '<md:EntityDescriptor validUntil="2020-01-01T00:00:00Z" '),
      /expired on 1 January 2020 \(validUntil\)/,
    ],
  ])('refuses %#: %s', (xml, message) => {
    expect(refusal(xml)).toMatch(message);
  });
});
