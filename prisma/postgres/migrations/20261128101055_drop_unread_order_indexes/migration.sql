-- DropIndex
DROP INDEX "Order_shop_processedAt_idx";
-- DropIndex
DROP INDEX "Order_shop_shopifyUpdatedAt_idx";
-- DropIndex
DROP INDEX "OrderLine_shop_productId_idx";
-- DropIndex
DROP INDEX "Refund_shop_createdAt_idx";
