import type { ComponentChildren } from 'preact';

interface DataTableProps {
  /** The column heads, in order; `false` or nothing leaves a column out (e.g. actions only for instructors). */
  columns: ReadonlyArray<ComponentChildren | false | null | undefined>;
  /** The table's classes (`progress-table`, `sets-table`, …), which give it its layout. */
  class?: string | undefined;
  /**
   * The scroll box can be reached with the keyboard (tabindex 0): for tables whose cells hold no link or
   * control to tab to, so that a keyboard can scroll them on a narrow screen.
   */
  focusable?: boolean;
  /** No scroll box: a short table (inside a "show as a table" disclosure) that never runs wider than the page. */
  bare?: boolean;
  /** The rows. */
  children: ComponentChildren;
}

/**
 * A table of data: column heads (`<th scope="col">`) and rows, in a box that scrolls sideways when the table is
 * wider than the screen (`.table-wrap`). Every data table of the pages and components uses it, so they share
 * one markup.
 * @example <DataTable class="progress-table" columns={[t('progress.quiz'), t('progress.best')]}>{rows}</DataTable>
 */
export function DataTable({ columns, class: cls, focusable = false, bare = false, children }: DataTableProps) {
  const table = (
    <table class={cls}>
      <thead>
        <tr>
          {columns.map((c, i) =>
            c === false || c === null || c === undefined ? null : (
              <th key={i} scope="col">
                {c}
              </th>
            ),
          )}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
  if (bare) return table;
  return (
    <div class="table-wrap" tabIndex={focusable ? 0 : undefined}>
      {table}
    </div>
  );
}
