/** Helpers of the scorecard journeys: antd tables read as the user sees them, screenshots from the top. */
import type { Locator, Page } from 'playwright-core';
import { shot } from './browser.ts';

export type Row = Record<string, string>;

/**
 * The rows of the first table inside `container` (rows of tables nested in expanded rows are left out),
 * keyed by the titles of the header's first row. Cells are read as the user sees them (innerText).
 */
export async function readTable(container: Locator): Promise<Row[]> {
  return container.evaluate((root) => {
    const table = root.querySelector('.ant-table');
    if (!table) return [];
    const mine = (el: Element) => el.closest('.ant-table') === table;
    const headerRow = [...table.querySelectorAll('.ant-table-thead > tr')].find(mine);
    const titles = headerRow ? [...headerRow.children].map((th) => (th as HTMLElement).innerText.trim()) : [];
    return [...table.querySelectorAll('.ant-table-tbody > tr.ant-table-row')].filter(mine).map((tr) => {
      const row: Record<string, string> = {};
      [...tr.children].forEach((td, i) => {
        const title = titles[i];
        if (title) row[title] = (td as HTMLElement).innerText.trim();
      });
      return row;
    });
  });
}

/** The cells of every body row of the first table inside `container`, in column order. */
export async function readCells(container: Locator): Promise<string[][]> {
  return container.evaluate((root) => {
    const table = root.querySelector('.ant-table');
    if (!table) return [];
    return [...table.querySelectorAll('.ant-table-tbody > tr.ant-table-row')]
      .filter((tr) => tr.closest('.ant-table') === table)
      .map((tr) => [...tr.children].map((td) => (td as HTMLElement).innerText.trim()));
  });
}

/** A number as the tables print it: 1,234.50 / −12.30 / +5.00 → 1234.5 / -12.3 / 5. */
export function num(text: string | undefined): number {
  const n = Number((text ?? '').replace(/[,\s+]/g, '').replace(/[−–]/g, '-'));
  if (!Number.isFinite(n)) throw new Error(`not a number: ${JSON.stringify(text)}`);
  return n;
}

/** The shared screenshot, taken from the top of the page (a scrolled page repeats its sticky header). */
export async function shotTop(page: Page, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot(page, name);
}
