-- CreateTable
CREATE TABLE "InstitutionLibrarian" (
    "id" TEXT NOT NULL,
    "institutionId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InstitutionLibrarian_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "InstitutionLibrarian_userId_idx" ON "InstitutionLibrarian"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "InstitutionLibrarian_institutionId_userId_key" ON "InstitutionLibrarian"("institutionId", "userId");

-- AddForeignKey
ALTER TABLE "InstitutionLibrarian" ADD CONSTRAINT "InstitutionLibrarian_institutionId_fkey" FOREIGN KEY ("institutionId") REFERENCES "Institution"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InstitutionLibrarian" ADD CONSTRAINT "InstitutionLibrarian_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
