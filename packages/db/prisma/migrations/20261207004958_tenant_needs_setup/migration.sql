-- AlterEnum
-- Alone in its migration: Postgres lets a new enum value be used only once it is committed, and
-- the next migration sets it as the default and backfills it.
ALTER TYPE "TenantStatus" ADD VALUE 'needs_setup';
