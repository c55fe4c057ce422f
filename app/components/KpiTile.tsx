// One headline figure in a card: its title, the value (a MetricValue at its view path), a short
// explanation or why it is not available, and an optional badge underneath (e.g. where it comes from).
import { BlockStack, Card, InlineStack, Text } from "@shopify/polaris";
import type { ReactNode } from "react";
import { MetricValue } from "./MetricValue";

interface Props {
  title: string;
  path: string;
  value: number | null;
  /** The formatted value, e.g. f.percent(value). */
  formatted: string;
  badge?: ReactNode;
  help?: string;
  /** Shown instead of the value when the figure cannot be known (the reason, in a sentence). */
  unavailable?: string;
  /** Beneath the value while it is available, e.g. its comparison with an earlier period. */
  children?: ReactNode;
  /** Last in the card, as given. */
  footer?: ReactNode;
}

export function KpiTile({ title, path, value, formatted, badge, help, unavailable, children, footer }: Props) {
  return (
    <Card>
      <BlockStack gap="200">
        <Text as="h3" variant="headingSm">
          {title}
        </Text>
        {unavailable ? (
          <Text as="p" tone="subdued">
            {unavailable}
          </Text>
        ) : (
          <>
            <MetricValue path={path} value={value} variant="headingLg">
              {formatted}
            </MetricValue>
            {children}
          </>
        )}
        {help && !unavailable && (
          <Text as="p" variant="bodySm" tone="subdued">
            {help}
          </Text>
        )}
        {badge && <InlineStack>{badge}</InlineStack>}
        {footer}
      </BlockStack>
    </Card>
  );
}
