/**
 * 上海市黄浦区福州路100号3楼 → 上海市黄浦区福州路****: an address shown without its number, for
 * screens that need to know roughly where, not exactly. Keeps everything up to the road (路/街/道/巷/弄
 * or 村), else the district.
 */
export function maskAddress(address: string): string {
  const chars = [...address];
  const district = Math.max(address.indexOf("区"), address.indexOf("县"));
  const after = district >= 0 ? district + 1 : 0;
  const road = chars.findIndex((c, i) => i >= after && "路街道巷弄村".includes(c));
  const keep = road >= 0 ? road + 1 : after > 0 ? after : Math.min(6, chars.length);
  return keep >= chars.length ? address : `${chars.slice(0, keep).join("")}****`;
}
