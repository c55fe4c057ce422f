-- AlterTable
ALTER TABLE "OrderLine" ADD COLUMN     "orderUpdatedAt" TIMESTAMP(3) NOT NULL;
-- AlterTable
ALTER TABLE "Refund" ADD COLUMN     "orderUpdatedAt" TIMESTAMP(3) NOT NULL;
