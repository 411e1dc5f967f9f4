-- CreateTable
CREATE TABLE "InstitutionIdp" (
    "id" TEXT NOT NULL,
    "institutionId" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "ssoUrl" TEXT NOT NULL,
    "signingCertificates" TEXT[],
    "scopes" TEXT[],
    "allowedAffiliations" TEXT[],
    "entitlement" TEXT,
    "metadataXml" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InstitutionIdp_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SamlAuthnRequest" (
    "id" TEXT NOT NULL,
    "institutionId" TEXT NOT NULL,
    "returnTo" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SamlAuthnRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SamlAssertionUse" (
    "id" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SamlAssertionUse_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InstitutionSession" (
    "id" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "institutionId" TEXT NOT NULL,
    "subjectHash" TEXT,
    "affiliations" TEXT[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "InstitutionSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InstitutionPairing" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "institutionId" TEXT NOT NULL,
    "verifiedBy" TEXT NOT NULL,
    "verifiedAt" TIMESTAMP(3) NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InstitutionPairing_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "InstitutionIdp_institutionId_key" ON "InstitutionIdp"("institutionId");

-- CreateIndex
CREATE UNIQUE INDEX "InstitutionIdp_entityId_key" ON "InstitutionIdp"("entityId");

-- CreateIndex
CREATE INDEX "SamlAuthnRequest_createdAt_idx" ON "SamlAuthnRequest"("createdAt");

-- CreateIndex
CREATE INDEX "SamlAssertionUse_expiresAt_idx" ON "SamlAssertionUse"("expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "InstitutionSession_tokenHash_key" ON "InstitutionSession"("tokenHash");

-- CreateIndex
CREATE INDEX "InstitutionSession_expiresAt_idx" ON "InstitutionSession"("expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "InstitutionPairing_userId_institutionId_key" ON "InstitutionPairing"("userId", "institutionId");

-- AddForeignKey
ALTER TABLE "InstitutionIdp" ADD CONSTRAINT "InstitutionIdp_institutionId_fkey" FOREIGN KEY ("institutionId") REFERENCES "Institution"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SamlAuthnRequest" ADD CONSTRAINT "SamlAuthnRequest_institutionId_fkey" FOREIGN KEY ("institutionId") REFERENCES "Institution"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InstitutionSession" ADD CONSTRAINT "InstitutionSession_institutionId_fkey" FOREIGN KEY ("institutionId") REFERENCES "Institution"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InstitutionPairing" ADD CONSTRAINT "InstitutionPairing_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InstitutionPairing" ADD CONSTRAINT "InstitutionPairing_institutionId_fkey" FOREIGN KEY ("institutionId") REFERENCES "Institution"("id") ON DELETE CASCADE ON UPDATE CASCADE;
