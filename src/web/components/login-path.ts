/** Where a sign-in may send the person back to: a page of this site, never another site or the sign-in pages themselves. */
export function safeNext(next: string | null | undefined): string | null {
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return null;
  if (/^\/(login|register)(\/|\?|#|$)/.test(next)) return null;
  return next;
}

/** The address of the sign-in (or registration) page that brings the person back to `next` afterwards. */
export function loginPath(page: "/login" | "/register", next: string | null | undefined): string {
  const back = safeNext(next);
  return back && back !== "/" ? `${page}?next=${encodeURIComponent(back)}` : page;
}
