import { msg } from "~/i18n/message";

/**
 * Reads a rank list from a form that works with and without JavaScript: each item has a number
 * field `rank.<id>` (blank = not ranked), and a `move` button (`<id>:up` or `<id>:down`) reorders
 * by one place. Pure, so the browser's drag and drop and the server agree on the result.
 */
export type RankFormResult = { ok: true; order: string[] } | { ok: false; message: string };

export function orderFromRankForm(
  entries: Iterable<[string, FormDataEntryValue]>,
  options: { allowed: readonly string[]; current: readonly string[] },
): RankFormResult {
  const allowed = new Set(options.allowed);
  const ranks = new Map<string, number>();
  let move: { id: string; direction: "up" | "down" } | null = null;
  for (const [name, raw] of entries) {
    if (typeof raw !== "string") continue;
    if (name === "move") {
      const [id, direction] = raw.split(":");
      if (!id || !allowed.has(id) || (direction !== "up" && direction !== "down"))
        return { ok: false, message: msg("refusals.rankForm.badMove") };
      move = { id, direction };
      continue;
    }
    if (!name.startsWith("rank.")) continue;
    const id = name.slice("rank.".length);
    if (!allowed.has(id)) return { ok: false, message: msg("refusals.rankForm.unknownItem") };
    const value = raw.trim();
    if (value === "") continue;
    if (!/^\d{1,3}$/.test(value) || Number(value) < 1)
      return { ok: false, message: msg("refusals.rankForm.badNumber") };
    ranks.set(id, Number(value));
  }
  // Equal numbers keep the order the list had; then ranks are renumbered 1, 2, 3…
  const position = new Map(options.current.map((id, index) => [id, index]));
  const order = [...ranks.keys()].sort(
    (a, b) =>
      ranks.get(a)! - ranks.get(b)! ||
      (position.get(a) ?? Infinity) - (position.get(b) ?? Infinity) ||
      a.localeCompare(b),
  );
  if (move) {
    const index = order.indexOf(move.id);
    const target = move.direction === "up" ? index - 1 : index + 1;
    if (index >= 0 && target >= 0 && target < order.length)
      [order[index], order[target]] = [order[target]!, order[index]!];
  }
  return { ok: true, order };
}

/** The order the form was built from (sent back so a stale form cannot overwrite a newer list). */
export function previousOrder(formData: FormData): string[] | undefined {
  const value = formData.get("previous");
  if (typeof value !== "string") return undefined;
  return value ? value.split(",") : [];
}
