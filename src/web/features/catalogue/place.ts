import { useSyncExternalStore } from "react";
import { useSession } from "../../session";

export { pickPlace, placeFor } from "./pick-place";

/**
 * Where the person does things (a district or street division code): the place they chose on a guide,
 * remembered in this browser, or else a citizen's registered division. Search results and lists open
 * that place's implementation of a service; the guide offers the others as a switch.
 */
const KEY = "haoban_place";
const listeners = new Set<() => void>();

function chosen(): string | null {
  try {
    return localStorage.getItem(KEY);
  } catch {
    return null;
  }
}

export function choosePlace(regionCode: string) {
  try {
    localStorage.setItem(KEY, regionCode);
  } catch {
    // nothing kept: the choice holds for this page only
  }
  listeners.forEach((l) => l());
}

export function usePlace(): string | null {
  const { me } = useSession();
  const choice = useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    chosen,
  );
  return choice ?? me?.regionCode ?? null;
}
