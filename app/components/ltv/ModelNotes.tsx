// What the model could not do, said plainly: each engine note in the merchant's language (an unknown
// note in the engine's own words), and fits that did not converge.
import { Banner, List } from "@shopify/polaris";
import { useTranslation } from "../../locales/useTranslation";
import type { PageView } from "../../snapshots/views";

type Model = PageView<"ltv">["predicted"]["model"];

export function ModelNotes({ model }: { model: Model }) {
  const { t } = useTranslation();
  if (model.notes.length === 0) return null;
  return (
    <Banner tone={model.fitted ? "warning" : "info"} title={t("ltv.notes.title")}>
      <List>
        {model.notes.map((note, i) => (
          <List.Item key={i}>{t(`ltv.note.${note.code}`, { text: note.text })}</List.Item>
        ))}
      </List>
    </Banner>
  );
}
