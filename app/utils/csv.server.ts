import { stringify } from "csv-stringify/sync";

/**
 * A cell a spreadsheet would run as a formula (=, +, -, @, tab, carriage return first) gets a
 * leading apostrophe, so an applicant's answer can never execute in a staff member's spreadsheet.
 */
export function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** Every cell, the header row included: a header can be a question staff typed as `+SUM(1,2)`. */
export function toCsv(header: string[], rows: (string | number | null | undefined)[][]): string {
  const cells = [header, ...rows].map((row) =>
    row.map((cell) => (cell === null || cell === undefined ? "" : neutraliseFormula(String(cell)))),
  );
  // A lone carriage return ends a row for most readers: such a cell is quoted, as a line feed is.
  return stringify(cells, { bom: true, record_delimiter: "\r\n", quoted_match: /\r/ });
}

export function csvResponse(filename: string, body: string): Response {
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
