import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from "react";
import type { MeResponse } from "../shared/schemas/identity";
import { ApiError, setCsrfToken, call } from "./api";
import { authEndpoints } from "../shared/api/auth";

interface SessionValue {
  me: MeResponse | null;
  loading: boolean;
  refresh: () => Promise<MeResponse | null>;
  setMe: (me: MeResponse | null) => void;
  logout: () => Promise<void>;
}

const SessionContext = createContext<SessionValue | null>(null);

/** Holds the logged-in actor for the whole app; `refresh` re-reads it from the server. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMeState] = useState<MeResponse | null>(null);
  const [loading, setLoading] = useState(true);

  const setMe = useCallback((value: MeResponse | null) => {
    setCsrfToken(value?.csrfToken ?? null);
    setMeState(value);
  }, []);

  const refresh = useCallback(async () => {
    try {
      const value = await call(authEndpoints.getMe, {  });
      setMe(value);
      return value;
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) {
        setMe(null);
        return null;
      }
      throw err;
    } finally {
      setLoading(false);
    }
  }, [setMe]);

  const logout = useCallback(async () => {
    await call(authEndpoints.postAuthLogout, {  });
    setMe(null);
  }, [setMe]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  return <SessionContext.Provider value={{ me, loading, refresh, setMe, logout }}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error("useSession outside SessionProvider");
  return value;
}
