-- Stock reservations: a hold on a quantity of one stock level for a reference
-- (a purchase), until it expires, is released or is consumed by a sale. The
-- level's `reserved` column is the sum of its HELD reservations; the services
-- move both in the same transaction with atomic conditional UPDATEs.

-- PostgreSQL 12+ accepts ADD VALUE inside a transaction; the value is only
-- used by later transactions.
ALTER TYPE "StockMovementReason" ADD VALUE 'SOLD';

CREATE TYPE "StockReservationStatus" AS ENUM ('HELD', 'RELEASED', 'CONSUMED');

CREATE TABLE "stock_reservations" (
    "id" UUID NOT NULL,
    "stock_level_id" UUID NOT NULL,
    "quantity" INTEGER NOT NULL,
    "reference" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "status" "StockReservationStatus" NOT NULL DEFAULT 'HELD',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "released_at" TIMESTAMPTZ(3),
    "consumed_at" TIMESTAMPTZ(3),
    CONSTRAINT "stock_reservations_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "stock_reservations_quantity_check" CHECK ("quantity" > 0),
    CONSTRAINT "stock_reservations_status_check" CHECK (
        ("status" = 'HELD' AND "released_at" IS NULL AND "consumed_at" IS NULL)
        OR ("status" = 'RELEASED' AND "released_at" IS NOT NULL AND "consumed_at" IS NULL)
        OR ("status" = 'CONSUMED' AND "consumed_at" IS NOT NULL AND "released_at" IS NULL))
);
CREATE INDEX "stock_reservations_reference_idx" ON "stock_reservations"("reference");
CREATE INDEX "stock_reservations_stock_level_id_idx" ON "stock_reservations"("stock_level_id");
CREATE INDEX "stock_reservations_status_expires_at_idx" ON "stock_reservations"("status", "expires_at");
ALTER TABLE "stock_reservations" ADD CONSTRAINT "stock_reservations_stock_level_id_fkey" FOREIGN KEY ("stock_level_id") REFERENCES "stock_levels"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
