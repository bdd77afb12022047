-- CreateEnum
CREATE TYPE "TenantStatus" AS ENUM ('active', 'paused', 'disconnected');

-- CreateEnum
CREATE TYPE "CredentialKind" AS ENUM ('api_key', 'oauth');

-- CreateEnum
CREATE TYPE "OrderStatus" AS ENUM ('pending', 'open', 'started', 'scored', 'bounced', 'cancelled', 'failed');

-- CreateEnum
CREATE TYPE "EventSource" AS ENUM ('lever', 'platform');

-- CreateEnum
CREATE TYPE "EventStatus" AS ENUM ('received', 'processed', 'ignored', 'failed');

-- CreateEnum
CREATE TYPE "LeverWriteStatus" AS ENUM ('started', 'done');

-- CreateTable
CREATE TABLE "tenants" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "webhook_key" TEXT NOT NULL,
    "status" "TenantStatus" NOT NULL DEFAULT 'active',
    "settings" JSONB NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "tenants_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "lever_credentials" (
    "tenant_id" UUID NOT NULL,
    "kind" "CredentialKind" NOT NULL,
    "ciphertext" TEXT NOT NULL,
    "expires_at" TIMESTAMP(3),
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "lever_credentials_pkey" PRIMARY KEY ("tenant_id")
);

-- CreateTable
CREATE TABLE "signing_tokens" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "ciphertext" TEXT NOT NULL,
    "lever_webhook_id" TEXT,
    "event" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "signing_tokens_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "postings" (
    "tenant_id" UUID NOT NULL,
    "id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "team" TEXT,
    "location" TEXT,
    "state" TEXT,
    "confidential" BOOLEAN NOT NULL DEFAULT false,
    "tags" TEXT[],
    "hiring_manager" JSONB,
    "description" TEXT,
    "salary" JSONB,
    "pushed_hash" TEXT,
    "lever_updated_at" TIMESTAMP(3),
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "postings_pkey" PRIMARY KEY ("tenant_id","id")
);

-- CreateTable
CREATE TABLE "opportunities" (
    "tenant_id" UUID NOT NULL,
    "id" TEXT NOT NULL,
    "contact_id" TEXT,
    "posting_id" TEXT,
    "stage_id" TEXT,
    "last_event_at" BIGINT,
    "own_stage_moves" JSONB NOT NULL DEFAULT '[]',
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "opportunities_pkey" PRIMARY KEY ("tenant_id","id")
);

-- CreateTable
CREATE TABLE "orders" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "opportunity_id" TEXT NOT NULL,
    "contact_id" TEXT,
    "posting_id" TEXT,
    "assessment" TEXT,
    "status" "OrderStatus" NOT NULL DEFAULT 'pending',
    "platform_order_id" TEXT,
    "candidate_url" TEXT,
    "recruiter_url" TEXT,
    "reused_from_id" UUID,
    "failure_reason" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "orders_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "results" (
    "id" UUID NOT NULL,
    "order_id" UUID NOT NULL,
    "final" BOOLEAN NOT NULL,
    "score" INTEGER NOT NULL,
    "passing_score" INTEGER NOT NULL,
    "rating" INTEGER NOT NULL,
    "band" TEXT NOT NULL,
    "sections" JSONB NOT NULL,
    "summary" TEXT NOT NULL,
    "recruiter_url" TEXT,
    "report_pdf_url" TEXT,
    "completed_at" TIMESTAMP(3),
    "received_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "results_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "webhook_events" (
    "id" UUID NOT NULL,
    "source" "EventSource" NOT NULL,
    "tenant_id" UUID NOT NULL,
    "dedupe_key" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "opportunity_id" TEXT,
    "triggered_at" BIGINT,
    "payload" JSONB NOT NULL,
    "status" "EventStatus" NOT NULL DEFAULT 'received',
    "received_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "processed_at" TIMESTAMP(3),

    CONSTRAINT "webhook_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "decisions" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "opportunity_id" TEXT NOT NULL,
    "trigger" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "rules" JSONB NOT NULL,
    "order_id" UUID,
    "evaluation_key" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "decisions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "lever_writes" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "status" "LeverWriteStatus" NOT NULL DEFAULT 'started',
    "lever_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "lever_writes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "tenant_issues" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "details" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolved_at" TIMESTAMP(3),

    CONSTRAINT "tenant_issues_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "deletion_records" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "subject_hash" TEXT NOT NULL,
    "erased_orders" INTEGER NOT NULL,
    "erased_events" INTEGER NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "deletion_records_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "tenants_webhook_key_key" ON "tenants"("webhook_key");

-- CreateIndex
CREATE INDEX "signing_tokens_tenant_id_idx" ON "signing_tokens"("tenant_id");

-- CreateIndex
CREATE INDEX "opportunities_tenant_id_contact_id_idx" ON "opportunities"("tenant_id", "contact_id");

-- CreateIndex
CREATE INDEX "orders_tenant_id_opportunity_id_idx" ON "orders"("tenant_id", "opportunity_id");

-- CreateIndex
CREATE INDEX "orders_tenant_id_contact_id_idx" ON "orders"("tenant_id", "contact_id");

-- CreateIndex
CREATE INDEX "orders_status_created_at_idx" ON "orders"("status", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "results_order_id_final_key" ON "results"("order_id", "final");

-- CreateIndex
CREATE INDEX "webhook_events_status_received_at_idx" ON "webhook_events"("status", "received_at");

-- CreateIndex
CREATE INDEX "webhook_events_tenant_id_opportunity_id_idx" ON "webhook_events"("tenant_id", "opportunity_id");

-- CreateIndex
CREATE UNIQUE INDEX "webhook_events_source_tenant_id_dedupe_key_key" ON "webhook_events"("source", "tenant_id", "dedupe_key");

-- CreateIndex
CREATE UNIQUE INDEX "decisions_evaluation_key_key" ON "decisions"("evaluation_key");

-- CreateIndex
CREATE INDEX "decisions_tenant_id_opportunity_id_at_idx" ON "decisions"("tenant_id", "opportunity_id", "at");

-- CreateIndex
CREATE UNIQUE INDEX "lever_writes_tenant_id_key_key" ON "lever_writes"("tenant_id", "key");

-- CreateIndex
CREATE UNIQUE INDEX "tenant_issues_tenant_id_key_key" ON "tenant_issues"("tenant_id", "key");

-- AddForeignKey
ALTER TABLE "lever_credentials" ADD CONSTRAINT "lever_credentials_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "signing_tokens" ADD CONSTRAINT "signing_tokens_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "postings" ADD CONSTRAINT "postings_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "orders" ADD CONSTRAINT "orders_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "results" ADD CONSTRAINT "results_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "orders"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "lever_writes" ADD CONSTRAINT "lever_writes_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "tenant_issues" ADD CONSTRAINT "tenant_issues_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;
