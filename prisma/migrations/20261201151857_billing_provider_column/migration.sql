-- Billing rows name their provider in a column instead of an id prefix inside "stripe*" columns.
-- Existing rows move over: ids the local test provider wrote (sub_local_<session>, local_in_<session>,
-- local_pi_<session>, lcs_...) become provider local with the bare session id, the rest are from Stripe.
-- New rows of BillingInvoice and PaymentReversal get cuid ids like every other table, existing rows
-- keep theirs.

-- CreateEnum
CREATE TYPE "BillingProvider" AS ENUM ('stripe', 'local');

-- DropIndex
DROP INDEX "ArticlePurchase_stripeCheckoutSessionId_key";
DROP INDEX "BillingInvoice_stripePaymentIntentId_key";
DROP INDEX "Subscription_stripeSubscriptionId_key";

-- Subscription
ALTER TABLE "Subscription" RENAME COLUMN "stripeSubscriptionId" TO "providerSubscriptionId";
ALTER TABLE "Subscription" ADD COLUMN "provider" "BillingProvider", ADD COLUMN "providerReadAt" TIMESTAMP(3);
UPDATE "Subscription" SET "provider" = 'local', "providerSubscriptionId" = substr("providerSubscriptionId", 11)
  WHERE "providerSubscriptionId" LIKE 'sub\_local\_%';
UPDATE "Subscription" SET "provider" = 'stripe' WHERE "providerSubscriptionId" IS NOT NULL AND "provider" IS NULL;
UPDATE "Subscription" s SET "providerReadAt" = sync."readAt" FROM "StripeSubscriptionSync" sync
  WHERE s."provider" = 'stripe' AND s."providerSubscriptionId" = sync."stripeSubscriptionId";

-- ArticlePurchase
ALTER TABLE "ArticlePurchase" RENAME COLUMN "stripeCheckoutSessionId" TO "providerCheckoutId";
ALTER TABLE "ArticlePurchase" RENAME COLUMN "stripePaymentIntentId" TO "providerPaymentId";
ALTER TABLE "ArticlePurchase" ADD COLUMN "provider" "BillingProvider";
UPDATE "ArticlePurchase" SET "provider" = CASE WHEN "providerCheckoutId" LIKE 'lcs\_%' THEN 'local' ELSE 'stripe' END::"BillingProvider"
  WHERE "providerCheckoutId" IS NOT NULL OR "providerPaymentId" IS NOT NULL;

-- BillingInvoice
ALTER TABLE "BillingInvoice" RENAME COLUMN "stripeSubscriptionId" TO "providerSubscriptionId";
ALTER TABLE "BillingInvoice" RENAME COLUMN "stripePaymentIntentId" TO "providerPaymentId";
ALTER TABLE "BillingInvoice" ADD COLUMN "provider" "BillingProvider", ADD COLUMN "providerInvoiceId" TEXT;
UPDATE "BillingInvoice" SET "provider" = 'local', "providerInvoiceId" = substr("id", 10),
  "providerSubscriptionId" = substr("providerSubscriptionId", 11), "providerPaymentId" = substr("providerPaymentId", 10)
  WHERE "id" LIKE 'local\_in\_%';
UPDATE "BillingInvoice" SET "provider" = 'stripe', "providerInvoiceId" = "id" WHERE "provider" IS NULL;
ALTER TABLE "BillingInvoice" ALTER COLUMN "provider" SET NOT NULL, ALTER COLUMN "providerInvoiceId" SET NOT NULL;

-- PaymentReversal
ALTER TABLE "PaymentReversal" DROP CONSTRAINT "PaymentReversal_pkey";
ALTER TABLE "PaymentReversal" RENAME COLUMN "stripePaymentIntentId" TO "providerPaymentId";
ALTER TABLE "PaymentReversal" ADD COLUMN "id" TEXT, ADD COLUMN "provider" "BillingProvider";
UPDATE "PaymentReversal" SET "id" = "providerPaymentId", "provider" = 'local', "providerPaymentId" = substr("providerPaymentId", 10)
  WHERE "providerPaymentId" LIKE 'local\_pi\_%';
UPDATE "PaymentReversal" SET "id" = "providerPaymentId", "provider" = 'stripe' WHERE "provider" IS NULL;
ALTER TABLE "PaymentReversal" ALTER COLUMN "id" SET NOT NULL, ALTER COLUMN "provider" SET NOT NULL,
  ADD CONSTRAINT "PaymentReversal_pkey" PRIMARY KEY ("id");

-- The read time now lives on the subscription itself.
DROP TABLE "StripeSubscriptionSync";

-- CreateIndex
CREATE INDEX "ArticlePurchase_provider_providerPaymentId_idx" ON "ArticlePurchase"("provider", "providerPaymentId");
CREATE UNIQUE INDEX "ArticlePurchase_provider_providerCheckoutId_key" ON "ArticlePurchase"("provider", "providerCheckoutId");
CREATE UNIQUE INDEX "BillingInvoice_provider_providerInvoiceId_key" ON "BillingInvoice"("provider", "providerInvoiceId");
CREATE UNIQUE INDEX "BillingInvoice_provider_providerPaymentId_key" ON "BillingInvoice"("provider", "providerPaymentId");
CREATE UNIQUE INDEX "PaymentReversal_provider_providerPaymentId_key" ON "PaymentReversal"("provider", "providerPaymentId");
CREATE UNIQUE INDEX "Subscription_provider_providerSubscriptionId_key" ON "Subscription"("provider", "providerSubscriptionId");
