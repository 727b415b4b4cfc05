import { useFormat } from "./use-format";

/** Scores with one decimal as the page's language writes them ("72.5", "72,5"); a missing one is "—". */
export function useScoreFormat() {
  const { locale } = useFormat();
  const decimal = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return {
    fixed: (value: number | null | undefined) => (value === null || value === undefined ? "—" : decimal.format(value)),
    /** A leniency: always signed, with a true minus sign. */
    signed: (value: number) => `${value >= 0 ? "+" : "−"}${decimal.format(Math.abs(value))}`,
  };
}
