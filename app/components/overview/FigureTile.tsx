// One Overview figure: a KpiTile whose value has its comparison line beneath it.
import type { ReactNode } from "react";
import type { Translate } from "../../locales/i18n";
import { type ComparedFigureJson, ComparisonLine } from "../ComparisonLine";
import type { Formatters } from "../format";
import { KpiTile } from "../KpiTile";

interface Props {
  title: string;
  /** Dot path of the ComparedFigure in the stored view. */
  path: string;
  figure: ComparedFigureJson;
  format: (value: number | null) => string;
  kind: "relative" | "points";
  /** Shown instead of the value when there is none (the reason, in a sentence). */
  unavailable?: string;
  /** Beneath the comparison, e.g. how many answers a score rests on. */
  footer?: ReactNode;
  f: Formatters;
  t: Translate;
  /** A fall is good news (see ComparisonLine). */
  lowerIsBetter?: boolean;
}

export function FigureTile({ title, path, figure, format, kind, unavailable, footer, f, t, lowerIsBetter }: Props) {
  return (
    <KpiTile
      title={title}
      path={`${path}.current`}
      value={figure.current}
      formatted={format(figure.current)}
      unavailable={figure.current === null ? unavailable : undefined}
      footer={footer}
    >
      <ComparisonLine path={path} figure={figure} kind={kind} previousText={format(figure.previous)} f={f} t={t} lowerIsBetter={lowerIsBetter} />
    </KpiTile>
  );
}
