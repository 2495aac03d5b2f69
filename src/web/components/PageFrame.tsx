import { Alert, Space } from "antd";
import type { ReactNode } from "react";

/**
 * The head every page has: its title (the page's one h1), an optional introduction, an error the page
 * met (announced to screen readers), and a toolbar; the page's content follows as children, or after it.
 */
export function PageFrame({ title, intro, error, toolbar, children }: { title: ReactNode; intro?: ReactNode; error?: string | null; toolbar?: ReactNode; children?: ReactNode }) {
  return (
    <>
      <h1 className="page-title">{title}</h1>
      {intro && <p className="page-intro">{intro}</p>}
      {error && <Alert type="error" role="alert" showIcon message={error} style={{ marginBottom: 16 }} />}
      {toolbar && (
        <Space wrap style={{ marginBottom: 16 }}>
          {toolbar}
        </Space>
      )}
      {children}
    </>
  );
}

export { errorMessage } from "../api";
