import type { FastifyRequest } from "fastify";
import type { Lang } from "../../shared/errors";

/** The user's language: the `haoban_lang` cookie, else Accept-Language, else Chinese. */
export function requestLang(req: FastifyRequest): Lang {
  const cookie = req.cookies?.haoban_lang;
  if (cookie === "en" || cookie === "zh") return cookie;
  const accept = req.headers["accept-language"];
  if (typeof accept === "string" && /^\s*en\b/i.test(accept)) return "en";
  return "zh";
}
