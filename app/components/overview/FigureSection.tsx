// A titled group of Overview figures with the caption that says what each is compared with.
import { BlockStack, InlineGrid, Text } from "@shopify/polaris";
import type { ReactNode } from "react";

interface Props {
  heading: string;
  caption: ReactNode;
  children: ReactNode;
}

export function FigureSection({ heading, caption, children }: Props) {
  return (
    <BlockStack gap="300">
      <BlockStack gap="100">
        <Text as="h2" variant="headingMd">
          {heading}
        </Text>
        <Text as="p" variant="bodySm" tone="subdued">
          {caption}
        </Text>
      </BlockStack>
      <InlineGrid columns={{ xs: 1, sm: 2, md: 3 }} gap="400">
        {children}
      </InlineGrid>
    </BlockStack>
  );
}
