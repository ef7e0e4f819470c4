import { stringify } from "csv-stringify/sync";
import type { Cell, ExportTable } from "./export-rows.ts";
import type { ExportFormat } from "./inputs.ts";

export type ExportFile = { fileName: string; contentType: string; content: Buffer };

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/** A cell a spreadsheet would run as a formula gets an apostrophe in front (CSV only: XLSX cells are typed). */
function csvCell(cell: Cell): string | number {
  if (cell === null) return "";
  if (cell instanceof Date) return isoDay(cell);
  if (typeof cell === "number") return cell;
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

/**
 * CSV in UTF-8 with a byte-order mark, so Excel opens Cyrillic as Cyrillic instead of guessing a
 * legacy code page; CRLF line ends as RFC 4180 says.
 */
function toCsv(table: ExportTable): Buffer {
  const text = stringify([table.headers, ...table.rows.map((row) => row.map(csvCell))], { record_delimiter: "windows" });
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, "utf8")]);
}

/** One worksheet with a bold, frozen header row; dates are real dates, numbers real numbers. */
async function toXlsx(table: ExportTable): Promise<Buffer> {
  // Loaded on the first XLSX export, not at start: ~8 MB most server processes never use (decision 0180).
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Vigil";
  const sheet = workbook.addWorksheet(table.name, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.addRow(table.headers).font = { bold: true };
  for (const row of table.rows) sheet.addRow(row);
  table.headers.forEach((header, index) => {
    const column = sheet.getColumn(index + 1);
    column.width = Math.min(60, Math.max(12, header.length + 2));
    if (table.rows.some((row) => row[index] instanceof Date)) column.numFmt = "yyyy-mm-dd";
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export async function exportFile(table: ExportTable, format: ExportFormat, baseName: string): Promise<ExportFile> {
  const content = format === "csv" ? toCsv(table) : await toXlsx(table);
  return { fileName: `${baseName}.${format}`, contentType: CONTENT_TYPES[format], content };
}
