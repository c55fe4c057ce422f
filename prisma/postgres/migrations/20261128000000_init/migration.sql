-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "isOnline" BOOLEAN NOT NULL DEFAULT false,
    "scope" TEXT,
    "expires" TIMESTAMP(3),
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
    "refreshTokenExpires" TIMESTAMP(3),

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Shop" (
    "shop" TEXT NOT NULL,
    "shopGid" TEXT,
    "name" TEXT,
    "installState" TEXT NOT NULL DEFAULT 'installed',
    "installedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "uninstalledAt" TIMESTAMP(3),
    "scopes" TEXT,
    "currencyCode" TEXT NOT NULL DEFAULT 'USD',
    "ianaTimezone" TEXT NOT NULL DEFAULT 'UTC',
    "planName" TEXT,
    "shopifyPlus" BOOLEAN NOT NULL DEFAULT false,
    "locale" TEXT NOT NULL DEFAULT 'en',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Shop_pkey" PRIMARY KEY ("shop")
);

-- CreateTable
CREATE TABLE "SyncCursor" (
    "shop" TEXT NOT NULL,
    "resource" TEXT NOT NULL,
    "bulkOperationId" TEXT,
    "bulkLinesConsumed" INTEGER NOT NULL DEFAULT 0,
    "backfilledAt" TIMESTAMP(3),
    "updatedAtCursor" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SyncCursor_pkey" PRIMARY KEY ("shop","resource")
);

-- CreateTable
CREATE TABLE "SyncRun" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "resource" TEXT NOT NULL,
    "phase" TEXT NOT NULL DEFAULT 'queued',
    "status" TEXT NOT NULL DEFAULT 'running',
    "expectedCount" INTEGER,
    "doneCount" INTEGER NOT NULL DEFAULT 0,
    "ratePerSecond" DOUBLE PRECISION,
    "etaSeconds" INTEGER,
    "lastError" TEXT,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SyncRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebhookDelivery" (
    "shop" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "webhookId" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "apiVersion" TEXT NOT NULL,
    "resourceId" TEXT,
    "triggeredAt" TIMESTAMP(3),
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "status" TEXT NOT NULL DEFAULT 'received',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "payload" TEXT,

    CONSTRAINT "WebhookDelivery_pkey" PRIMARY KEY ("shop","eventId")
);

-- CreateTable
CREATE TABLE "Customer" (
    "shop" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "firstOrderId" TEXT,
    "firstOrderAt" TIMESTAMP(3),
    "ordersCount" INTEGER NOT NULL DEFAULT 0,
    "acquisitionChannel" TEXT,
    "firstVisitSource" TEXT,
    "firstUtmSource" TEXT,
    "firstUtmMedium" TEXT,
    "firstUtmCampaign" TEXT,
    "firstDiscountCode" TEXT,
    "firstProductId" TEXT,
    "countryCode" TEXT,
    "shopifyCreatedAt" TIMESTAMP(3),
    "shopifyUpdatedAt" TIMESTAMP(3),
    "syncedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Customer_pkey" PRIMARY KEY ("shop","id")
);

-- CreateTable
CREATE TABLE "Order" (
    "shop" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "name" TEXT,
    "customerId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "processedAt" TIMESTAMP(3) NOT NULL,
    "shopifyUpdatedAt" TIMESTAMP(3) NOT NULL,
    "cancelledAt" TIMESTAMP(3),
    "cancelReason" TEXT,
    "closedAt" TIMESTAMP(3),
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
    "syncedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Order_pkey" PRIMARY KEY ("shop","id")
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

    CONSTRAINT "OrderLine_pkey" PRIMARY KEY ("shop","id")
);

-- CreateTable
CREATE TABLE "Refund" (
    "shop" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "processedAt" TIMESTAMP(3),
    "totalAmount" BIGINT NOT NULL,
    "currencyCode" TEXT NOT NULL,
    "note" TEXT,

    CONSTRAINT "Refund_pkey" PRIMARY KEY ("shop","id")
);

-- CreateTable
CREATE TABLE "RefundLine" (
    "shop" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "refundId" TEXT NOT NULL,
    "lineItemId" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "subtotalAmount" BIGINT NOT NULL,

    CONSTRAINT "RefundLine_pkey" PRIMARY KEY ("shop","id")
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
    "nextBillingDate" TIMESTAMP(3),
    "lastPaymentStatus" TEXT,
    "currencyCode" TEXT NOT NULL,
    "source" TEXT NOT NULL DEFAULT 'own',
    "shopifyCreatedAt" TIMESTAMP(3) NOT NULL,
    "shopifyUpdatedAt" TIMESTAMP(3) NOT NULL,
    "syncedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SubscriptionContract_pkey" PRIMARY KEY ("shop","id")
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

    CONSTRAINT "SubscriptionLine_pkey" PRIMARY KEY ("shop","id")
);

-- CreateTable
CREATE TABLE "SubscriptionStatusChange" (
    "shop" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "contractId" TEXT NOT NULL,
    "fromStatus" TEXT,
    "toStatus" TEXT NOT NULL,
    "changedAt" TIMESTAMP(3) NOT NULL,
    "source" TEXT NOT NULL,

    CONSTRAINT "SubscriptionStatusChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Survey" (
    "shop" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "placements" TEXT NOT NULL DEFAULT '["thank-you"]',
    "currentVersion" INTEGER NOT NULL DEFAULT 1,
    "activatedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Survey_pkey" PRIMARY KEY ("shop","id")
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

    CONSTRAINT "SurveyQuestion_pkey" PRIMARY KEY ("shop","id")
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
    "submittedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SurveyResponse_pkey" PRIMARY KEY ("shop","id")
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
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SurveyAnswer_pkey" PRIMARY KEY ("shop","id")
);

-- CreateTable
CREATE TABLE "MetricSnapshot" (
    "shop" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "asOf" TIMESTAMP(3) NOT NULL,
    "paramsKey" TEXT NOT NULL DEFAULT 'default',
    "engineVersion" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "computedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MetricSnapshot_pkey" PRIMARY KEY ("shop","id")
);

-- CreateTable
CREATE TABLE "Job" (
    "id" TEXT NOT NULL,
    "shop" TEXT,
    "name" TEXT NOT NULL,
    "data" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "singletonKey" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "maxAttempts" INTEGER NOT NULL DEFAULT 3,
    "runAfter" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lockedBy" TEXT,
    "lockedAt" TIMESTAMP(3),
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "Job_pkey" PRIMARY KEY ("id")
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

-- AddForeignKey
ALTER TABLE "SyncCursor" ADD CONSTRAINT "SyncCursor_shop_fkey" FOREIGN KEY ("shop") REFERENCES "Shop"("shop") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SyncRun" ADD CONSTRAINT "SyncRun_shop_fkey" FOREIGN KEY ("shop") REFERENCES "Shop"("shop") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrderLine" ADD CONSTRAINT "OrderLine_shop_orderId_fkey" FOREIGN KEY ("shop", "orderId") REFERENCES "Order"("shop", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Refund" ADD CONSTRAINT "Refund_shop_orderId_fkey" FOREIGN KEY ("shop", "orderId") REFERENCES "Order"("shop", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RefundLine" ADD CONSTRAINT "RefundLine_shop_refundId_fkey" FOREIGN KEY ("shop", "refundId") REFERENCES "Refund"("shop", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SubscriptionLine" ADD CONSTRAINT "SubscriptionLine_shop_contractId_fkey" FOREIGN KEY ("shop", "contractId") REFERENCES "SubscriptionContract"("shop", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SubscriptionStatusChange" ADD CONSTRAINT "SubscriptionStatusChange_shop_contractId_fkey" FOREIGN KEY ("shop", "contractId") REFERENCES "SubscriptionContract"("shop", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyQuestion" ADD CONSTRAINT "SurveyQuestion_shop_surveyId_fkey" FOREIGN KEY ("shop", "surveyId") REFERENCES "Survey"("shop", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyResponse" ADD CONSTRAINT "SurveyResponse_shop_surveyId_fkey" FOREIGN KEY ("shop", "surveyId") REFERENCES "Survey"("shop", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyAnswer" ADD CONSTRAINT "SurveyAnswer_shop_responseId_fkey" FOREIGN KEY ("shop", "responseId") REFERENCES "SurveyResponse"("shop", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyAnswer" ADD CONSTRAINT "SurveyAnswer_shop_questionId_fkey" FOREIGN KEY ("shop", "questionId") REFERENCES "SurveyQuestion"("shop", "id") ON DELETE CASCADE ON UPDATE CASCADE;
