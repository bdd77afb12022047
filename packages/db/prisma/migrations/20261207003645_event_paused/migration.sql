-- AlterEnum
ALTER TYPE "EventStatus" ADD VALUE 'paused';
