/**
 * The answers of the demo 食品经营许可 form (XK00002001) for 上海明远科技有限公司, as its legal
 * representative 张伟明 fills them: shared by the API tests and the benchmark.
 */
export const FOOD_LICENCE_FORM = {
  enterpriseName: "上海明远科技有限公司",
  creditCode: "91310101MA00000078",
  legalRep: "张伟明",
  contact: "张伟明",
  contactMobile: "13800000001",
  category: "catering",
  seats: 40,
  area: 120,
  address: "上海市黄浦区四川中路213号",
};
