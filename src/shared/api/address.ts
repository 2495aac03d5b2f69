import { addressCheck, addressCheckRequest, addressOptions, addressOptionsQuery } from "../schemas/address";
import { anyone, endpoint } from "./endpoint";

/** The endpoints of modules/registry/address.routes.ts. */
export const addressEndpoints = {
  getAddressOptions: endpoint({
    method: "GET",
    path: "/addresses/options",
    access: anyone,
    tags: ["registry"],
    summary: "标准地址库 A street's roads, a road's doors (门牌) or a door's rooms, for address pickers; public",
    query: addressOptionsQuery,
    response: addressOptions,
  }),
  postAddressChecks: endpoint({
    method: "POST",
    path: "/addresses/check",
    access: anyone,
    tags: ["registry"],
    summary: "地址核验 Whether a typed address is well formed (with the division its form asks apart) and held by the address registry; public",
    body: addressCheckRequest,
    response: addressCheck,
  }),
};
