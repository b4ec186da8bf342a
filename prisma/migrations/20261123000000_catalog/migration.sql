-- Catalog, offers, prices, stock, the event outbox, CSV imports and the
-- PostgreSQL search index. Localized text is a JSON object keyed by locale.

CREATE TYPE "ProductStatus" AS ENUM ('DRAFT', 'PUBLISHED', 'ARCHIVED');
CREATE TYPE "OfferCondition" AS ENUM ('NEW', 'REFURBISHED', 'USED_LIKE_NEW', 'USED_GOOD', 'USED_ACCEPTABLE');
CREATE TYPE "OfferStatus" AS ENUM ('ACTIVE', 'INACTIVE');
CREATE TYPE "PriceChangeReason" AS ENUM ('CREATED', 'MANUAL', 'BULK_EDIT', 'IMPORT', 'SCHEDULE_START', 'SCHEDULE_END');
CREATE TYPE "StockLocationKind" AS ENUM ('WAREHOUSE', 'STORE');
CREATE TYPE "StockMovementReason" AS ENUM ('RECEIVED', 'DAMAGED', 'COUNT_CORRECTION', 'OFFLINE_SALE', 'IMPORT');
CREATE TYPE "ImportStatus" AS ENUM ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED');

ALTER TABLE "sellers"
  ADD COLUMN "rating_average" DOUBLE PRECISION,
  ADD COLUMN "rating_count" INTEGER NOT NULL DEFAULT 0;

CREATE TABLE "categories" (
    "id" UUID NOT NULL,
    "parent_id" UUID,
    "slug" CITEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "name" JSONB NOT NULL,
    "description" JSONB NOT NULL DEFAULT '{}',
    "image_url" TEXT,
    "attribute_definitions" JSONB NOT NULL DEFAULT '[]',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "categories_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "categories_not_own_parent_check" CHECK ("parent_id" IS DISTINCT FROM "id")
);
CREATE UNIQUE INDEX "categories_slug_key" ON "categories"("slug");
CREATE INDEX "categories_parent_id_position_idx" ON "categories"("parent_id", "position");
ALTER TABLE "categories" ADD CONSTRAINT "categories_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "categories"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "media" (
    "id" UUID NOT NULL,
    "uploaded_by_id" UUID,
    "content_type" TEXT NOT NULL,
    "width" INTEGER NOT NULL,
    "height" INTEGER NOT NULL,
    "bytes" INTEGER NOT NULL,
    "storage_key" TEXT NOT NULL,
    "renditions" JSONB NOT NULL DEFAULT '[]',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "media_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "media_storage_key_key" ON "media"("storage_key");

CREATE TABLE "products" (
    "id" UUID NOT NULL,
    "slug" CITEXT NOT NULL,
    "category_id" UUID,
    "owner_seller_id" UUID,
    "brand" TEXT,
    "tags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "title" JSONB NOT NULL,
    "description" JSONB NOT NULL DEFAULT '{}',
    "attributes" JSONB NOT NULL DEFAULT '{}',
    "options" JSONB NOT NULL DEFAULT '[]',
    "seo_title" JSONB NOT NULL DEFAULT '{}',
    "seo_description" JSONB NOT NULL DEFAULT '{}',
    "status" "ProductStatus" NOT NULL DEFAULT 'DRAFT',
    "rating_average" DOUBLE PRECISION,
    "rating_count" INTEGER NOT NULL DEFAULT 0,
    "sales_count" INTEGER NOT NULL DEFAULT 0,
    "published_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "products_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "products_slug_key" ON "products"("slug");
CREATE INDEX "products_category_id_idx" ON "products"("category_id");
CREATE INDEX "products_owner_seller_id_idx" ON "products"("owner_seller_id");
CREATE INDEX "products_status_published_at_idx" ON "products"("status", "published_at");
-- Matching an offer to an existing product by title.
CREATE INDEX "products_title_en_trgm" ON "products" USING gin ((lower("title"->>'en')) gin_trgm_ops);
ALTER TABLE "products" ADD CONSTRAINT "products_category_id_fkey" FOREIGN KEY ("category_id") REFERENCES "categories"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "products" ADD CONSTRAINT "products_owner_seller_id_fkey" FOREIGN KEY ("owner_seller_id") REFERENCES "sellers"("id") ON DELETE SET NULL ON UPDATE CASCADE;

CREATE TABLE "product_images" (
    "id" UUID NOT NULL,
    "product_id" UUID NOT NULL,
    "media_id" UUID NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "alt" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "product_images_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "product_images_product_id_position_idx" ON "product_images"("product_id", "position");
CREATE INDEX "product_images_media_id_idx" ON "product_images"("media_id");
ALTER TABLE "product_images" ADD CONSTRAINT "product_images_product_id_fkey" FOREIGN KEY ("product_id") REFERENCES "products"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "product_images" ADD CONSTRAINT "product_images_media_id_fkey" FOREIGN KEY ("media_id") REFERENCES "media"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "variants" (
    "id" UUID NOT NULL,
    "product_id" UUID NOT NULL,
    "sku" CITEXT NOT NULL,
    "barcode" TEXT,
    "option_values" JSONB NOT NULL DEFAULT '{}',
    "position" INTEGER NOT NULL DEFAULT 0,
    "weight_grams" INTEGER,
    "length_mm" INTEGER,
    "width_mm" INTEGER,
    "height_mm" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "variants_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "variants_dimensions_check" CHECK (
      coalesce("weight_grams", 0) >= 0 AND coalesce("length_mm", 0) >= 0
      AND coalesce("width_mm", 0) >= 0 AND coalesce("height_mm", 0) >= 0)
);
CREATE UNIQUE INDEX "variants_sku_key" ON "variants"("sku");
CREATE INDEX "variants_product_id_position_idx" ON "variants"("product_id", "position");
CREATE INDEX "variants_barcode_idx" ON "variants"("barcode");
ALTER TABLE "variants" ADD CONSTRAINT "variants_product_id_fkey" FOREIGN KEY ("product_id") REFERENCES "products"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "offers" (
    "id" UUID NOT NULL,
    "variant_id" UUID NOT NULL,
    "seller_id" UUID NOT NULL,
    "condition" "OfferCondition" NOT NULL DEFAULT 'NEW',
    "price" INTEGER NOT NULL,
    "compare_at_price" INTEGER,
    "currency" CHAR(3) NOT NULL,
    "handling_days" INTEGER NOT NULL DEFAULT 1,
    "allow_backorder" BOOLEAN NOT NULL DEFAULT false,
    "low_stock_threshold" INTEGER NOT NULL DEFAULT 5,
    "status" "OfferStatus" NOT NULL DEFAULT 'ACTIVE',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "offers_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "offers_price_check" CHECK ("price" >= 0 AND coalesce("compare_at_price", 0) >= 0),
    CONSTRAINT "offers_currency_check" CHECK ("currency" ~ '^[A-Z]{3}$'),
    CONSTRAINT "offers_handling_days_check" CHECK ("handling_days" BETWEEN 0 AND 365),
    CONSTRAINT "offers_low_stock_threshold_check" CHECK ("low_stock_threshold" >= 0)
);
CREATE UNIQUE INDEX "offers_variant_id_seller_id_condition_key" ON "offers"("variant_id", "seller_id", "condition");
CREATE INDEX "offers_seller_id_idx" ON "offers"("seller_id");
ALTER TABLE "offers" ADD CONSTRAINT "offers_variant_id_fkey" FOREIGN KEY ("variant_id") REFERENCES "variants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "offers" ADD CONSTRAINT "offers_seller_id_fkey" FOREIGN KEY ("seller_id") REFERENCES "sellers"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "price_history" (
    "id" UUID NOT NULL,
    "offer_id" UUID NOT NULL,
    "price" INTEGER NOT NULL,
    "compare_at_price" INTEGER,
    "currency" CHAR(3) NOT NULL,
    "reason" "PriceChangeReason" NOT NULL,
    "actor_id" UUID,
    "changed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "price_history_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "price_history_offer_id_changed_at_idx" ON "price_history"("offer_id", "changed_at");
ALTER TABLE "price_history" ADD CONSTRAINT "price_history_offer_id_fkey" FOREIGN KEY ("offer_id") REFERENCES "offers"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "price_schedules" (
    "id" UUID NOT NULL,
    "offer_id" UUID NOT NULL,
    "price" INTEGER NOT NULL,
    "compare_at_price" INTEGER,
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "ends_at" TIMESTAMPTZ(3),
    "previous_price" INTEGER,
    "previous_compare_at_price" INTEGER,
    "started_at" TIMESTAMPTZ(3),
    "ended_at" TIMESTAMPTZ(3),
    "cancelled_at" TIMESTAMPTZ(3),
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "price_schedules_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "price_schedules_price_check" CHECK ("price" >= 0 AND coalesce("compare_at_price", 0) >= 0),
    CONSTRAINT "price_schedules_window_check" CHECK ("ends_at" IS NULL OR "ends_at" > "starts_at")
);
CREATE INDEX "price_schedules_offer_id_starts_at_idx" ON "price_schedules"("offer_id", "starts_at");
-- The schedule job's two questions: what should start, what should end.
CREATE INDEX "price_schedules_due_start" ON "price_schedules"("starts_at") WHERE "started_at" IS NULL AND "cancelled_at" IS NULL;
CREATE INDEX "price_schedules_due_end" ON "price_schedules"("ends_at") WHERE "started_at" IS NOT NULL AND "ended_at" IS NULL AND "ends_at" IS NOT NULL;
ALTER TABLE "price_schedules" ADD CONSTRAINT "price_schedules_offer_id_fkey" FOREIGN KEY ("offer_id") REFERENCES "offers"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "stock_locations" (
    "id" UUID NOT NULL,
    "seller_id" UUID NOT NULL,
    "kind" "StockLocationKind" NOT NULL,
    "store_id" UUID,
    "name" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "stock_locations_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "stock_locations_store_check" CHECK (("kind" = 'STORE') = ("store_id" IS NOT NULL))
);
CREATE UNIQUE INDEX "stock_locations_store_id_key" ON "stock_locations"("store_id");
CREATE INDEX "stock_locations_seller_id_idx" ON "stock_locations"("seller_id");
ALTER TABLE "stock_locations" ADD CONSTRAINT "stock_locations_seller_id_fkey" FOREIGN KEY ("seller_id") REFERENCES "sellers"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "stock_locations" ADD CONSTRAINT "stock_locations_store_id_fkey" FOREIGN KEY ("store_id") REFERENCES "stores"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "stock_levels" (
    "id" UUID NOT NULL,
    "offer_id" UUID NOT NULL,
    "location_id" UUID NOT NULL,
    "on_hand" INTEGER NOT NULL DEFAULT 0,
    "reserved" INTEGER NOT NULL DEFAULT 0,
    "backorder" BOOLEAN NOT NULL DEFAULT false,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "stock_levels_pkey" PRIMARY KEY ("id"),
    -- Reservations never exceed what is on hand, unless the offer takes backorders.
    -- On-hand itself may drop below zero only through an offline sale (goods that
    -- physically left a store); the negative-stock report lists those rows.
    CONSTRAINT "stock_levels_reserved_check" CHECK ("reserved" >= 0 AND ("backorder" OR "reserved" <= greatest("on_hand", 0)))
);
CREATE UNIQUE INDEX "stock_levels_offer_id_location_id_key" ON "stock_levels"("offer_id", "location_id");
CREATE INDEX "stock_levels_location_id_idx" ON "stock_levels"("location_id");
CREATE INDEX "stock_levels_negative" ON "stock_levels"("location_id") WHERE "on_hand" < 0;
ALTER TABLE "stock_levels" ADD CONSTRAINT "stock_levels_offer_id_fkey" FOREIGN KEY ("offer_id") REFERENCES "offers"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "stock_levels" ADD CONSTRAINT "stock_levels_location_id_fkey" FOREIGN KEY ("location_id") REFERENCES "stock_locations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "stock_movements" (
    "id" UUID NOT NULL,
    "stock_level_id" UUID NOT NULL,
    "delta" INTEGER NOT NULL,
    "on_hand_after" INTEGER NOT NULL,
    "reason" "StockMovementReason" NOT NULL,
    "note" TEXT,
    "actor_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "stock_movements_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "stock_movements_stock_level_id_created_at_idx" ON "stock_movements"("stock_level_id", "created_at");
ALTER TABLE "stock_movements" ADD CONSTRAINT "stock_movements_stock_level_id_fkey" FOREIGN KEY ("stock_level_id") REFERENCES "stock_levels"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "outbox_events" (
    "id" BIGSERIAL NOT NULL,
    "topic" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_error" TEXT,
    "processed_at" TIMESTAMPTZ(3),
    CONSTRAINT "outbox_events_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "outbox_events_topic_processed_at_next_attempt_at_idx" ON "outbox_events"("topic", "processed_at", "next_attempt_at");

CREATE TABLE "import_jobs" (
    "id" UUID NOT NULL,
    "seller_id" UUID NOT NULL,
    "created_by_id" UUID,
    "file_name" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "dry_run" BOOLEAN NOT NULL DEFAULT false,
    "status" "ImportStatus" NOT NULL DEFAULT 'QUEUED',
    "total_rows" INTEGER NOT NULL DEFAULT 0,
    "processed_rows" INTEGER NOT NULL DEFAULT 0,
    "succeeded_rows" INTEGER NOT NULL DEFAULT 0,
    "failed_rows" INTEGER NOT NULL DEFAULT 0,
    "errors" JSONB NOT NULL DEFAULT '[]',
    "failure" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started_at" TIMESTAMPTZ(3),
    "finished_at" TIMESTAMPTZ(3),
    CONSTRAINT "import_jobs_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "import_jobs_seller_id_created_at_idx" ON "import_jobs"("seller_id", "created_at");
CREATE INDEX "import_jobs_status_created_at_idx" ON "import_jobs"("status", "created_at");

CREATE TABLE "search_documents" (
    "product_id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "title" JSONB NOT NULL,
    "brand" TEXT,
    "category_ids" UUID[],
    "seller_ids" UUID[],
    "attributes" JSONB NOT NULL DEFAULT '{}',
    "min_price" INTEGER,
    "currency" CHAR(3),
    "in_stock" BOOLEAN NOT NULL DEFAULT false,
    "rating_average" DOUBLE PRECISION,
    "sales_count" INTEGER NOT NULL DEFAULT 0,
    "published_at" TIMESTAMPTZ(3) NOT NULL,
    "search_text" TEXT NOT NULL,
    "document" TSVECTOR NOT NULL,
    "image_key" TEXT,
    "indexed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "search_documents_pkey" PRIMARY KEY ("product_id")
);
ALTER TABLE "search_documents" ADD CONSTRAINT "search_documents_product_id_fkey" FOREIGN KEY ("product_id") REFERENCES "products"("id") ON DELETE CASCADE ON UPDATE CASCADE;
CREATE INDEX "search_documents_document" ON "search_documents" USING gin ("document");
CREATE INDEX "search_documents_search_text_trgm" ON "search_documents" USING gin ("search_text" gin_trgm_ops);
CREATE INDEX "search_documents_category_ids" ON "search_documents" USING gin ("category_ids");
CREATE INDEX "search_documents_seller_ids" ON "search_documents" USING gin ("seller_ids");
CREATE INDEX "search_documents_attributes" ON "search_documents" USING gin ("attributes" jsonb_path_ops);
CREATE INDEX "search_documents_published_at_idx" ON "search_documents"("published_at" DESC);
CREATE INDEX "search_documents_min_price_idx" ON "search_documents"("min_price");
-- Suggestions for "did you mean": the distinct words of the index (pg_trgm similarity).
CREATE TABLE "search_words" (
    "word" TEXT NOT NULL,
    CONSTRAINT "search_words_pkey" PRIMARY KEY ("word")
);
CREATE INDEX "search_words_trgm" ON "search_words" USING gin ("word" gin_trgm_ops);
