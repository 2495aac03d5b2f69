import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { OrgKind } from "../../shared/roles";
import { orgChildren } from "../api";
import { useSession } from "../session";

export interface OrgTreeNode {
  id: string;
  pId: string | null;
  value: string;
  title: string;
  isLeaf: boolean;
  code?: string;
}

/**
 * The org tree below the logged-in staff member's own org, loaded level by level for a TreeSelect
 * (`treeDataSimpleMode`). `exclude` leaves out kinds that cannot be chosen.
 */
export function useOrgTree(exclude: OrgKind[] = [], options: { wholeCity?: boolean } = {}) {
  const { me } = useSession();
  const { i18n } = useTranslation();
  const [tree, setTree] = useState<OrgTreeNode[]>([]);
  const name = useCallback((o: { name: string; nameEn: string }) => (i18n.language === "en" ? o.nameEn : o.name), [i18n.language]);

  const wholeCity = options.wholeCity === true;
  useEffect(() => {
    // City-level staff who look after the whole city (data administrators) start at the city itself.
    if (wholeCity) {
      void orgChildren().then((roots) => setTree(roots.map((o) => ({ id: o.id, pId: null, value: o.id, title: name(o), isLeaf: o.childCount === 0, code: o.code }))));
      return;
    }
    if (me?.org) setTree([{ id: me.org.id, pId: null, value: me.org.id, title: name(me.org), isLeaf: false, code: me.org.code }]);
  }, [me, name, wholeCity]);

  const loadData = useCallback(
    async (node: object) => {
      const parentId = (node as { id?: unknown }).id;
      if (typeof parentId !== "string") return;
      const children = await orgChildren(parentId);
      setTree((prev) => [
        ...prev,
        ...children
          .filter((o) => !prev.some((p) => p.id === o.id) && !exclude.includes(o.kind))
          .map((o) => ({ id: o.id, pId: parentId, value: o.id, title: name(o), isLeaf: o.childCount === 0, code: o.code })),
      ]);
    },
    [exclude, name],
  );

  /** Makes sure an org already chosen (e.g. the one being edited) shows by name before its branch is opened. */
  const ensure = useCallback((org: { id: string; name: string; nameEn: string }) => {
    setTree((prev) => (prev.some((n) => n.id === org.id) ? prev : [...prev, { id: org.id, pId: me?.org?.id ?? null, value: org.id, title: name(org), isLeaf: true }]));
  }, [me, name]);

  return { tree, loadData, ensure };
}
