-- Carts: a signed-in shopper's cart (user_id) or a guest cart found by the
-- SHA-256 of the random token in the HttpOnly `bazaar_cart` cookie. Lines
-- point at offers and remember the unit price the shopper last saw.

CREATE TABLE "carts" (
    "id" UUID NOT NULL,
    "user_id" UUID,
    "guest_token_hash" TEXT,
    "currency" CHAR(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "expires_at" TIMESTAMPTZ(3),
    CONSTRAINT "carts_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "carts_owner_check" CHECK (("user_id" IS NULL) <> ("guest_token_hash" IS NULL)),
    CONSTRAINT "carts_guest_expiry_check" CHECK ("user_id" IS NOT NULL OR "expires_at" IS NOT NULL),
    CONSTRAINT "carts_currency_check" CHECK ("currency" ~ '^[A-Z]{3}$')
);
CREATE UNIQUE INDEX "carts_user_id_key" ON "carts"("user_id");
CREATE UNIQUE INDEX "carts_guest_token_hash_key" ON "carts"("guest_token_hash");
CREATE INDEX "carts_expires_at_idx" ON "carts"("expires_at");
ALTER TABLE "carts" ADD CONSTRAINT "carts_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "cart_lines" (
    "id" UUID NOT NULL,
    "cart_id" UUID NOT NULL,
    "offer_id" UUID NOT NULL,
    "quantity" INTEGER NOT NULL,
    "unit_price_seen" INTEGER NOT NULL,
    "added_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "cart_lines_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "cart_lines_quantity_check" CHECK ("quantity" BETWEEN 1 AND 99),
    CONSTRAINT "cart_lines_unit_price_seen_check" CHECK ("unit_price_seen" >= 0)
);
CREATE UNIQUE INDEX "cart_lines_cart_id_offer_id_key" ON "cart_lines"("cart_id", "offer_id");
CREATE INDEX "cart_lines_offer_id_idx" ON "cart_lines"("offer_id");
ALTER TABLE "cart_lines" ADD CONSTRAINT "cart_lines_cart_id_fkey" FOREIGN KEY ("cart_id") REFERENCES "carts"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "cart_lines" ADD CONSTRAINT "cart_lines_offer_id_fkey" FOREIGN KEY ("offer_id") REFERENCES "offers"("id") ON DELETE CASCADE ON UPDATE CASCADE;
