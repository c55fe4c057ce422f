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
    PRIMARY KEY ("shop", "id")
);
INSERT INTO "new_OrderLine" ("contractId", "currentQuantity", "discountedTotalAmount", "id", "orderId", "orderUpdatedAt", "originalUnitPriceAmount", "productId", "quantity", "sellingPlanId", "sellingPlanName", "shop", "sku", "title", "variantId") SELECT "contractId", "currentQuantity", "discountedTotalAmount", "id", "orderId", "orderUpdatedAt", "originalUnitPriceAmount", "productId", "quantity", "sellingPlanId", "sellingPlanName", "shop", "sku", "title", "variantId" FROM "OrderLine";
DROP TABLE "OrderLine";
ALTER TABLE "new_OrderLine" RENAME TO "OrderLine";
CREATE INDEX "OrderLine_shop_orderId_idx" ON "OrderLine"("shop", "orderId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
