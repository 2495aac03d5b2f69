import { personLookupRequest, personView } from "../schemas/registry";
import { staff, endpoint } from "./endpoint";


/** The endpoints of modules/registry/registry.routes.ts. */
export const registryEndpoints = {
  postRegistryPersonLookups: endpoint({
    method: "POST",
    path: "/registry/person-lookups",
    access: staff("window_clerk", "reviewer", "approver", "data_admin", "hotline_agent"),
    clientScope: "registries.read",
    tags: ["registry"],
    summary: "查询人口信息 Read a person from the population registry for a stated purpose (logged, visible to the person)",
    body: personLookupRequest,
    response: personView,
  }),
};
