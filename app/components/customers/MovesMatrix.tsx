// The from × to matrix of segment moves as a plain table in a keyboard-scrollable region: twelve
// columns do not fit the page, and a scrolling region must be focusable (Polaris' DataTable scroller is not).
import { Text } from "@shopify/polaris";
import type { ReactNode } from "react";

interface Props {
  label: string;
  headings: string[];
  /** Row header first, then the cells. */
  rows: Array<[string, ...ReactNode[]]>;
}

const CELL = { padding: "var(--p-space-200) var(--p-space-300)", borderBottom: "var(--p-border-width-025) solid var(--p-color-border-secondary)" } as const;

export function MovesMatrix({ label, headings, rows }: Props) {
  return (
    <div role="region" aria-label={label} tabIndex={0} style={{ overflowX: "auto" }}>
      <table style={{ borderCollapse: "collapse", width: "100%" }}>
        <thead>
          <tr>
            {headings.map((heading, i) => (
              <th key={heading} scope="col" style={{ ...CELL, textAlign: i === 0 ? "start" : "end", verticalAlign: "bottom" }}>
                <Text as="span" variant="bodySm" fontWeight="semibold">
                  {heading}
                </Text>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map(([header, ...cells]) => (
            <tr key={header}>
              <th scope="row" style={{ ...CELL, textAlign: "start", whiteSpace: "nowrap" }}>
                <Text as="span" fontWeight="regular">
                  {header}
                </Text>
              </th>
              {cells.map((cell, i) => (
                <td key={i} style={{ ...CELL, textAlign: "end" }}>
                  {cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
