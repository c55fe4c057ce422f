// How customers moved between RFM segments since the previous period: a summary sentence, the biggest
// moves as sentences, and the whole from × to matrix as a table.
import { List, Text } from "@shopify/polaris";
import { labelFor } from "../../locales/i18n";
import { useTranslation } from "../../locales/useTranslation";
import type { PageView } from "../../snapshots/views";
import type { Formatters } from "../format";
import { MetricValue } from "../MetricValue";
import { NoticeCard } from "../NoticeCard";
import { SectionCard } from "../SectionCard";
import { WithValues } from "../WithValues";
import { MovesMatrix } from "./MovesMatrix";

type Moves = NonNullable<PageView<"customers">["moves"]>;

export function SegmentMovesCard({ moves, f }: { moves: Moves | null; f: Formatters }) {
  const { t, locale } = useTranslation();
  const name = (segment: string) => labelFor(locale, "customers.segment", segment);
  if (!moves) return <NoticeCard title={t("customers.moves.title")}>{t("customers.moves.empty")}</NoticeCard>;
  const value = (path: string, raw: number | string, text: string) => <MetricValue path={`moves.${path}`} value={raw}>{text}</MetricValue>;
  const then = value("previousAsOf", moves.previousAsOf, f.date(moves.previousAsOf));
  return (
    <SectionCard title={t("customers.moves.title")} description={<WithValues text={t("customers.moves.description")} values={{ then }} />}>
      <Text as="p">
        <WithValues
          text={t("customers.moves.summary")}
          values={{ then, stayed: value("stayed", moves.stayed, f.count(moves.stayed)), moved: value("moved", moves.moved, f.count(moves.moved)), new: value("newCustomers", moves.newCustomers, f.count(moves.newCustomers)) }}
        />
      </Text>
      <Text as="h3" variant="headingSm">
        {t("customers.moves.biggest")}
      </Text>
      {moves.biggest.length === 0 ? (
        <Text as="p">{t("customers.moves.none")}</Text>
      ) : (
        <List>
          {moves.biggest.map((move, i) => (
            <List.Item key={`${move.from}-${move.to}`}>
              <WithValues text={t("customers.moves.move")} values={{ customers: value(`biggest.${i}.customers`, move.customers, f.count(move.customers)), from: name(move.from), to: name(move.to) }} />
            </List.Item>
          ))}
        </List>
      )}
      <MovesMatrix
        label={t("customers.moves.title")}
        headings={[t("customers.moves.fromTo"), ...moves.to.map(name), t("customers.moves.total")]}
        rows={moves.counts.map((row, from) => [
          name(moves.from[from]),
          ...row.map((count, to) => value(`counts.${from}.${to}`, count, f.count(count))),
          value(`fromTotals.${from}`, moves.fromTotals[from], f.count(moves.fromTotals[from])),
        ])}
      />
    </SectionCard>
  );
}
