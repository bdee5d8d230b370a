/** A value a CSV cell can hold; arrays become one cell of `;`-joined items. */
export type CsvValue = string | number | boolean | null | undefined | readonly string[];

// A text cell starting with one of these is read as a formula by spreadsheets (=HYPERLINK(…),
// +cmd|…, @SUM, a leading tab or carriage return): OWASP's advice is a leading apostrophe.
const formulaStart = /^[=+\-@\t\r]/;

function cell(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  const joined = Array.isArray(value) ? value.join(";") : String(value);
  // Numbers stay numbers (a negative score is not a formula); text that could be one is defused.
  const text = typeof value !== "number" && formulaStart.test(joined) ? `'${joined}` : joined;
  // RFC 4180: a cell holding a quote, a comma or a line break is quoted, its quotes doubled.
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * Renders rows as RFC 4180 CSV: a header line of the column names, then one line per row,
 * CRLF line ends, cells quoted only when they must be, and text that a spreadsheet would run
 * as a formula prefixed with an apostrophe (CSV injection).
 */
export function toCsv<Row extends Record<string, CsvValue>>(rows: readonly Row[], columns: readonly (keyof Row & string)[]): string {
  const lines = [columns.map((column) => cell(column)).join(",")];
  for (const row of rows) lines.push(columns.map((column) => cell(row[column])).join(","));
  return `${lines.join("\r\n")}\r\n`;
}
