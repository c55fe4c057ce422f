// Which orders the figures leave out: test orders, orders from chosen sales channels (POS, draft
// orders, any other source name) and orders with chosen tags (e.g. wholesale).
import { BlockStack, Card, Checkbox, Text, TextField } from "@shopify/polaris";
import { useTranslation } from "../../locales/useTranslation";
import type { SettingsCardProps } from "./form-values";

export function ExclusionsCard({ values, onChange, errors }: SettingsCardProps) {
  const { t } = useTranslation();
  const error = (field: SettingsCardProps["errors"][number]) => (errors.includes(field) ? t(`settings.error.${field}`) : undefined);
  const toggle = (field: "excludeTestOrders" | "excludePos" | "excludeDraftOrders") => (checked: boolean) => onChange((v) => ({ ...v, [field]: checked }));
  const text = (field: "otherSources" | "excludedTags") => (value: string) => onChange((v) => ({ ...v, [field]: value }));
  // Polaris renders value="" unless given one; "on" is what an HTML checkbox posts when ticked.
  return (
    <Card>
      <BlockStack gap="400">
        <Checkbox label={t("settings.excludeTestOrders")} helpText={t("settings.excludeTestOrders.help")} name="excludeTestOrders" value="on" checked={values.excludeTestOrders} onChange={toggle("excludeTestOrders")} error={error("excludeTestOrders")} />
        <Checkbox label={t("settings.excludePos")} helpText={t("settings.excludePos.help")} name="excludePos" value="on" checked={values.excludePos} onChange={toggle("excludePos")} error={error("excludePos")} />
        <Checkbox label={t("settings.excludeDraftOrders")} helpText={t("settings.excludeDraftOrders.help")} name="excludeDraftOrders" value="on" checked={values.excludeDraftOrders} onChange={toggle("excludeDraftOrders")} error={error("excludeDraftOrders")} />
        <TextField label={t("settings.otherSources")} helpText={t("settings.otherSources.help")} name="otherSources" value={values.otherSources} onChange={text("otherSources")} error={error("otherSources")} autoComplete="off" />
        <TextField label={t("settings.excludedTags")} helpText={t("settings.excludedTags.help")} name="excludedTags" value={values.excludedTags} onChange={text("excludedTags")} error={error("excludedTags")} autoComplete="off" />
        <Text as="p" variant="bodySm" tone="subdued">
          {t("settings.b2bNote")}
        </Text>
      </BlockStack>
    </Card>
  );
}
