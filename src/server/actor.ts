import type { AgentScope, Role } from "../shared/roles";

/** The enterprise a citizen is acting for (as legal representative or authorised agent). */
export interface ActingFor {
  enterpriseId: string;
  creditCode: string;
  name: string;
  relation: "legal_representative" | "agent";
  scopes: AgentScope[];
}

/** Who is doing something: resolved from the session on every request. */
export interface Actor {
  accountId: string;
  kind: "citizen" | "staff" | "system";
  name: string;
  personId: string | null;
  orgId: string | null;
  /** Materialised path of the staff member's org, e.g. "310000/310101/": their subtree. */
  orgPath: string | null;
  /** Path of the government level (city, district, street, community) the org belongs to: what a supervisor oversees. */
  governmentPath: string | null;
  regionCode: string;
  roles: Role[];
  actingFor: ActingFor | null;
  /** Set when a department system (machine client) calls with its access token: it acts as its organisation's staff with `roles`. */
  client?: ActorClient;
}

/** The machine client behind an actor: which one, and the scopes its token carries. */
export interface ActorClient {
  id: string;
  clientId: string;
  scopes: string[];
  /** Requests a minute this client may make (its own limit, counted across the deployment). */
  rateLimitPerMinute: number;
}

/** What every audited call carries besides the actor. */
export interface RequestContext {
  requestId: string | null;
  ip: string | null;
  userAgent: string | null;
}

/** The request context of work the platform does by itself (jobs, listeners). */
export const SYSTEM_CONTEXT: RequestContext = { requestId: null, ip: null, userAgent: null };

export const SYSTEM_ACTOR: Actor = {
  accountId: "00000000-0000-0000-0000-000000000000",
  kind: "system",
  name: "系统",
  personId: null,
  orgId: null,
  orgPath: null,
  governmentPath: null,
  regionCode: "310000",
  roles: [],
  actingFor: null,
};

export function hasRole(actor: Actor, ...roles: Role[]): boolean {
  return actor.kind === "staff" && roles.some((r) => actor.roles.includes(r));
}
