-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "isOnline" BOOLEAN NOT NULL DEFAULT false,
    "scope" TEXT,
    "expires" DATETIME,
    "accessToken" TEXT NOT NULL,
    "userId" BIGINT,
    "firstName" TEXT,
    "lastName" TEXT,
    "email" TEXT,
    "accountOwner" BOOLEAN NOT NULL DEFAULT false,
    "locale" TEXT,
    "collaborator" BOOLEAN DEFAULT false,
    "emailVerified" BOOLEAN DEFAULT false,
    "refreshToken" TEXT,
    "refreshTokenExpires" DATETIME
);

-- CreateTable
CREATE TABLE "Shop" (
    "shop" TEXT NOT NULL PRIMARY KEY,
    "shopGid" TEXT,
    "name" TEXT,
    "installState" TEXT NOT NULL DEFAULT 'installed',
    "installedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "uninstalledAt" DATETIME,
    "scopes" TEXT,
    "currencyCode" TEXT NOT NULL DEFAULT 'USD',
    "ianaTimezone" TEXT NOT NULL DEFAULT 'UTC',
    "planName" TEXT,
    "shopifyPlus" BOOLEAN NOT NULL DEFAULT false,
    "locale" TEXT NOT NULL DEFAULT 'en',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "SyncCursor" (
    "shop" TEXT NOT NULL,
    "resource" TEXT NOT NULL,
    "bulkOperationId" TEXT,
    "bulkLinesConsumed" INTEGER NOT NULL DEFAULT 0,
    "backfilledAt" DATETIME,
    "updatedAtCursor" DATETIME,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("shop", "resource"),
    CONSTRAINT "SyncCursor_shop_fkey" FOREIGN KEY ("shop") REFERENCES "Shop" ("shop") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SyncRun" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "resource" TEXT NOT NULL,
    "phase" TEXT NOT NULL DEFAULT 'queued',
    "status" TEXT NOT NULL DEFAULT 'running',
    "expectedCount" INTEGER,
    "doneCount" INTEGER NOT NULL DEFAULT 0,
    "ratePerSecond" REAL,
    "etaSeconds" INTEGER,
    "lastError" TEXT,
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" DATETIME,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "SyncRun_shop_fkey" FOREIGN KEY ("shop") REFERENCES "Shop" ("shop") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "WebhookDelivery" (
    "shop" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "webhookId" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "apiVersion" TEXT NOT NULL,
    "resourceId" TEXT,
    "triggeredAt" DATETIME,
    "receivedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "status" TEXT NOT NULL DEFAULT 'received',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "payload" TEXT,

    PRIMARY KEY ("shop", "eventId")
);

-- CreateTable
CREATE TABLE "Customer" (
    "shop" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "firstOrderId" TEXT,
    "firstOrderAt" DATETIME,
    "ordersCount" INTEGER NOT NULL DEFAULT 0,
    "acquisitionChannel" TEXT,
    "firstVisitSource" TEXT,
    "firstUtmSource" TEXT,
    "firstUtmMedium" TEXT,
    "firstUtmCampaign" TEXT,
    "firstDiscountCode" TEXT,
    "firstProductId" TEXT,
    "countryCode" TEXT,
    "shopifyCreatedAt" DATETIME,
    "shopifyUpdatedAt" DATETIME,
    "syncedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("shop", "id")
);

-- CreateTable
CREATE TABLE "Order" (
    "shop" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "name" TEXT,
    "customerId" TEXT,
    "createdAt" DATETIME NOT NULL,
    "processedAt" DATETIME NOT NULL,
    "shopifyUpdatedAt" DATETIME NOT NULL,
    "cancelledAt" DATETIME,
    "cancelReason" TEXT,
    "closedAt" DATETIME,
    "test" BOOLEAN NOT NULL DEFAULT false,
    "sourceName" TEXT,
    "appName" TEXT,
    "financialStatus" TEXT,
    "fulfillmentStatus" TEXT,
    "tags" TEXT NOT NULL DEFAULT '[]',
    "discountCodes" TEXT NOT NULL DEFAULT '[]',
    "customerOrderIndex" INTEGER,
    "daysToConversion" INTEGER,
    "firstVisitSource" TEXT,
    "firstVisitSourceType" TEXT,
    "firstVisitReferrerHost" TEXT,
    "utmSource" TEXT,
    "utmMedium" TEXT,
    "utmCampaign" TEXT,
    "utmContent" TEXT,
    "utmTerm" TEXT,
    "countryCode" TEXT,
    "hasSubscriptionLine" BOOLEAN NOT NULL DEFAULT false,
    "currencyCode" TEXT NOT NULL,
    "subtotalAmount" BIGINT NOT NULL DEFAULT 0,
    "totalDiscountsAmount" BIGINT NOT NULL DEFAULT 0,
    "totalShippingAmount" BIGINT NOT NULL DEFAULT 0,
    "totalTaxAmount" BIGINT NOT NULL DEFAULT 0,
    "totalPriceAmount" BIGINT NOT NULL DEFAULT 0,
    "currentTotalPriceAmount" BIGINT NOT NULL DEFAULT 0,
    "totalRefundedAmount" BIGINT NOT NULL DEFAULT 0,
    "presentmentCurrencyCode" TEXT NOT NULL,
    "presentmentTotalAmount" BIGINT NOT NULL DEFAULT 0,
    "syncedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("shop", "id")
);

-- CreateTable
CREATE TABLE "OrderLine" (
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

    PRIMARY KEY ("shop", "id"),
    CONSTRAINT "OrderLine_shop_orderId_fkey" FOREIGN KEY ("shop", "orderId") REFERENCES "Order" ("shop", "id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Refund" (
    "shop" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "processedAt" DATETIME,
    "totalAmount" BIGINT NOT NULL,
    "currencyCode" TEXT NOT NULL,
    "note" TEXT,

    PRIMARY KEY ("shop", "id"),
    CONSTRAINT "Refund_shop_orderId_fkey" FOREIGN KEY ("shop", "orderId") REFERENCES "Order" ("shop", "id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RefundLine" (
    "shop" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "refundId" TEXT NOT NULL,
    "lineItemId" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "subtotalAmount" BIGINT NOT NULL,

    PRIMARY KEY ("shop", "id"),
    CONSTRAINT "RefundLine_shop_refundId_fkey" FOREIGN KEY ("shop", "refundId") REFERENCES "Refund" ("shop", "id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SubscriptionContract" (
    "shop" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "customerId" TEXT,
    "originOrderId" TEXT,
    "status" TEXT NOT NULL,
    "billingIntervalUnit" TEXT NOT NULL,
    "billingIntervalCount" INTEGER NOT NULL,
    "deliveryIntervalUnit" TEXT,
    "deliveryIntervalCount" INTEGER,
    "nextBillingDate" DATETIME,
    "lastPaymentStatus" TEXT,
    "currencyCode" TEXT NOT NULL,
    "source" TEXT NOT NULL DEFAULT 'own',
    "shopifyCreatedAt" DATETIME NOT NULL,
    "shopifyUpdatedAt" DATETIME NOT NULL,
    "syncedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("shop", "id")
);

-- CreateTable
CREATE TABLE "SubscriptionLine" (
    "shop" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "contractId" TEXT NOT NULL,
    "productId" TEXT,
    "variantId" TEXT,
    "quantity" INTEGER NOT NULL,
    "currentPriceAmount" BIGINT NOT NULL,
    "sellingPlanId" TEXT,
    "sellingPlanName" TEXT,

    PRIMARY KEY ("shop", "id"),
    CONSTRAINT "SubscriptionLine_shop_contractId_fkey" FOREIGN KEY ("shop", "contractId") REFERENCES "SubscriptionContract" ("shop", "id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SubscriptionStatusChange" (
    "shop" TEXT NOT NULL,
    "id" TEXT NOT NULL PRIMARY KEY,
    "contractId" TEXT NOT NULL,
    "fromStatus" TEXT,
    "toStatus" TEXT NOT NULL,
    "changedAt" DATETIME NOT NULL,
    "source" TEXT NOT NULL,
    CONSTRAINT "SubscriptionStatusChange_shop_contractId_fkey" FOREIGN KEY ("shop", "contractId") REFERENCES "SubscriptionContract" ("shop", "id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Survey" (
    "shop" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "placements" TEXT NOT NULL DEFAULT '["thank-you"]',
    "currentVersion" INTEGER NOT NULL DEFAULT 1,
    "activatedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("shop", "id")
);

-- CreateTable
CREATE TABLE "SurveyQuestion" (
    "shop" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "surveyId" TEXT NOT NULL,
    "surveyVersion" INTEGER NOT NULL,
    "key" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "prompt" TEXT NOT NULL,
    "options" TEXT NOT NULL DEFAULT '[]',
    "randomize" BOOLEAN NOT NULL DEFAULT false,
    "required" BOOLEAN NOT NULL DEFAULT false,
    "showIf" TEXT,

    PRIMARY KEY ("shop", "id"),
    CONSTRAINT "SurveyQuestion_shop_surveyId_fkey" FOREIGN KEY ("shop", "surveyId") REFERENCES "Survey" ("shop", "id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SurveyResponse" (
    "shop" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "surveyId" TEXT NOT NULL,
    "surveyVersion" INTEGER NOT NULL,
    "orderId" TEXT NOT NULL,
    "customerId" TEXT,
    "placement" TEXT NOT NULL,
    "locale" TEXT,
    "submittedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("shop", "id"),
    CONSTRAINT "SurveyResponse_shop_surveyId_fkey" FOREIGN KEY ("shop", "surveyId") REFERENCES "Survey" ("shop", "id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SurveyAnswer" (
    "shop" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "responseId" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "score" INTEGER,
    "optionIds" TEXT,
    "text" TEXT,
    "consent" BOOLEAN,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("shop", "id"),
    CONSTRAINT "SurveyAnswer_shop_responseId_fkey" FOREIGN KEY ("shop", "responseId") REFERENCES "SurveyResponse" ("shop", "id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SurveyAnswer_shop_questionId_fkey" FOREIGN KEY ("shop", "questionId") REFERENCES "SurveyQuestion" ("shop", "id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MetricSnapshot" (
    "shop" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "asOf" DATETIME NOT NULL,
    "paramsKey" TEXT NOT NULL DEFAULT 'default',
    "engineVersion" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "computedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("shop", "id")
);

-- CreateTable
CREATE TABLE "Job" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT,
    "name" TEXT NOT NULL,
    "data" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "singletonKey" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "maxAttempts" INTEGER NOT NULL DEFAULT 3,
    "runAfter" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lockedBy" TEXT,
    "lockedAt" DATETIME,
    "lastError" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" DATETIME
);

-- CreateIndex
CREATE INDEX "Session_shop_idx" ON "Session"("shop");

-- CreateIndex
CREATE INDEX "SyncRun_shop_startedAt_idx" ON "SyncRun"("shop", "startedAt");

-- CreateIndex
CREATE INDEX "WebhookDelivery_shop_status_receivedAt_idx" ON "WebhookDelivery"("shop", "status", "receivedAt");

-- CreateIndex
CREATE INDEX "Customer_shop_firstOrderAt_idx" ON "Customer"("shop", "firstOrderAt");

-- CreateIndex
CREATE INDEX "Order_shop_customerId_processedAt_idx" ON "Order"("shop", "customerId", "processedAt");

-- CreateIndex
CREATE INDEX "Order_shop_processedAt_idx" ON "Order"("shop", "processedAt");

-- CreateIndex
CREATE INDEX "Order_shop_shopifyUpdatedAt_idx" ON "Order"("shop", "shopifyUpdatedAt");

-- CreateIndex
CREATE INDEX "OrderLine_shop_orderId_idx" ON "OrderLine"("shop", "orderId");

-- CreateIndex
CREATE INDEX "OrderLine_shop_productId_idx" ON "OrderLine"("shop", "productId");

-- CreateIndex
CREATE INDEX "Refund_shop_orderId_idx" ON "Refund"("shop", "orderId");

-- CreateIndex
CREATE INDEX "Refund_shop_createdAt_idx" ON "Refund"("shop", "createdAt");

-- CreateIndex
CREATE INDEX "RefundLine_shop_refundId_idx" ON "RefundLine"("shop", "refundId");

-- CreateIndex
CREATE INDEX "SubscriptionContract_shop_status_idx" ON "SubscriptionContract"("shop", "status");

-- CreateIndex
CREATE INDEX "SubscriptionContract_shop_customerId_idx" ON "SubscriptionContract"("shop", "customerId");

-- CreateIndex
CREATE INDEX "SubscriptionLine_shop_contractId_idx" ON "SubscriptionLine"("shop", "contractId");

-- CreateIndex
CREATE INDEX "SubscriptionStatusChange_shop_changedAt_idx" ON "SubscriptionStatusChange"("shop", "changedAt");

-- CreateIndex
CREATE UNIQUE INDEX "SubscriptionStatusChange_shop_contractId_changedAt_toStatus_key" ON "SubscriptionStatusChange"("shop", "contractId", "changedAt", "toStatus");

-- CreateIndex
CREATE UNIQUE INDEX "SurveyQuestion_shop_surveyId_surveyVersion_key_key" ON "SurveyQuestion"("shop", "surveyId", "surveyVersion", "key");

-- CreateIndex
CREATE INDEX "SurveyResponse_shop_customerId_idx" ON "SurveyResponse"("shop", "customerId");

-- CreateIndex
CREATE INDEX "SurveyResponse_shop_submittedAt_idx" ON "SurveyResponse"("shop", "submittedAt");

-- CreateIndex
CREATE UNIQUE INDEX "SurveyResponse_shop_orderId_surveyId_key" ON "SurveyResponse"("shop", "orderId", "surveyId");

-- CreateIndex
CREATE UNIQUE INDEX "SurveyAnswer_shop_responseId_questionId_key" ON "SurveyAnswer"("shop", "responseId", "questionId");

-- CreateIndex
CREATE INDEX "MetricSnapshot_shop_kind_computedAt_idx" ON "MetricSnapshot"("shop", "kind", "computedAt");

-- CreateIndex
CREATE INDEX "Job_status_runAfter_idx" ON "Job"("status", "runAfter");

-- CreateIndex
CREATE INDEX "Job_shop_name_status_idx" ON "Job"("shop", "name", "status");

-- CreateIndex
CREATE INDEX "Job_singletonKey_status_idx" ON "Job"("singletonKey", "status");
