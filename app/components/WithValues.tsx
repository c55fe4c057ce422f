// A translated sentence whose {placeholders} are React nodes — numbers as <MetricValue>, so a figure
// inside a sentence still carries its data-metric path. Call t(key) without vars to keep the braces.
import { Fragment, type ReactNode } from "react";

export function WithValues({ text, values }: { text: string; values: Record<string, ReactNode> }) {
  const parts = text.split(/\{(\w+)\}/g);
  return <>{parts.map((part, i) => (i % 2 === 1 ? <Fragment key={i}>{part in values ? values[part] : `{${part}}`}</Fragment> : part))}</>;
}
