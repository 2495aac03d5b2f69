import type { FastifyPluginAsync } from "fastify";
import { addressEndpoints as api } from "../../../shared/api/address";
import { route } from "../../http/endpoints";
import type { AddressService } from "./address.service";

export const addressRoutes: FastifyPluginAsync<{ addresses: AddressService }> = async (app, { addresses }) => {
  route(app, api.getAddressOptions, async (req) => addresses.options(req.query.street, req.query.road, req.query.door));
  route(app, api.postAddressChecks, async (req) => addresses.check(req.body.address, req.body.division ?? null));
};
