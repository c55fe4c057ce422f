-- DropForeignKey
ALTER TABLE "OrderLine" DROP CONSTRAINT "OrderLine_shop_orderId_fkey";
