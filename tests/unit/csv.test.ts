import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { csvStream, toCsv } from "~/utils/csv.server";

// Finding 8 of the penetration test (issue 11): data cells were neutralised, header cells were not
// (a question labelled `+SUM(1,2)` became a live formula in the applications export).
describe("CSV exports", () => {
  const DANGEROUS = ["=1+1", "+SUM(1,2)", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd"];

  it("neutralises every cell that a spreadsheet would run, headers included", () => {
    const csv = toCsv(["id", ...DANGEROUS], [["1", ...DANGEROUS]]);
    const [header, row] = parse(csv, { bom: true }) as string[][];
    expect(header).toEqual(["id", ...DANGEROUS.map((cell) => `'${cell}`)]);
    expect(row).toEqual(["1", ...DANGEROUS.map((cell) => `'${cell}`)]);
  });

  it("streams the same neutralised cells, headers included, as the whole-file writer", async () => {
    async function* rows() {
      yield ["1", ...DANGEROUS];
    }
    const bytes = await new Response(csvStream(["id", ...DANGEROUS], rows())).arrayBuffer();
    const streamed = Buffer.from(bytes).toString("utf8");
    expect(streamed).toBe(toCsv(["id", ...DANGEROUS], [["1", ...DANGEROUS]]));
  });

  it("leaves ordinary cells as they are", () => {
    const csv = toCsv(
      ["Name", "Score"],
      [
        ["Ada", 7],
        [null, undefined],
      ],
    );
    expect(parse(csv, { bom: true })).toEqual([
      ["Name", "Score"],
      ["Ada", "7"],
      ["", ""],
    ]);
  });
});
