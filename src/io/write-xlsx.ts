// .xlsx for `--format xlsx`: every cell a text cell (never a formula), bold frozen header, sized columns,
// and a page set-up that prints on A4 the way a hotel's front desk would print it.
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
  // Printed, as a hotel does: A4, landscape when wide, all columns on one page width, the header row on
  // every page, the sheet's name (the hotel) at the top and page numbers at the foot.
  const wide = widths.reduce((a, w) => a + Math.min(Math.max(w + 2, 8), 60), 0) > 95;
  sheet.pageSetup = {
    paperSize: 9,
    orientation: wide ? 'landscape' : 'portrait',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: '1:1',
    margins: { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
  };
  sheet.headerFooter = { oddHeader: '&L&"-,Bold"&A', oddFooter: '&R&P / &N' };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
