import { describe, expect, it } from "vitest";
import { INSTANT_TEMPLATE, PROMISE_TEMPLATE, validateWorkflow, workflowDefinition, type WorkflowDefinition } from "./workflow-definition";

const clone = (d: WorkflowDefinition) => structuredClone(d);

describe("workflow definitions", () => {
  it("ships two valid templates that parse", () => {
    for (const t of [INSTANT_TEMPLATE, PROMISE_TEMPLATE]) {
      expect(workflowDefinition.safeParse(t).success).toBe(true);
      expect(validateWorkflow(t)).toEqual([]);
    }
  });

  it("finds an unreachable state", () => {
    const d = clone(PROMISE_TEMPLATE);
    d.actions = d.actions.filter((a) => a.key !== "pass_review");
    const problems = validateWorkflow(d);
    expect(problems).toContain("状态“待决定”无法到达");
  });

  it("finds a dead end", () => {
    const d = clone(PROMISE_TEMPLATE);
    d.states.push({ key: "limbo", name: "挂起", kind: "normal", limitDays: null });
    d.actions.push({ key: "suspend", name: "挂起", from: ["reviewing"], to: "limbo", roles: ["reviewer"], reasonRequired: false, supplement: false });
    expect(validateWorkflow(d)).toContain("从状态“挂起”出发无法办结（存在死路）");
  });

  it("requires a reason for negative decisions and a waiting state for supplements", () => {
    const d = clone(PROMISE_TEMPLATE);
    d.actions.find((a) => a.key === "deny")!.reasonRequired = false;
    d.actions.find((a) => a.key === "request_supplement")!.to = "reviewing";
    const problems = validateWorkflow(d);
    expect(problems).toContain("作出“不予许可”决定的操作“不予”须要求填写理由");
    expect(problems).toContain("补正操作“一次性告知补正”须进入“等待申请人”状态");
  });

  it("checks references, start and terminal states", () => {
    const d = clone(INSTANT_TEMPLATE);
    d.actions.push({ key: "oops", name: "错误", from: ["nowhere"], to: "approved", roles: ["approver"], reasonRequired: false, supplement: false });
    d.states.push({ key: "again", name: "又一个开始", kind: "start", limitDays: null });
    const problems = validateWorkflow(d);
    expect(problems).toContain("操作“错误”的起始状态“nowhere”不存在");
    expect(problems).toContain("须有且只有一个开始状态");
  });
});

describe("approvalPath (秒批)", () => {
  it("walks the staff actions to approval, avoiding supplements, refusals and the applicant's actions", async () => {
    const { approvalPath, PROMISE_TEMPLATE, INSTANT_TEMPLATE } = await import("./workflow-definition");
    expect(approvalPath(PROMISE_TEMPLATE, "submitted")!.map((a) => a.key)).toEqual(["accept", "pass_review", "approve"]);
    expect(approvalPath(INSTANT_TEMPLATE, "submitted")!.map((a) => a.key)).toEqual(["approve"]);
    expect(approvalPath(PROMISE_TEMPLATE, "supplement")).toBeNull();
    expect(approvalPath(PROMISE_TEMPLATE, "approved")).toEqual([]);
  });
});

describe("the decision's words follow the kind of item", () => {
  it("grants an allowance (给付) and licenses a licence (许可); other kinds are approved plainly", async () => {
    const { templateFor } = await import("./workflow-definition");
    const names = (kind?: string) => templateFor(5, kind).states.filter((s) => s.outcome === "approved" || s.outcome === "denied").map((s) => s.name);
    expect(names("JF")).toEqual(["准予给付", "不予给付"]);
    expect(names("XK")).toEqual(["准予许可", "不予许可"]);
    expect(names("GG")).toEqual(["准予办理", "不予办理"]);
    expect(names()).toEqual(["准予许可", "不予许可"]);
    for (const kind of ["JF", "XK", "GG", "QR"]) expect(validateWorkflow(templateFor(5, kind))).toEqual([]);
    expect(templateFor(0, "JF").name).toBe("即办件");
  });
});
