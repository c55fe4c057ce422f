// Data and privacy: what Tsuzuku stores and for how long, the privacy webhooks Shopify sends it, and a
// resync that reads every order and subscription again.
import { Form, useNavigation } from "@remix-run/react";
import { Banner, BlockStack, Button, Card, List, Text } from "@shopify/polaris";
import { useTranslation } from "../../locales/useTranslation";

export function PrivacyCard({ resyncQueued }: { resyncQueued: boolean }) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const resyncing = navigation.state === "submitting" && navigation.formData?.get("intent") === "resync";
  return (
    <Card>
      <BlockStack gap="400">
        <BlockStack gap="200">
          <Text as="h3" variant="headingSm">
            {t("settings.privacy.stored")}
          </Text>
          <List>
            <List.Item>{t("settings.privacy.stored.orders")}</List.Item>
            <List.Item>{t("settings.privacy.stored.customers")}</List.Item>
            <List.Item>{t("settings.privacy.stored.answers")}</List.Item>
            <List.Item>{t("settings.privacy.stored.never")}</List.Item>
          </List>
        </BlockStack>
        <BlockStack gap="200">
          <Text as="h3" variant="headingSm">
            {t("settings.privacy.retention")}
          </Text>
          <List>
            <List.Item>{t("settings.privacy.retention.installed")}</List.Item>
            <List.Item>{t("settings.privacy.retention.customerRedact")}</List.Item>
            <List.Item>{t("settings.privacy.retention.dataRequest")}</List.Item>
            <List.Item>{t("settings.privacy.retention.shopRedact")}</List.Item>
          </List>
        </BlockStack>
        <BlockStack gap="200">
          <Text as="h3" variant="headingSm">
            {t("status.resync")}
          </Text>
          <Text as="p">{t("status.resync.help")}</Text>
          {resyncQueued && <Banner tone="info">{t("status.resync.queued")}</Banner>}
          <Form method="post">
            <input type="hidden" name="intent" value="resync" />
            <Button submit loading={resyncing}>
              {t("status.resync")}
            </Button>
          </Form>
        </BlockStack>
      </BlockStack>
    </Card>
  );
}
