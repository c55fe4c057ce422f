// A section with nothing to chart (yet, or ever for this shop): its heading and a sentence saying why.
import { BlockStack, Card, Text } from "@shopify/polaris";
import type { ReactNode } from "react";

export function NoticeCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card>
      <BlockStack gap="200">
        <Text as="h2" variant="headingMd">
          {title}
        </Text>
        <Text as="p" tone="subdued">
          {children}
        </Text>
      </BlockStack>
    </Card>
  );
}
