// A page section in a card: its heading, an optional subdued explanation (a paragraph: phrasing content
// such as WithValues), then the section's content.
import { BlockStack, Card, Text } from "@shopify/polaris";
import type { ReactNode } from "react";

interface Props {
  title: string;
  description?: ReactNode;
  children: ReactNode;
}

export function SectionCard({ title, description, children }: Props) {
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          {title}
        </Text>
        {description && (
          <Text as="p" tone="subdued">
            {description}
          </Text>
        )}
        {children}
      </BlockStack>
    </Card>
  );
}
