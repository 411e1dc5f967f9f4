-- CreateTable
CREATE TABLE "StripeSubscriptionSync" (
    "stripeSubscriptionId" TEXT NOT NULL,
    "readAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "StripeSubscriptionSync_pkey" PRIMARY KEY ("stripeSubscriptionId")
);
