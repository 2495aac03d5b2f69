import type { Segment } from "../../../shared/schemas/search";

/** Text with the matched words marked; built from segments, so no HTML is ever injected. */
export function Highlighted({ segments }: { segments: Segment[] }) {
  return (
    <>
      {segments.map((s, i) =>
        s.hit ? (
          <mark key={i} style={{ background: "#fff1b8", color: "inherit", padding: 0 }}>
            {s.text}
          </mark>
        ) : (
          <span key={i}>{s.text}</span>
        ),
      )}
    </>
  );
}
