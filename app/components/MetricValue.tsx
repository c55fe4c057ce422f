// One number as a page shows it. `path` is where the value sits in the page's stored view (a dot path:
// "current.repeatRate", "rows.3.retention.2"); the browser tests read data-metric/data-value and check
// both against the stored snapshot, so every number on a snapshot page goes through here.
import { Text } from "@shopify/polaris";
import type { ComponentProps } from "react";

interface Props {
  path: string;
  value: number | string | null;
  /** The formatted text, e.g. `f.money(value)`. */
  children: string;
  variant?: ComponentProps<typeof Text>["variant"];
  fontWeight?: ComponentProps<typeof Text>["fontWeight"];
  tone?: ComponentProps<typeof Text>["tone"];
}

export function MetricValue({ path, value, children, variant, fontWeight, tone }: Props) {
  return (
    <Text as="span" variant={variant} fontWeight={fontWeight} tone={tone} numeric>
      <span data-metric={path} data-value={String(value)}>
        {children}
      </span>
    </Text>
  );
}
