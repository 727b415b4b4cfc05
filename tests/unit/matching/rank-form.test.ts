import { describe, expect, it } from "vitest";
import { orderFromRankForm } from "~/matching/rank-form";

const allowed = ["a", "b", "c", "d"];
const read = (entries: [string, string][], current = allowed) => orderFromRankForm(entries, { allowed, current });

describe("orderFromRankForm", () => {
  it("orders by the numbers given and leaves blanks out", () => {
    expect(
      read([
        ["rank.a", "3"],
        ["rank.b", "1"],
        ["rank.c", ""],
        ["rank.d", "2"],
      ]),
    ).toEqual({ ok: true, order: ["b", "d", "a"] });
  });

  it("keeps the list's order between equal numbers", () => {
    expect(
      read(
        [
          ["rank.c", "1"],
          ["rank.a", "1"],
        ],
        ["c", "a", "b", "d"],
      ),
    ).toEqual({ ok: true, order: ["c", "a"] });
  });

  it("moves an item up or down by one place, and stops at the ends", () => {
    const base: [string, string][] = [
      ["rank.a", "1"],
      ["rank.b", "2"],
      ["rank.c", "3"],
    ];
    expect(read([...base, ["move", "c:up"]])).toEqual({ ok: true, order: ["a", "c", "b"] });
    expect(read([...base, ["move", "a:down"]])).toEqual({ ok: true, order: ["b", "a", "c"] });
    expect(read([...base, ["move", "a:up"]])).toEqual({ ok: true, order: ["a", "b", "c"] });
  });

  it("refuses ids that are not on the list, odd numbers and odd moves", () => {
    expect(read([["rank.z", "1"]])).toMatchObject({ ok: false });
    expect(read([["rank.a", "-1"]])).toMatchObject({ ok: false });
    expect(read([["rank.a", "1.5"]])).toMatchObject({ ok: false });
    expect(read([["rank.a", "0"]])).toMatchObject({ ok: false });
    expect(read([["move", "a:sideways"]])).toMatchObject({ ok: false });
    expect(read([["move", "z:up"]])).toMatchObject({ ok: false });
  });
});
