import type { ReactNode } from "react";

/**
 * A wide table on a narrow screen: it scrolls sideways inside a region that keyboard users can focus
 * (and so scroll with the arrow keys), named for screen readers; the page itself never scrolls sideways.
 */
export function Scrollable({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div role="region" aria-label={label} tabIndex={0} style={{ overflowX: "auto", maxWidth: "100%" }}>
      {children}
    </div>
  );
}
