/** What of a material decides whether an online application still lacks it. */
interface MaterialLike {
  key: string;
  name: string;
  medium: "paper" | "electronic" | "either";
  situation?: string | undefined;
}

/**
 * The materials an online application still lacks: every material asked of everyone (not only in a
 * particular situation) that can be handed in electronically, neither uploaded nor shared from the
 * government's data. Paper-only originals are shown at the visit and are not counted here.
 */
export function missingMaterials<M extends MaterialLike>(materials: ReadonlyArray<M>, uploaded: ReadonlySet<string>, shared: ReadonlySet<string>): M[] {
  return materials.filter((m) => !m.situation && m.medium !== "paper" && !uploaded.has(m.key) && !shared.has(m.key));
}
