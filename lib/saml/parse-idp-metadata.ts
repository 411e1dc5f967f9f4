// Reads an identity provider's SAML 2.0 metadata (what Shibboleth, OpenAthens and federations
// publish) into what the service provider needs: entityID, the HTTP-Redirect sign-in address,
// signing certificates and scopes. Pure, so every refusal is unit-tested. The XML is never
// allowed a DTD (no entity expansion, nothing loaded from outside).
import { X509Certificate } from 'node:crypto';
import { DOMParser, type Element } from '@xmldom/xmldom';
import { formatDate } from '@/lib/format-date';

export const MAX_METADATA_BYTES = 512 * 1024;

const MD = 'urn:oasis:names:tc:SAML:2.0:metadata';
const DS = 'http://www.w3.org/2000/09/xmldsig#';
const SHIBMD = 'urn:mace:shibboleth:metadata:1.0';
const MDUI = 'urn:oasis:names:tc:SAML:metadata:ui';
const SAML2_PROTOCOL = 'urn:oasis:names:tc:SAML:2.0:protocol';
const REDIRECT_BINDING = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect';

export type IdpMetadata = {
  entityId: string;
  ssoUrl: string;
  /** base64 DER, whitespace removed */
  signingCertificates: string[];
  scopes: string[];
  displayName: string | null;
  warnings: string[];
};

export class MetadataError extends Error {}

function children(parent: Element, ns: string, localName: string): Element[] {
  const found: Element[] = [];
  for (let node = parent.firstChild; node; node = node.nextSibling) {
    const el = node as Element;
    if (node.nodeType === 1 && el.namespaceURI === ns && el.localName === localName) found.push(el);
  }
  return found;
}

function descendants(parent: Element, ns: string, localName: string): Element[] {
  return Array.from(parent.getElementsByTagNameNS(ns, localName));
}

function parseXml(xml: string): Element {
  if (/<!DOCTYPE/i.test(xml)) throw new MetadataError('The metadata declares a DTD (<!DOCTYPE …>); remove it.');
  const problems: string[] = [];
  let doc;
  try {
    doc = new DOMParser({
      onError: (level, message) => {
        if (level !== 'warning') problems.push(String(message).split('\n')[0] ?? '');
      },
    }).parseFromString(xml, 'text/xml');
  } catch (error) {
    problems.push((error as Error).message.split('\n')[0] ?? '');
  }
  const root = doc?.documentElement;
  if (problems.length || !root)
    throw new MetadataError(`The metadata is not well-formed XML: ${problems[0] ?? 'empty'}.`);
  return root;
}

/** The EntityDescriptor of the one identity provider in the document. */
function pickIdpEntity(root: Element): Element {
  if (root.namespaceURI === MD && root.localName === 'EntityDescriptor') return root;
  if (root.namespaceURI === MD && root.localName === 'EntitiesDescriptor') {
    const idps = descendants(root, MD, 'EntityDescriptor').filter((e) => children(e, MD, 'IDPSSODescriptor').length);
    if (idps.length === 1 && idps[0]) return idps[0];
    if (idps.length === 0)
      throw new MetadataError('The metadata describes no identity provider (no IDPSSODescriptor).');
    throw new MetadataError(
      `The metadata holds ${idps.length} identity providers (a federation's list); paste the metadata of your institution's identity provider only.`,
    );
  }
  throw new MetadataError('This is not SAML 2.0 metadata: the document should start with <md:EntityDescriptor>.');
}

function isHttpUrl(value: string) {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/** Parses and checks IdP metadata; throws MetadataError with a sentence a librarian can act on. */
export function parseIdpMetadata(xml: string, now = new Date()): IdpMetadata {
  if (!xml.trim()) throw new MetadataError('Paste or upload the identity provider’s metadata XML.');
  if (Buffer.byteLength(xml) > MAX_METADATA_BYTES)
    throw new MetadataError('The metadata is larger than 512 KB; use the metadata of your identity provider alone.');
  const root = parseXml(xml.replace(/^\uFEFF/, ''));
  const entity = pickIdpEntity(root);
  const warnings: string[] = [];

  for (const el of [root, entity]) {
    const validUntil = el.getAttribute('validUntil');
    if (validUntil && !Number.isNaN(Date.parse(validUntil)) && Date.parse(validUntil) <= now.getTime())
      throw new MetadataError(
        `The metadata expired on ${formatDate(new Date(validUntil))} (validUntil); get a current copy.`,
      );
  }

  const entityId = entity.getAttribute('entityID')?.trim() ?? '';
  if (!entityId) throw new MetadataError('The metadata has no entityID.');
  if (entityId.length > 1024) throw new MetadataError('The entityID is longer than 1024 characters.');

  const idpDescriptor = children(entity, MD, 'IDPSSODescriptor').find((d) =>
    (d.getAttribute('protocolSupportEnumeration') ?? '').split(/\s+/).includes(SAML2_PROTOCOL),
  );
  if (!idpDescriptor)
    throw new MetadataError('The metadata has no SAML 2.0 identity provider role (IDPSSODescriptor for SAML 2.0).');

  const sso = children(idpDescriptor, MD, 'SingleSignOnService').find(
    (s) => s.getAttribute('Binding') === REDIRECT_BINDING,
  );
  const ssoUrl = sso?.getAttribute('Location')?.trim() ?? '';
  if (!sso || !ssoUrl)
    throw new MetadataError(
      'The metadata has no SingleSignOnService for the HTTP-Redirect binding, which this journal uses.',
    );
  if (!isHttpUrl(ssoUrl)) throw new MetadataError(`The sign-in address “${ssoUrl}” is not an http(s) URL.`);
  if (ssoUrl.startsWith('http:')) warnings.push(`The sign-in address ${ssoUrl} is not https.`);

  const signingCertificates: string[] = [];
  for (const keyDescriptor of children(idpDescriptor, MD, 'KeyDescriptor')) {
    const use = keyDescriptor.getAttribute('use');
    if (use && use !== 'signing') continue; // encryption-only keys never sign
    for (const certElement of descendants(keyDescriptor, DS, 'X509Certificate')) {
      const base64 = (certElement.textContent ?? '').replace(/\s+/g, '');
      let certificate: X509Certificate;
      try {
        if (!/^[A-Za-z0-9+/]+={0,2}$/.test(base64)) throw new Error('not base64');
        certificate = new X509Certificate(Buffer.from(base64, 'base64'));
      } catch {
        throw new MetadataError('A signing certificate in the metadata (ds:X509Certificate) could not be read.');
      }
      if (new Date(certificate.validTo).getTime() <= now.getTime())
        warnings.push(
          `A signing certificate (${certificate.subject.replace(/\n/g, ', ')}) expired on ${formatDate(new Date(certificate.validTo))}; SAML still trusts it because it is in the metadata.`,
        );
      if (!signingCertificates.includes(base64)) signingCertificates.push(base64);
    }
  }
  if (!signingCertificates.length)
    throw new MetadataError(
      'The metadata has no signing certificate (KeyDescriptor with ds:X509Certificate), so assertions could not be verified.',
    );

  const extensions = children(idpDescriptor, MD, 'Extensions')[0];
  const scopes: string[] = [];
  for (const scope of extensions ? children(extensions, SHIBMD, 'Scope') : []) {
    const value = (scope.textContent ?? '').trim().toLowerCase();
    if (scope.getAttribute('regexp') === 'true') {
      warnings.push(`The scope “${value}” is a regular expression and was left out; enter the scopes by hand.`);
      continue;
    }
    if (value && !scopes.includes(value)) scopes.push(value);
  }
  const uiInfo = extensions ? children(extensions, MDUI, 'UIInfo')[0] : undefined;
  const displayNames = uiInfo ? children(uiInfo, MDUI, 'DisplayName') : [];
  const displayName =
    (displayNames.find((d) => d.getAttribute('xml:lang') === 'en') ?? displayNames[0])?.textContent?.trim() || null;

  return { entityId, ssoUrl, signingCertificates, scopes, displayName, warnings };
}

/** A base64 DER certificate as PEM (what node-saml and node:crypto read). */
export function certificatePem(base64: string): string {
  const lines = base64.match(/.{1,64}/g) ?? [];
  return `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`;
}
