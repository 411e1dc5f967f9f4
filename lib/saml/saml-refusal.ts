// Why an institution's sign-in answer was refused, in words a reader can act on. The SAML
// library's own messages (and any stack) stay in the server log.
import { AppError } from '@/lib/errors/app-error';

export type SamlRefusalCode =
  | 'unknown_request'
  | 'wrong_browser'
  | 'unsolicited'
  | 'bad_signature'
  | 'expired'
  | 'replayed'
  | 'wrong_audience'
  | 'wrong_recipient'
  | 'wrong_issuer'
  | 'idp_refused'
  | 'not_entitled'
  | 'unreadable';

const MESSAGES: Record<Exclude<SamlRefusalCode, 'not_entitled'>, string> = {
  unknown_request:
    'This sign-in answer does not belong to a sign-in started on this site, or it was already used. Please start again from the article.',
  wrong_browser:
    'This sign-in answer belongs to a sign-in started in another browser (or this browser did not keep our cookie). Nothing was changed. Please start again from the article, in this browser.',
  unsolicited:
    'Your institution sent a sign-in this site did not ask for, and sign-ins started from its portal are not accepted for it here. Nothing was changed. Please open the article on this site and choose “Access through your institution”.',
  bad_signature:
    'The sign-in answer from your institution could not be verified: its signature does not match. Nothing was changed. Please try again; if it keeps happening, tell your library.',
  expired: 'The sign-in answer from your institution has expired (or its clock is wrong). Please sign in again.',
  replayed: 'This sign-in answer was already used. Each answer works once; please start again from the article.',
  wrong_audience:
    'The sign-in answer was addressed to another service, not to this journal. Please tell your library: its identity provider may not know this journal.',
  wrong_recipient:
    'The sign-in answer was meant to be delivered to another address, not to this journal. Please tell your library.',
  wrong_issuer:
    'The sign-in answer came from another identity provider than the one your institution registered here. Please tell your library.',
  idp_refused: 'Your institution did not sign you in. Please try again, or ask your library.',
  unreadable: 'The sign-in answer from your institution could not be read. Please try again, or ask your library.',
};

export class SamlRefusal extends AppError {
  constructor(
    readonly reason: SamlRefusalCode,
    message = reason === 'not_entitled' ? MESSAGES.idp_refused : MESSAGES[reason],
  ) {
    super(message, reason === 'not_entitled' ? 'forbidden' : 'bad_request', `saml_${reason}`);
  }
}

/** The refusal for an error node-saml threw while validating a response. */
export function refusalForLibraryError(error: unknown): SamlRefusal {
  const message = error instanceof Error ? error.message : String(error);
  if (/InResponseTo/.test(message)) return new SamlRefusal('unknown_request');
  if (/expired|not yet valid|too old/i.test(message)) return new SamlRefusal('expired');
  if (/audience|AudienceRestriction/i.test(message)) return new SamlRefusal('wrong_audience');
  if (/issuer/i.test(message)) return new SamlRefusal('wrong_issuer');
  if (/Bad status code|SamlStatusError|NoPassive/i.test(message) || (error as { xmlStatus?: string })?.xmlStatus)
    return new SamlRefusal('idp_refused');
  if (/signature|signed|EncryptedAssertion|Cannot obtain assertion/i.test(message))
    return new SamlRefusal('bad_signature');
  if (/subject confirmation/i.test(message)) return new SamlRefusal('expired');
  return new SamlRefusal('unreadable');
}
