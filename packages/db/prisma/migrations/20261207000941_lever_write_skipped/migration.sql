-- AlterTable
ALTER TABLE "lever_writes" ADD COLUMN     "skipped" TEXT;
