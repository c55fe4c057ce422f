// The frame of every page that shows a stored snapshot: App Bridge title bar, how fresh the figures
// are, and the empty state while the first snapshot has not been computed yet.
import { Link } from "@remix-run/react";
import { TitleBar } from "@shopify/app-bridge-react";
import { BlockStack, Card, EmptyState, Page, Text } from "@shopify/polaris";
import { type ReactNode, useMemo } from "react";
import type { MessageKey } from "../locales/i18n";
import { useTranslation } from "../locales/useTranslation";
import { type Formatters, formatters, type ViewMeta } from "./format";

export const EMPTY_STATE_IMAGE = "/empty-state.svg";

/** The formatters for a view's currency and zone, in the merchant's language. */
export function useViewFormat(meta: Pick<ViewMeta, "currency" | "currencyDecimals" | "timeZone"> | null | undefined): Formatters {
  const { locale, timeZone } = useTranslation();
  return useMemo(
    () => formatters(locale, meta ?? { currency: "USD", currencyDecimals: 2, timeZone }),
    [locale, meta, timeZone],
  );
}

interface Props {
  titleKey: MessageKey;
  /** The stored view's meta and when it was computed, or null when no snapshot exists yet. */
  snapshot: { meta: ViewMeta; computedAt: string } | null;
  /** Shown above the figures and above the empty state alike (e.g. live sync progress). */
  before?: ReactNode;
  children: ReactNode;
}

export function SnapshotPage({ titleKey, snapshot, before, children }: Props) {
  const { t } = useTranslation();
  const f = useViewFormat(snapshot?.meta);
  return (
    <Page title={t(titleKey)} subtitle={snapshot ? t("page.asOf", { asOf: f.dateTime(snapshot.meta.asOf), computed: f.dateTime(snapshot.computedAt) }) : undefined}>
      <TitleBar title={t(titleKey)} />
      <BlockStack gap="500">
        {before}
        {snapshot ? (
          <BlockStack gap="500">{children}</BlockStack>
        ) : (
          <Card>
            <EmptyState heading={t("page.empty.heading")} image={EMPTY_STATE_IMAGE}>
              <BlockStack gap="200">
                <Text as="p">{t("page.empty.body")}</Text>
                <Link to="/app/sync">{t("page.empty.syncLink")}</Link>
              </BlockStack>
            </EmptyState>
          </Card>
        )}
      </BlockStack>
    </Page>
  );
}
