import { Alert, Space, Typography } from "antd";
import type { ReactNode } from "react";
import { ApiError } from "../api";

/**
 * The head every page has: its title (the page's one h1), an optional introduction, an error the page
 * met (announced to screen readers), and a toolbar; the page's content follows as children, or after it.
 */
export function PageFrame({ title, intro, error, toolbar, children }: { title: ReactNode; intro?: ReactNode; error?: string | null; toolbar?: ReactNode; children?: ReactNode }) {
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {title}
      </Typography.Title>
      {intro && <Typography.Paragraph>{intro}</Typography.Paragraph>}
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

/** What to tell the user about a failed call: the server's message in their language, or the error's own. */
export function errorMessage(err: unknown): string {
  return err instanceof ApiError ? err.message : err instanceof Error ? err.message : String(err);
}
