import { useCallback, useEffect, useRef, useState } from "react";
import type { FormValues } from "../../../shared/form-values";
import { applicationEndpoints } from "../../../shared/api/applications";
import type { ResponseOf } from "../../../shared/api/endpoint";
import { ApiError, call } from "../../api";
import type { MaterialValue } from "./MaterialUpload";

type Draft = ResponseOf<typeof applicationEndpoints.draft>;

/**
 * The applicant's server-side draft for an item: loaded once, autosaved a moment after each change,
 * reloaded when another device saved in between (409 DRAFT_CHANGED).
 */
export function useDraft(itemId: string, enabled: boolean, delayMs = 1200) {
  const [loaded, setLoaded] = useState(!enabled);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const version = useRef<number | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const load = useCallback(async () => {
    try {
      const d = await call(applicationEndpoints.draft, { params: { itemId } });
      version.current = d.lockVersion;
      setDraft(d);
    } catch (err) {
      if (!(err instanceof ApiError && err.code === "DRAFT_NOT_FOUND")) throw err;
      version.current = null;
      setDraft(null);
    } finally {
      setLoaded(true);
    }
  }, [itemId]);

  useEffect(() => {
    if (enabled) void load().catch(() => setLoaded(true));
    return () => {
      if (timer.current) clearTimeout(timer.current);
    };
  }, [enabled, load]);

  const save = useCallback(
    (formData: FormValues, materials: MaterialValue[]) => {
      if (!enabled) return;
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(async () => {
        try {
          const d = await call(applicationEndpoints.saveDraft, { params: { itemId }, body: { formData, materials: materials.map(({ materialKey, fileId }) => ({ materialKey, fileId })), lockVersion: version.current } });
          version.current = d.lockVersion;
          setSavedAt(d.updatedAt);
        } catch (err) {
          if (err instanceof ApiError && err.code === "DRAFT_CHANGED") {
            setConflict(true);
            await load();
          }
        }
      }, delayMs);
    },
    [enabled, itemId, delayMs, load],
  );

  const discard = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current);
    await call(applicationEndpoints.discardDraft, { params: { itemId } });
    version.current = null;
    setDraft(null);
    setSavedAt(null);
  }, [itemId]);

  /** After submission the server removed the draft; stop autosaving into it. */
  const forget = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    version.current = null;
    setSavedAt(null);
  }, []);

  return { loaded, draft, savedAt, conflict, save, discard, forget };
}
