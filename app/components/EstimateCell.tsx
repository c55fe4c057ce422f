// A rate or mean with its 95 % interval underneath, for tables: the estimate at `${path}.${field}`, the
// bounds at `${path}.low` / `${path}.high` (the engine's RateEstimate / MeanEstimate), and an optional note
// (e.g. how many customers were eligible).
import { BlockStack, Text } from "@shopify/polaris";
import type { ReactNode } from "react";
import { useTranslation } from "../locales/useTranslation";
import { MetricValue } from "./MetricValue";
import { WithValues } from "./WithValues";

interface Props {
  /** View path of the estimate object. */
  path: string;
  field: "rate" | "mean";
  estimate: { low: number | null; high: number | null } & ({ rate: number | null } | { mean: number | null });
  format: (value: number | null) => string;
  note?: ReactNode;
}

export function EstimateCell({ path, field, estimate, format, note }: Props) {
  const { t } = useTranslation();
  const value = field === "rate" && "rate" in estimate ? estimate.rate : "mean" in estimate ? estimate.mean : null;
  const { low, high } = estimate;
  return (
    <BlockStack gap="050" inlineAlign="end">
      <MetricValue path={`${path}.${field}`} value={value} fontWeight="semibold">
        {format(value)}
      </MetricValue>
      {low !== null && high !== null && (
        <Text as="span" variant="bodySm" tone="subdued">
          <WithValues
            text={t("estimate.interval")}
            values={{
              low: <MetricValue path={`${path}.low`} value={low}>{format(low)}</MetricValue>,
              high: <MetricValue path={`${path}.high`} value={high}>{format(high)}</MetricValue>,
            }}
          />
        </Text>
      )}
      {note && (
        <Text as="span" variant="bodySm" tone="subdued">
          {note}
        </Text>
      )}
    </BlockStack>
  );
}
