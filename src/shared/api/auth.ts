import { actingForRequest, postRequest, loginRequest, meResponse, registerRequest, totpConfirmRequest, totpSetupResponse } from "../schemas/identity";
import { okBody } from "../schemas/common";
import { z } from "zod";
import { anyone, signedIn, staff, endpoint } from "./endpoint";

export const loginResponse = z.object({ csrfToken: z.string(), expiresAt: z.string() });

/** The endpoints of modules/identity/auth.routes.ts. */
export const authEndpoints = {
  postAuthRegister: endpoint({
    method: "POST",
    path: "/auth/register",
    access: anyone,
    tags: ["identity"],
    summary: "实名注册 Register a citizen account (name and ID number checked against the population registry)",
    body: registerRequest,
    response: loginResponse,
    status: 201,
  }),
  postAuthLogin: endpoint({
    method: "POST",
    path: "/auth/login",
    access: anyone,
    tags: ["identity"],
    summary: "登录 Log in with mobile, ID number or staff username",
    body: loginRequest,
    response: loginResponse,
  }),
  postAuthLogout: endpoint({
    method: "POST",
    path: "/auth/logout",
    access: anyone,
    tags: ["identity"],
    summary: "退出登录 Log out",
    response: okBody,
  }),
  getMe: endpoint({
    method: "GET",
    path: "/me",
    access: signedIn,
    tags: ["identity"],
    summary: "当前用户 The logged-in actor",
    response: meResponse,
  }),
  postMeActingFor: endpoint({
    method: "POST",
    path: "/me/acting-for",
    access: signedIn,
    tags: ["identity"],
    summary: "切换办事身份 Act for an enterprise, or as oneself with null",
    body: actingForRequest,
    response: meResponse,
  }),
  postMePost: endpoint({
    method: "POST",
    path: "/me/post",
    access: staff(),
    tags: ["identity"],
    summary: "切换岗位（一人多岗） Work in one of one's further posts — its organisation and roles — or in one's own organisation with null",
    body: postRequest,
    response: meResponse,
  }),
  postMeTotpSetup: endpoint({
    method: "POST",
    path: "/me/totp/setup",
    access: staff(),
    tags: ["identity"],
    summary: "开启动态口令（工作人员） Begin TOTP enrolment",
    response: totpSetupResponse,
  }),
  postMeTotpConfirm: endpoint({
    method: "POST",
    path: "/me/totp/confirm",
    access: staff(),
    tags: ["identity"],
    summary: "确认动态口令 Confirm TOTP with a first code",
    body: totpConfirmRequest,
    response: okBody,
  }),
};
