-- Checkout, orders and payments.
--
-- A checkout creates one purchase (what the shopper sees) split into one order
-- per seller. Orders move through an explicit state machine; every move is a
-- row in order_transitions. Payments are per purchase (Stripe, wallet) or per
-- order (paid in store); refunds per order. Stripe webhook events are recorded
-- once, in the transaction of their effect.
--
-- Wallets and seller balances live in a double-entry ledger: a ledger
-- transaction's entries sum to zero (deferred constraint trigger), entries are
-- immutable, each entry moves its account's balance (trigger), and a CHECK
-- keeps every balance >= 0 unless the account is a platform account allowed
-- to go negative (money that comes from or goes to the outside world).

CREATE TYPE "OrderStatus" AS ENUM ('PLACED', 'PAID', 'ACCEPTED', 'PACKED', 'SHIPPED', 'DELIVERED', 'COMPLETED', 'CANCELLED');
CREATE TYPE "SalesChannel" AS ENUM ('ONLINE', 'OFFLINE');
CREATE TYPE "Fulfilment" AS ENUM ('DELIVERY', 'PICKUP');
CREATE TYPE "PaymentMethod" AS ENUM ('STRIPE', 'WALLET', 'IN_STORE');
CREATE TYPE "PaymentPurpose" AS ENUM ('PURCHASE', 'WALLET_TOP_UP');
CREATE TYPE "PaymentStatus" AS ENUM ('PENDING', 'REQUIRES_ACTION', 'SUCCEEDED', 'FAILED', 'CANCELED');
CREATE TYPE "RefundStatus" AS ENUM ('PENDING', 'SUCCEEDED', 'FAILED');
CREATE TYPE "CouponKind" AS ENUM ('PERCENTAGE', 'FIXED');
CREATE TYPE "LedgerAccountKind" AS ENUM (
  'WALLET', 'SELLER_ESCROW', 'SELLER_AVAILABLE', 'STRIPE_CLEARING', 'PLATFORM_CREDIT',
  'PLATFORM_PROMOTIONS', 'WITHDRAWALS_PENDING', 'PAYOUTS');
CREATE TYPE "WithdrawalStatus" AS ENUM ('REQUESTED', 'PAID', 'REJECTED');

-- Coupons ---------------------------------------------------------------------

CREATE TABLE "coupons" (
    "id" UUID NOT NULL,
    "code" CITEXT NOT NULL,
    "description" TEXT,
    "seller_id" UUID,
    "kind" "CouponKind" NOT NULL,
    "percent_bp" INTEGER,
    "amount_off" INTEGER,
    "currency" CHAR(3),
    "min_subtotal" INTEGER NOT NULL DEFAULT 0,
    "starts_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "ends_at" TIMESTAMPTZ(3),
    "usage_limit" INTEGER,
    "per_customer_limit" INTEGER,
    "used_count" INTEGER NOT NULL DEFAULT 0,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "coupons_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "coupons_code_check" CHECK ("code" ~ '^[A-Za-z0-9_-]{3,40}$'),
    CONSTRAINT "coupons_value_check" CHECK (
      ("kind" = 'PERCENTAGE' AND "percent_bp" BETWEEN 1 AND 10000 AND "amount_off" IS NULL)
      OR ("kind" = 'FIXED' AND "amount_off" > 0 AND "currency" IS NOT NULL AND "percent_bp" IS NULL)),
    CONSTRAINT "coupons_window_check" CHECK ("ends_at" IS NULL OR "ends_at" > "starts_at"),
    CONSTRAINT "coupons_usage_check" CHECK (
      "used_count" >= 0 AND "min_subtotal" >= 0
      AND ("usage_limit" IS NULL OR ("usage_limit" > 0 AND "used_count" <= "usage_limit"))
      AND ("per_customer_limit" IS NULL OR "per_customer_limit" > 0))
);
CREATE UNIQUE INDEX "coupons_code_key" ON "coupons"("code");
CREATE INDEX "coupons_seller_id_idx" ON "coupons"("seller_id");
ALTER TABLE "coupons" ADD CONSTRAINT "coupons_seller_id_fkey" FOREIGN KEY ("seller_id") REFERENCES "sellers"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Purchases and orders --------------------------------------------------------

CREATE TABLE "purchases" (
    "id" UUID NOT NULL,
    "number" SERIAL NOT NULL,
    "customer_id" UUID,
    "placed_by_id" UUID NOT NULL,
    "idempotency_key" TEXT NOT NULL,
    "channel" "SalesChannel" NOT NULL DEFAULT 'ONLINE',
    "payment_method" "PaymentMethod" NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "items_subtotal" INTEGER NOT NULL,
    "discount_total" INTEGER NOT NULL DEFAULT 0,
    "shipping_total" INTEGER NOT NULL DEFAULT 0,
    "tax_total" INTEGER NOT NULL DEFAULT 0,
    "grand_total" INTEGER NOT NULL,
    "coupon_id" UUID,
    "contact_email" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "purchases_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "purchases_amounts_check" CHECK (
      "items_subtotal" >= 0 AND "discount_total" >= 0 AND "shipping_total" >= 0 AND "tax_total" >= 0
      AND "discount_total" <= "items_subtotal"
      AND "grand_total" = "items_subtotal" - "discount_total" + "shipping_total" + "tax_total")
);
CREATE UNIQUE INDEX "purchases_number_key" ON "purchases"("number");
CREATE UNIQUE INDEX "purchases_placed_by_id_idempotency_key_key" ON "purchases"("placed_by_id", "idempotency_key");
CREATE INDEX "purchases_customer_id_created_at_idx" ON "purchases"("customer_id", "created_at");
ALTER TABLE "purchases" ADD CONSTRAINT "purchases_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "purchases" ADD CONSTRAINT "purchases_placed_by_id_fkey" FOREIGN KEY ("placed_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "purchases" ADD CONSTRAINT "purchases_coupon_id_fkey" FOREIGN KEY ("coupon_id") REFERENCES "coupons"("id") ON DELETE SET NULL ON UPDATE CASCADE;

CREATE TABLE "orders" (
    "id" UUID NOT NULL,
    "number" SERIAL NOT NULL,
    "purchase_id" UUID NOT NULL,
    "seller_id" UUID NOT NULL,
    "customer_id" UUID,
    "status" "OrderStatus" NOT NULL DEFAULT 'PLACED',
    "channel" "SalesChannel" NOT NULL DEFAULT 'ONLINE',
    "payment_method" "PaymentMethod" NOT NULL,
    "fulfilment" "Fulfilment" NOT NULL,
    "shipping_method_id" UUID,
    "shipping_method_name" TEXT,
    "pickup_store_id" UUID,
    "shipping_address" JSONB,
    "currency" CHAR(3) NOT NULL,
    "items_subtotal" INTEGER NOT NULL,
    "discount_total" INTEGER NOT NULL DEFAULT 0,
    "platform_discount" INTEGER NOT NULL DEFAULT 0,
    "shipping_fee" INTEGER NOT NULL DEFAULT 0,
    "tax_total" INTEGER NOT NULL DEFAULT 0,
    "total" INTEGER NOT NULL,
    "refunded_total" INTEGER NOT NULL DEFAULT 0,
    "carrier" TEXT,
    "tracking_number" TEXT,
    "cancel_reason" TEXT,
    "payment_due_at" TIMESTAMPTZ(3),
    "placed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "orders_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "orders_amounts_check" CHECK (
      "items_subtotal" >= 0 AND "discount_total" >= 0 AND "shipping_fee" >= 0 AND "tax_total" >= 0
      AND "discount_total" <= "items_subtotal"
      AND "platform_discount" BETWEEN 0 AND "discount_total"
      AND "total" = "items_subtotal" - "discount_total" + "shipping_fee" + "tax_total"
      AND "refunded_total" BETWEEN 0 AND "total"),
    CONSTRAINT "orders_fulfilment_check" CHECK (
      ("fulfilment" = 'DELIVERY' AND "shipping_address" IS NOT NULL)
      OR ("fulfilment" = 'PICKUP' AND "pickup_store_id" IS NOT NULL))
);
CREATE UNIQUE INDEX "orders_number_key" ON "orders"("number");
CREATE INDEX "orders_purchase_id_idx" ON "orders"("purchase_id");
CREATE INDEX "orders_seller_id_placed_at_idx" ON "orders"("seller_id", "placed_at");
CREATE INDEX "orders_customer_id_placed_at_idx" ON "orders"("customer_id", "placed_at");
CREATE INDEX "orders_status_payment_due_at_idx" ON "orders"("status", "payment_due_at");
ALTER TABLE "orders" ADD CONSTRAINT "orders_purchase_id_fkey" FOREIGN KEY ("purchase_id") REFERENCES "purchases"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "orders" ADD CONSTRAINT "orders_seller_id_fkey" FOREIGN KEY ("seller_id") REFERENCES "sellers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "orders" ADD CONSTRAINT "orders_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "orders" ADD CONSTRAINT "orders_shipping_method_id_fkey" FOREIGN KEY ("shipping_method_id") REFERENCES "shipping_methods"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "orders" ADD CONSTRAINT "orders_pickup_store_id_fkey" FOREIGN KEY ("pickup_store_id") REFERENCES "stores"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "order_lines" (
    "id" UUID NOT NULL,
    "order_id" UUID NOT NULL,
    "offer_id" UUID,
    "product_id" UUID,
    "category_id" UUID,
    "sku" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "unit_price" INTEGER NOT NULL,
    "quantity" INTEGER NOT NULL,
    "line_subtotal" INTEGER NOT NULL,
    "discount" INTEGER NOT NULL DEFAULT 0,
    "tax_rate_bp" INTEGER NOT NULL DEFAULT 0,
    "tax" INTEGER NOT NULL DEFAULT 0,
    "total" INTEGER NOT NULL,
    CONSTRAINT "order_lines_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "order_lines_amounts_check" CHECK (
      "unit_price" >= 0 AND "quantity" BETWEEN 1 AND 999
      AND "line_subtotal" = "unit_price" * "quantity"
      AND "discount" BETWEEN 0 AND "line_subtotal"
      AND "tax_rate_bp" BETWEEN 0 AND 10000 AND "tax" >= 0
      AND "total" = "line_subtotal" - "discount" + "tax")
);
CREATE INDEX "order_lines_order_id_idx" ON "order_lines"("order_id");
CREATE INDEX "order_lines_offer_id_idx" ON "order_lines"("offer_id");
ALTER TABLE "order_lines" ADD CONSTRAINT "order_lines_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "orders"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "order_lines" ADD CONSTRAINT "order_lines_offer_id_fkey" FOREIGN KEY ("offer_id") REFERENCES "offers"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "order_lines" ADD CONSTRAINT "order_lines_product_id_fkey" FOREIGN KEY ("product_id") REFERENCES "products"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "order_lines" ADD CONSTRAINT "order_lines_category_id_fkey" FOREIGN KEY ("category_id") REFERENCES "categories"("id") ON DELETE SET NULL ON UPDATE CASCADE;

CREATE TABLE "order_transitions" (
    "id" UUID NOT NULL,
    "order_id" UUID NOT NULL,
    "from_status" "OrderStatus",
    "to_status" "OrderStatus" NOT NULL,
    "actor_id" UUID,
    "reason" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "order_transitions_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "order_transitions_order_id_created_at_idx" ON "order_transitions"("order_id", "created_at");
ALTER TABLE "order_transitions" ADD CONSTRAINT "order_transitions_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "orders"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "order_transitions" ADD CONSTRAINT "order_transitions_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

CREATE TABLE "coupon_redemptions" (
    "id" UUID NOT NULL,
    "coupon_id" UUID NOT NULL,
    "purchase_id" UUID NOT NULL,
    "customer_id" UUID,
    "discount" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "released_at" TIMESTAMPTZ(3),
    CONSTRAINT "coupon_redemptions_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "coupon_redemptions_discount_check" CHECK ("discount" >= 0)
);
CREATE UNIQUE INDEX "coupon_redemptions_purchase_id_key" ON "coupon_redemptions"("purchase_id");
CREATE INDEX "coupon_redemptions_coupon_id_customer_id_idx" ON "coupon_redemptions"("coupon_id", "customer_id");
ALTER TABLE "coupon_redemptions" ADD CONSTRAINT "coupon_redemptions_coupon_id_fkey" FOREIGN KEY ("coupon_id") REFERENCES "coupons"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "coupon_redemptions" ADD CONSTRAINT "coupon_redemptions_purchase_id_fkey" FOREIGN KEY ("purchase_id") REFERENCES "purchases"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "coupon_redemptions" ADD CONSTRAINT "coupon_redemptions_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Payments, refunds, webhook events ------------------------------------------

CREATE TABLE "payments" (
    "id" UUID NOT NULL,
    "purpose" "PaymentPurpose" NOT NULL,
    "method" "PaymentMethod" NOT NULL,
    "status" "PaymentStatus" NOT NULL DEFAULT 'PENDING',
    "purchase_id" UUID,
    "order_id" UUID,
    "payer_id" UUID,
    "amount" INTEGER NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "refunded_amount" INTEGER NOT NULL DEFAULT 0,
    "idempotency_key" TEXT NOT NULL,
    "provider_ref" TEXT,
    "client_secret" TEXT,
    "failure_code" TEXT,
    "failure_message" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "succeeded_at" TIMESTAMPTZ(3),
    CONSTRAINT "payments_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "payments_amount_check" CHECK ("amount" > 0 AND "refunded_amount" BETWEEN 0 AND "amount"),
    CONSTRAINT "payments_purpose_check" CHECK (
      ("purpose" = 'PURCHASE' AND "purchase_id" IS NOT NULL)
      OR ("purpose" = 'WALLET_TOP_UP' AND "method" = 'STRIPE' AND "payer_id" IS NOT NULL)),
    CONSTRAINT "payments_succeeded_check" CHECK (("status" = 'SUCCEEDED') = ("succeeded_at" IS NOT NULL))
);
CREATE UNIQUE INDEX "payments_idempotency_key_key" ON "payments"("idempotency_key");
CREATE UNIQUE INDEX "payments_provider_ref_key" ON "payments"("provider_ref");
CREATE INDEX "payments_purchase_id_idx" ON "payments"("purchase_id");
CREATE INDEX "payments_order_id_idx" ON "payments"("order_id");
CREATE INDEX "payments_status_updated_at_idx" ON "payments"("status", "updated_at");
-- One online payment per purchase (a failed attempt is retried on the same
-- PaymentIntent); in-store payments are one per order.
CREATE UNIQUE INDEX "payments_purchase_online_key" ON "payments"("purchase_id") WHERE "method" <> 'IN_STORE';
CREATE UNIQUE INDEX "payments_order_in_store_key" ON "payments"("order_id") WHERE "method" = 'IN_STORE';
ALTER TABLE "payments" ADD CONSTRAINT "payments_purchase_id_fkey" FOREIGN KEY ("purchase_id") REFERENCES "purchases"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "payments" ADD CONSTRAINT "payments_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "orders"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "payments" ADD CONSTRAINT "payments_payer_id_fkey" FOREIGN KEY ("payer_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

CREATE TABLE "refunds" (
    "id" UUID NOT NULL,
    "payment_id" UUID NOT NULL,
    "order_id" UUID,
    "amount" INTEGER NOT NULL,
    "status" "RefundStatus" NOT NULL DEFAULT 'PENDING',
    "idempotency_key" TEXT NOT NULL,
    "provider_ref" TEXT,
    "reason" TEXT,
    "actor_id" UUID,
    "failure_message" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "refunds_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "refunds_amount_check" CHECK ("amount" > 0)
);
CREATE UNIQUE INDEX "refunds_idempotency_key_key" ON "refunds"("idempotency_key");
CREATE UNIQUE INDEX "refunds_provider_ref_key" ON "refunds"("provider_ref");
CREATE INDEX "refunds_payment_id_idx" ON "refunds"("payment_id");
CREATE INDEX "refunds_order_id_idx" ON "refunds"("order_id");
ALTER TABLE "refunds" ADD CONSTRAINT "refunds_payment_id_fkey" FOREIGN KEY ("payment_id") REFERENCES "payments"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "refunds" ADD CONSTRAINT "refunds_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "orders"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "refunds" ADD CONSTRAINT "refunds_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

CREATE TABLE "webhook_events" (
    "provider" TEXT NOT NULL,
    "event_id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "webhook_events_pkey" PRIMARY KEY ("provider", "event_id")
);

-- Ledger ----------------------------------------------------------------------

CREATE TABLE "ledger_accounts" (
    "id" UUID NOT NULL,
    "kind" "LedgerAccountKind" NOT NULL,
    "user_id" UUID,
    "seller_id" UUID,
    "currency" CHAR(3) NOT NULL,
    "balance" BIGINT NOT NULL DEFAULT 0,
    "allow_negative" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ledger_accounts_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "ledger_accounts_balance_check" CHECK ("allow_negative" OR "balance" >= 0),
    CONSTRAINT "ledger_accounts_owner_check" CHECK (
      ("kind" = 'WALLET' AND "user_id" IS NOT NULL AND "seller_id" IS NULL AND NOT "allow_negative")
      OR ("kind" IN ('SELLER_ESCROW', 'SELLER_AVAILABLE') AND "seller_id" IS NOT NULL AND "user_id" IS NULL AND NOT "allow_negative")
      OR ("kind" NOT IN ('WALLET', 'SELLER_ESCROW', 'SELLER_AVAILABLE') AND "user_id" IS NULL AND "seller_id" IS NULL))
);
CREATE UNIQUE INDEX "ledger_accounts_kind_user_id_seller_id_currency_key"
  ON "ledger_accounts"("kind", "user_id", "seller_id", "currency") NULLS NOT DISTINCT;
CREATE INDEX "ledger_accounts_user_id_idx" ON "ledger_accounts"("user_id");
CREATE INDEX "ledger_accounts_seller_id_idx" ON "ledger_accounts"("seller_id");
ALTER TABLE "ledger_accounts" ADD CONSTRAINT "ledger_accounts_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "ledger_accounts" ADD CONSTRAINT "ledger_accounts_seller_id_fkey" FOREIGN KEY ("seller_id") REFERENCES "sellers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "ledger_transactions" (
    "id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "memo" TEXT,
    "actor_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ledger_transactions_pkey" PRIMARY KEY ("id")
);
-- One effect per cause: e.g. ('PURCHASE_PAYMENT', <payment id>) can be booked once.
CREATE UNIQUE INDEX "ledger_transactions_kind_reference_key" ON "ledger_transactions"("kind", "reference");
ALTER TABLE "ledger_transactions" ADD CONSTRAINT "ledger_transactions_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

CREATE TABLE "ledger_entries" (
    "id" BIGSERIAL NOT NULL,
    "transaction_id" UUID NOT NULL,
    "account_id" UUID NOT NULL,
    "amount" BIGINT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ledger_entries_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "ledger_entries_amount_check" CHECK ("amount" <> 0)
);
CREATE INDEX "ledger_entries_transaction_id_idx" ON "ledger_entries"("transaction_id");
CREATE INDEX "ledger_entries_account_id_id_idx" ON "ledger_entries"("account_id", "id");
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_transaction_id_fkey" FOREIGN KEY ("transaction_id") REFERENCES "ledger_transactions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "ledger_accounts"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Each entry moves its account's balance; the balance CHECK rejects overdrafts.
CREATE FUNCTION "ledger_entry_apply"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "ledger_accounts" SET "balance" = "balance" + NEW."amount" WHERE "id" = NEW."account_id";
  RETURN NEW;
END $$;
CREATE TRIGGER "ledger_entries_apply" AFTER INSERT ON "ledger_entries"
  FOR EACH ROW EXECUTE FUNCTION "ledger_entry_apply"();

CREATE FUNCTION "ledger_entry_immutable"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'ledger entries are immutable; book a reversing transaction' USING ERRCODE = 'restrict_violation';
END $$;
CREATE TRIGGER "ledger_entries_immutable" BEFORE UPDATE OR DELETE ON "ledger_entries"
  FOR EACH ROW EXECUTE FUNCTION "ledger_entry_immutable"();

-- At commit, every transaction that got entries must sum to zero in one currency.
CREATE FUNCTION "ledger_transaction_balanced"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  total NUMERIC;
  currencies INTEGER;
BEGIN
  SELECT coalesce(sum(e."amount"), 0), count(DISTINCT a."currency") INTO total, currencies
    FROM "ledger_entries" e JOIN "ledger_accounts" a ON a."id" = e."account_id"
   WHERE e."transaction_id" = NEW."transaction_id";
  IF total <> 0 OR currencies <> 1 THEN
    RAISE EXCEPTION 'ledger transaction % does not balance (sum %, currencies %)',
      NEW."transaction_id", total, currencies USING ERRCODE = 'check_violation';
  END IF;
  RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER "ledger_entries_balanced" AFTER INSERT ON "ledger_entries"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "ledger_transaction_balanced"();

CREATE TABLE "withdrawal_requests" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "amount" INTEGER NOT NULL,
    "status" "WithdrawalStatus" NOT NULL DEFAULT 'REQUESTED',
    "note" TEXT,
    "decided_by_id" UUID,
    "decided_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "withdrawal_requests_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "withdrawal_requests_amount_check" CHECK ("amount" > 0),
    CONSTRAINT "withdrawal_requests_decision_check" CHECK (("status" = 'REQUESTED') = ("decided_at" IS NULL))
);
CREATE INDEX "withdrawal_requests_user_id_created_at_idx" ON "withdrawal_requests"("user_id", "created_at");
CREATE INDEX "withdrawal_requests_status_created_at_idx" ON "withdrawal_requests"("status", "created_at");
ALTER TABLE "withdrawal_requests" ADD CONSTRAINT "withdrawal_requests_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "withdrawal_requests" ADD CONSTRAINT "withdrawal_requests_decided_by_id_fkey" FOREIGN KEY ("decided_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
