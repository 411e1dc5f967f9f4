-- AlterTable
ALTER TABLE "Citation" ADD COLUMN     "authors" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- AlterTable
ALTER TABLE "SidebarLayout" ADD COLUMN     "hiddenBoxIds" TEXT[] DEFAULT ARRAY[]::TEXT[];
