import { Pagination, Spin, Table, type TableProps } from "antd";
import type { ColumnType } from "antd/es/table";
import { Fragment, useSyncExternalStore, type Key, type ReactNode } from "react";
import { useTranslation } from "react-i18next";

const PHONE = "(max-width: 640px)";

/** Whether the screen is a phone's width (follows rotation and resizing). */
export function usePhone(): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const m = window.matchMedia(PHONE);
      m.addEventListener("change", onChange);
      return () => m.removeEventListener("change", onChange);
    },
    () => window.matchMedia(PHONE).matches,
  );
}

type Column<T> = ColumnType<T>;

function cell<T>(c: Column<T>, row: T, index: number): ReactNode {
  const value = typeof c.dataIndex === "string" ? (row as Record<string, unknown>)[c.dataIndex] : Array.isArray(c.dataIndex) ? c.dataIndex.reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k as string], row) : undefined;
  if (c.render) return c.render(value, row, index) as ReactNode;
  return value === null || value === undefined || value === "" ? "—" : (value as ReactNode);
}

/**
 * A table on a wide screen and a list of cards on a phone: each row becomes a card whose first column
 * is its heading and whose other columns are labelled lines, so nothing is cut off or needs sideways
 * scrolling at 320–430 px. Takes antd Table's props (columns with title, dataIndex and render).
 */
export function ResponsiveTable<T extends object>(props: TableProps<T> & { columns: Column<T>[]; cardLabel?: string }) {
  const phone = usePhone();
  const { t } = useTranslation();
  if (!phone) return <Table<T> {...props} />;
  const rows = (props.dataSource ?? []) as T[];
  const keyOf = (row: T, i: number): Key => (typeof props.rowKey === "function" ? props.rowKey(row, i) : props.rowKey ? ((row as Record<string, unknown>)[props.rowKey as string] as Key) : i);
  const [head, ...rest] = (props.columns as Column<T>[]).filter((c) => c.title !== undefined || c.render);
  const pagination = props.pagination === false ? null : props.pagination;
  const loading = typeof props.loading === "object" ? props.loading.spinning : props.loading;
  return (
    <div className="card-table">
      {loading && <Spin tip={t("common.loading")} />}
      {!loading && rows.length === 0 && <div className="card-empty">{(props.locale?.emptyText as ReactNode) ?? t("common.empty")}</div>}
      {rows.length > 0 && (
        <ul className="card-list" aria-label={props.cardLabel}>
          {rows.map((row, i) => (
            <li key={keyOf(row, i)}>
              {head && <div className="card-head">{cell(head, row, i)}</div>}
              <dl>
                {rest.map((c, j) => (
                  <Fragment key={String(c.key ?? c.dataIndex ?? j)}>
                    <dt>{c.title as ReactNode}</dt>
                    <dd>{cell(c, row, i)}</dd>
                  </Fragment>
                ))}
              </dl>
            </li>
          ))}
        </ul>
      )}
      {pagination && (pagination.total ?? 0) > (pagination.pageSize ?? 10) && (
        <Pagination simple current={pagination.current} pageSize={pagination.pageSize} total={pagination.total} onChange={(p, size) => pagination.onChange?.(p, size)} />
      )}
    </div>
  );
}
