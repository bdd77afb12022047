-- AlterTable
ALTER TABLE "tenants" ALTER COLUMN "status" SET DEFAULT 'needs_setup';

-- CreateTable
CREATE TABLE "idempotency_keys" (
    "scope" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "request_hash" TEXT NOT NULL,
    "response_status" INTEGER,
    "response_body" JSONB,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "idempotency_keys_pkey" PRIMARY KEY ("scope","key")
);

-- CreateIndex
CREATE INDEX "idempotency_keys_expires_at_idx" ON "idempotency_keys"("expires_at");

-- CreateIndex
CREATE INDEX "orders_tenant_id_created_at_idx" ON "orders"("tenant_id", "created_at");

-- CreateIndex
CREATE INDEX "webhook_events_tenant_id_received_at_idx" ON "webhook_events"("tenant_id", "received_at");

-- Backfill: a tenant that cannot invite yet (no Lever credential, trigger stage or perform-as
-- user) is `needs_setup`, not `active`.
UPDATE "tenants" AS t SET "status" = 'needs_setup'
WHERE t."status" = 'active'
  AND (NOT EXISTS (SELECT 1 FROM "lever_credentials" AS c WHERE c."tenant_id" = t."id")
    OR coalesce(t."settings"->>'triggerStageId', '') = ''
    OR coalesce(t."settings"->>'performAs', '') = '');
