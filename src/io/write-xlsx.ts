// .xlsx for `--format xlsx`: every cell a text cell (never a formula), bold frozen header, sized columns.
// exceljs is heavy, so it is loaded only when an xlsx is asked for.

/** Excel's sheet-name rules: at most 31 characters, none of []:*?/\ . */
function sheetTitle(name: string): string {
  return name.replace(/[[\]:*?/\\]/g, '-').slice(0, 31) || 'Sheet1';
}

export async function toXlsx(sheetName: string, header: string[], rows: string[][]): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetTitle(sheetName), { views: [{ state: 'frozen', ySplit: 1 }] });
  const widths = header.map((h) => h.length);
  const add = (values: string[], bold: boolean) => {
    const row = sheet.addRow([]);
    values.forEach((v, i) => {
      const c = row.getCell(i + 1);
      // A string value is stored as text even when it starts with '='; '@' keeps it text when edited.
      c.value = String(v);
      c.numFmt = '@';
      if (bold) c.font = { bold: true };
      const len = v.length;
      if (len > (widths[i] ?? 0)) widths[i] = len;
    });
  };
  add(header, true);
  for (const r of rows) add(r, false);
  widths.forEach((w, i) => {
    sheet.getColumn(i + 1).width = Math.min(Math.max(w + 2, 8), 60);
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
