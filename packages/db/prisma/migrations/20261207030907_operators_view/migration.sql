-- CreateEnum
CREATE TYPE "CallTarget" AS ENUM ('lever', 'platform');

-- CreateEnum
CREATE TYPE "WebhookOutcome" AS ENUM ('accepted', 'duplicate', 'rejected');

-- CreateEnum
CREATE TYPE "OperatorRole" AS ENUM ('admin', 'viewer');

-- CreateTable
CREATE TABLE "request_log" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "tenant_id" UUID,
    "target" "CallTarget" NOT NULL,
    "role" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "route" TEXT NOT NULL,
    "opportunity_id" TEXT,
    "status" INTEGER,
    "latency_ms" INTEGER NOT NULL,
    "attempt" INTEGER NOT NULL,
    "budget_wait_ms" INTEGER NOT NULL DEFAULT 0,
    "error_code" TEXT,

    CONSTRAINT "request_log_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "webhook_log" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "source" "EventSource" NOT NULL,
    "outcome" "WebhookOutcome" NOT NULL,
    "reason" TEXT,
    "status" INTEGER NOT NULL,
    "tenant_id" UUID,
    "event_type" TEXT,
    "opportunity_id" TEXT,
    "event_id" UUID,

    CONSTRAINT "webhook_log_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "operators" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "role" "OperatorRole" NOT NULL,
    "token_hash" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_by" TEXT NOT NULL,
    "revoked_at" TIMESTAMP(3),

    CONSTRAINT "operators_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_log" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "operator_id" UUID,
    "operator_name" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "tenant_id" UUID,
    "details" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "audit_log_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "request_log_tenant_id_at_idx" ON "request_log"("tenant_id", "at");

-- CreateIndex
CREATE INDEX "request_log_at_idx" ON "request_log"("at");

-- CreateIndex
CREATE INDEX "request_log_tenant_id_opportunity_id_at_idx" ON "request_log"("tenant_id", "opportunity_id", "at");

-- CreateIndex
CREATE INDEX "webhook_log_tenant_id_at_idx" ON "webhook_log"("tenant_id", "at");

-- CreateIndex
CREATE INDEX "webhook_log_at_idx" ON "webhook_log"("at");

-- CreateIndex
CREATE INDEX "webhook_log_tenant_id_opportunity_id_at_idx" ON "webhook_log"("tenant_id", "opportunity_id", "at");

-- CreateIndex
CREATE UNIQUE INDEX "operators_token_hash_key" ON "operators"("token_hash");

-- CreateIndex
CREATE INDEX "audit_log_at_idx" ON "audit_log"("at");

-- CreateIndex
CREATE INDEX "audit_log_tenant_id_at_idx" ON "audit_log"("tenant_id", "at");

-- CreateIndex
CREATE INDEX "audit_log_action_at_idx" ON "audit_log"("action", "at");
