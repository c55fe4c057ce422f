// The predicted CLV model's notes as codes the page can say in the merchant's language (the engine's
// notes are English sentences for the CLI), plus the fits that did not converge. An unknown note keeps
// its English text, so nothing the engine says is hidden.
import type { PredictedClv } from "../../metrics/predicted-clv";

export type ClvNoteCode =
  | "noCustomers"
  | "noRepeatCustomers"
  | "fewCustomers"
  | "spendNotFitted"
  | "backtestNoHoldout"
  | "backtestNoRepeatCustomers"
  | "purchasesNotConverged"
  | "spendNotConverged"
  | "other";

const CODES: Array<[RegExp, ClvNoteCode]> = [
  [/^no customers/, "noCustomers"],
  [/^no repeat customers/, "noRepeatCustomers"],
  [/^fewer than 100 customers/, "fewCustomers"],
  [/^Gamma-Gamma not fitted/, "spendNotFitted"],
  [/^backtest skipped: the calibration end/, "backtestNoHoldout"],
  [/^backtest skipped: no repeat customers/, "backtestNoRepeatCustomers"],
];

export function clvNotes(clv: PredictedClv): { code: ClvNoteCode; text: string }[] {
  const notes = clv.notes.map((text) => ({ code: CODES.find(([pattern]) => pattern.test(text))?.[1] ?? ("other" as const), text }));
  if (clv.bgnbd && !clv.bgnbd.converged) notes.push({ code: "purchasesNotConverged", text: "BG/NBD fit did not converge" });
  if (clv.gammaGamma && !clv.gammaGamma.converged) notes.push({ code: "spendNotConverged", text: "Gamma-Gamma fit did not converge" });
  return notes;
}
