import { useCallback, useEffect, useRef, useState } from "react";
import type { CallInput, Endpoint, ResponseOf } from "../../shared/api/endpoint";
import { call } from "../api";

/**
 * Loads one endpoint of the shared table: its result (typed from the table), the error message to show
 * (already in the user's language), whether it is loading, and a reload — the loading state, error and
 * empty state every page needs. Reloads when the input changes (compared by value).
 */
export function useEndpoint<E extends Endpoint>(endpoint: E, input: CallInput<E>, options: { enabled?: boolean } = {}) {
  const enabled = options.enabled ?? true;
  const [data, setData] = useState<ResponseOf<E> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(enabled);
  const key = JSON.stringify(input);
  const latest = useRef(input);
  latest.current = input;
  const reload = useCallback(() => {
    if (!enabled) return;
    setLoading(true);
    call(endpoint, latest.current).then(
      (r) => {
        setData(r);
        setError(null);
        setLoading(false);
      },
      (e: Error) => {
        setError(e.message);
        setLoading(false);
      },
    );
    // `key` stands for the input's value (latest.current holds the input itself).
  }, [endpoint, key, enabled]);
  useEffect(reload, [reload]);
  return { data, error, setError, loading, reload };
}
