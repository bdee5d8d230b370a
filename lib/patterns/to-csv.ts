/** A value a CSV cell can hold; arrays become one cell of `;`-joined items. */
export type CsvValue = string | number | boolean | null | undefined | readonly string[];

function cell(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  const text = Array.isArray(value) ? value.join(";") : String(value);
  // RFC 4180: a cell holding a quote, a comma or a line break is quoted, its quotes doubled.
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * Renders rows as RFC 4180 CSV: a header line of the column names, then one line per row,
 * CRLF line ends, cells quoted only when they must be.
 */
export function toCsv<Row extends Record<string, CsvValue>>(rows: readonly Row[], columns: readonly (keyof Row & string)[]): string {
  const lines = [columns.map((column) => cell(column)).join(",")];
  for (const row of rows) lines.push(columns.map((column) => cell(row[column])).join(","));
  return `${lines.join("\r\n")}\r\n`;
}
