-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_OrderLine" (
    "shop" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "productId" TEXT,
    "variantId" TEXT,
    "sku" TEXT,
    "title" TEXT,
    "quantity" INTEGER NOT NULL,
    "currentQuantity" INTEGER NOT NULL,
    "originalUnitPriceAmount" BIGINT NOT NULL,
    "discountedTotalAmount" BIGINT NOT NULL,
    "sellingPlanId" TEXT,
    "sellingPlanName" TEXT,
    "contractId" TEXT,
    "orderUpdatedAt" DATETIME NOT NULL,
    PRIMARY KEY ("shop", "id"),
    CONSTRAINT "OrderLine_shop_orderId_fkey" FOREIGN KEY ("shop", "orderId") REFERENCES "Order" ("shop", "id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_OrderLine" ("contractId", "currentQuantity", "discountedTotalAmount", "id", "orderId", "originalUnitPriceAmount", "productId", "quantity", "sellingPlanId", "sellingPlanName", "shop", "sku", "title", "variantId") SELECT "contractId", "currentQuantity", "discountedTotalAmount", "id", "orderId", "originalUnitPriceAmount", "productId", "quantity", "sellingPlanId", "sellingPlanName", "shop", "sku", "title", "variantId" FROM "OrderLine";
DROP TABLE "OrderLine";
ALTER TABLE "new_OrderLine" RENAME TO "OrderLine";
CREATE INDEX "OrderLine_shop_orderId_idx" ON "OrderLine"("shop", "orderId");
CREATE INDEX "OrderLine_shop_productId_idx" ON "OrderLine"("shop", "productId");
CREATE TABLE "new_Refund" (
    "shop" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "processedAt" DATETIME,
    "totalAmount" BIGINT NOT NULL,
    "currencyCode" TEXT NOT NULL,
    "note" TEXT,
    "orderUpdatedAt" DATETIME NOT NULL,
    PRIMARY KEY ("shop", "id"),
    CONSTRAINT "Refund_shop_orderId_fkey" FOREIGN KEY ("shop", "orderId") REFERENCES "Order" ("shop", "id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Refund" ("createdAt", "currencyCode", "id", "note", "orderId", "processedAt", "shop", "totalAmount") SELECT "createdAt", "currencyCode", "id", "note", "orderId", "processedAt", "shop", "totalAmount" FROM "Refund";
DROP TABLE "Refund";
ALTER TABLE "new_Refund" RENAME TO "Refund";
CREATE INDEX "Refund_shop_orderId_idx" ON "Refund"("shop", "orderId");
CREATE INDEX "Refund_shop_createdAt_idx" ON "Refund"("shop", "createdAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
