-- CreateTable
CREATE TABLE "RedactedCustomer" (
    "shop" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "redactedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    PRIMARY KEY ("shop", "id")
);
