-- AlterTable
ALTER TABLE "webhook_events" ADD COLUMN     "claimed_until" TIMESTAMP(3);
