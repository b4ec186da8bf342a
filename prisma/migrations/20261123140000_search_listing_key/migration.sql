-- A digest of what a product card shows that the other columns of its search
-- document do not hold (offers, their prices and whether each can be sold,
-- the product's last edit, its rating count). The indexer compares documents
-- before writing them so that a change no listing shows (a stock count moving
-- from 50 to 49) does not refresh cached lists; '' until a product is indexed again.
ALTER TABLE "search_documents" ADD COLUMN "listing_key" TEXT NOT NULL DEFAULT '';
