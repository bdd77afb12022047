-- AlterEnum
ALTER TYPE "EventStatus" ADD VALUE 'awaiting_invitation';
