-- CreateTable
CREATE TABLE "RedactedCustomer" (
    "shop" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "redactedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "RedactedCustomer_pkey" PRIMARY KEY ("shop","id")
);
