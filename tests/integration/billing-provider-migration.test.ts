import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { describe, expect, it } from 'vitest';

// The migration that made the provider a column must carry rows written before it: ids the local
// test provider wrote with a prefix (sub_local_…, local_in_…, local_pi_…, lcs_…) become provider
// 'local' with the bare session id; Stripe's keep their ids; free grants name no provider.
const MIGRATIONS = path.join(import.meta.dirname, '../../prisma/migrations');
const PROVIDER_COLUMN = '20261201151857_billing_provider_column';

const OLD_ROWS = `
  INSERT INTO "User" (id, email, name, "passwordHash", "updatedAt") VALUES ('u1', 'a@example.org', 'A', 'x', now());
  INSERT INTO "Journal" (id, slug, title, abbreviation) VALUES ('j1', 'j', 'J', 'J');
  INSERT INTO "Article" (id, doi, "journalId", "articleType", title, "previewHtml", "fullTextHtml", "updatedAt")
    VALUES ('a1', '10.1/x', 'j1', 'research-article', 'T', '', '', now());
  INSERT INTO "Subscription" (id, "userId", plan, status, source, "startsAt", "currentPeriodEnd", "stripeSubscriptionId", "updatedAt") VALUES
    ('local', 'u1', 'monthly', 'active', 'payment', now(), now(), 'sub_local_lcs_abc', now()),
    ('stripe', 'u1', 'monthly', 'active', 'payment', now(), now(), 'sub_123', now()),
    ('free', 'u1', 'annual', 'active', 'complimentary', now(), now(), NULL, now());
  INSERT INTO "StripeSubscriptionSync" VALUES ('sub_123', '2026-01-01');
  INSERT INTO "BillingInvoice" (id, "userId", "stripeSubscriptionId", "stripePaymentIntentId", status, "amountCents", currency, "issuedAt", "updatedAt") VALUES
    ('local_in_lcs_abc', 'u1', 'sub_local_lcs_abc', 'local_pi_lcs_abc', 'paid', 2900, 'usd', now(), now()),
    ('in_9', 'u1', 'sub_123', 'pi_9', 'paid', 2900, 'usd', now(), now());
  INSERT INTO "PaymentReversal" VALUES ('local_pi_lcs_abc', 'Refunded by x', now()), ('pi_9', 'refund', now());
  INSERT INTO "ArticlePurchase" (id, "userId", "articleId", "confirmedAt", "expiresAt", "amountCents", currency, "stripeCheckoutSessionId", "stripePaymentIntentId") VALUES
    ('local', 'u1', 'a1', now(), now(), 3000, 'usd', 'lcs_def', NULL),
    ('stripe', 'u1', 'a1', now(), now(), 3000, 'usd', 'cs_1', 'pi_1'),
    ('granted', 'u1', 'a1', now(), now(), 0, 'usd', NULL, NULL);
`;

async function rows(db: PGlite, table: string, columns: string) {
  return (await db.query(`SELECT ${columns} FROM "${table}" ORDER BY id`)).rows;
}

describe('migration: the billing provider becomes a column', () => {
  it('moves rows written before it onto provider and provider ids', async () => {
    const db = new PGlite();
    for (const name of fs
      .readdirSync(MIGRATIONS)
      .filter((n) => /^\d/.test(n))
      .sort()) {
      if (name === PROVIDER_COLUMN) await db.exec(OLD_ROWS);
      await db.exec(fs.readFileSync(path.join(MIGRATIONS, name, 'migration.sql'), 'utf8'));
    }
    expect(await rows(db, 'Subscription', 'id, provider, "providerSubscriptionId", "providerReadAt"')).toEqual([
      { id: 'free', provider: null, providerSubscriptionId: null, providerReadAt: null },
      { id: 'local', provider: 'local', providerSubscriptionId: 'lcs_abc', providerReadAt: null },
      { id: 'stripe', provider: 'stripe', providerSubscriptionId: 'sub_123', providerReadAt: new Date('2026-01-01') },
    ]);
    expect(
      await rows(db, 'BillingInvoice', 'provider, "providerInvoiceId", "providerSubscriptionId", "providerPaymentId"'),
    ).toEqual([
      { provider: 'stripe', providerInvoiceId: 'in_9', providerSubscriptionId: 'sub_123', providerPaymentId: 'pi_9' },
      {
        provider: 'local',
        providerInvoiceId: 'lcs_abc',
        providerSubscriptionId: 'lcs_abc',
        providerPaymentId: 'lcs_abc',
      },
    ]);
    expect(await rows(db, 'PaymentReversal', 'provider, "providerPaymentId", reason')).toEqual([
      { provider: 'local', providerPaymentId: 'lcs_abc', reason: 'Refunded by x' },
      { provider: 'stripe', providerPaymentId: 'pi_9', reason: 'refund' },
    ]);
    expect(await rows(db, 'ArticlePurchase', 'id, provider, "providerCheckoutId", "providerPaymentId"')).toEqual([
      { id: 'granted', provider: null, providerCheckoutId: null, providerPaymentId: null },
      { id: 'local', provider: 'local', providerCheckoutId: 'lcs_def', providerPaymentId: null },
      { id: 'stripe', provider: 'stripe', providerCheckoutId: 'cs_1', providerPaymentId: 'pi_1' },
    ]);
    await db.close();
  });
});
