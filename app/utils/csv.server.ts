import { pipeline, Readable } from "node:stream";
import type { ReadableStream as NodeWebReadableStream } from "node:stream/web";
import { stringify as createStringifier } from "csv-stringify";
import { stringify } from "csv-stringify/sync";

export type CsvCell = string | number | null | undefined;

// A lone carriage return ends a row for most readers: such a cell is quoted, as a line feed is.
const CSV_OPTIONS = { bom: true, record_delimiter: "\r\n", quoted_match: /\r/ } as const;

/**
 * A cell a spreadsheet would run as a formula (=, +, -, @, tab, carriage return first) gets a
 * leading apostrophe, so an applicant's answer can never execute in a staff member's spreadsheet.
 */
export function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function csvRow(row: CsvCell[]): string[] {
  return row.map((cell) => (cell === null || cell === undefined ? "" : neutraliseFormula(String(cell))));
}

/** Every cell, the header row included: a header can be a question staff typed as `+SUM(1,2)`. */
export function toCsv(header: string[], rows: CsvCell[][]): string {
  return stringify([csvRow(header), ...rows.map(csvRow)], CSV_OPTIONS);
}

/**
 * The same CSV as `toCsv`, written as the rows arrive: csv-stringify's stream API pulls from the
 * rows only while its reader wants more (back-pressure all the way to the database), so neither
 * the file nor its rows are ever held whole, and each pull stringifies a bounded batch.
 */
export function csvStream(header: string[], rows: AsyncIterable<CsvCell[]>): ReadableStream<Uint8Array> {
  async function* records() {
    yield csvRow(header);
    for await (const row of rows) yield csvRow(row);
  }
  const stringifier = createStringifier(CSV_OPTIONS);
  // A failure upstream (a lost connection) destroys the stringifier, which errors the web stream;
  // the response is then cut short rather than ending as if complete.
  pipeline(Readable.from(records()), stringifier, () => {});
  return Readable.toWeb(stringifier) as NodeWebReadableStream<Uint8Array> as unknown as ReadableStream<Uint8Array>;
}

export function csvResponse(filename: string, body: string | ReadableStream<Uint8Array>): Response {
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
