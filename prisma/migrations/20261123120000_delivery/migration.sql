-- Delivery: each seller's shipping methods (flat fee or base fee plus a fee per
-- started kilogram, free over a subtotal threshold, limited to countries) and
-- the platform's tax rates per category (null = every category) and region.
-- Money is integer minor units; tax rates are basis points (1/100 of a percent).

CREATE TYPE "ShippingMethodKind" AS ENUM ('FLAT', 'BY_WEIGHT');

CREATE TABLE "shipping_methods" (
    "id" UUID NOT NULL,
    "seller_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "ShippingMethodKind" NOT NULL DEFAULT 'FLAT',
    "currency" CHAR(3) NOT NULL,
    "flat_fee" INTEGER NOT NULL DEFAULT 0,
    "per_kg_fee" INTEGER NOT NULL DEFAULT 0,
    "free_over" INTEGER,
    "countries" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "min_days" INTEGER NOT NULL,
    "max_days" INTEGER NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "position" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "shipping_methods_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "shipping_methods_name_check" CHECK (length(btrim("name")) > 0),
    CONSTRAINT "shipping_methods_currency_check" CHECK ("currency" ~ '^[A-Z]{3}$'),
    CONSTRAINT "shipping_methods_fees_check" CHECK (
      "flat_fee" >= 0 AND "per_kg_fee" >= 0 AND coalesce("free_over", 0) >= 0),
    CONSTRAINT "shipping_methods_days_check" CHECK ("min_days" >= 0 AND "max_days" >= "min_days")
);
CREATE INDEX "shipping_methods_seller_id_position_idx" ON "shipping_methods"("seller_id", "position");
ALTER TABLE "shipping_methods" ADD CONSTRAINT "shipping_methods_seller_id_fkey" FOREIGN KEY ("seller_id") REFERENCES "sellers"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "tax_rates" (
    "id" UUID NOT NULL,
    "category_id" UUID,
    "country" CHAR(2) NOT NULL,
    "region" TEXT,
    "rate_bp" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "tax_rates_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "tax_rates_country_check" CHECK ("country" ~ '^[A-Z]{2}$'),
    CONSTRAINT "tax_rates_region_check" CHECK ("region" IS NULL OR length(btrim("region")) > 0),
    CONSTRAINT "tax_rates_rate_bp_check" CHECK ("rate_bp" BETWEEN 0 AND 10000)
);
-- One rate per (category or any, country, region or whole country): NULLs are
-- distinct in a plain unique index, so both are folded to a sentinel.
CREATE UNIQUE INDEX "tax_rates_scope_key" ON "tax_rates"(
  COALESCE("category_id", '00000000-0000-0000-0000-000000000000'::uuid), "country", COALESCE("region", ''));
CREATE INDEX "tax_rates_category_id_idx" ON "tax_rates"("category_id");
ALTER TABLE "tax_rates" ADD CONSTRAINT "tax_rates_category_id_fkey" FOREIGN KEY ("category_id") REFERENCES "categories"("id") ON DELETE CASCADE ON UPDATE CASCADE;
