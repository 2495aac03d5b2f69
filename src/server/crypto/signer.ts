import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify } from "node:crypto";

/**
 * The electronic-seal signer (电子印章). Haoban signs with Ed25519 from `node:crypto`; an SM2/SM3
 * signer (GB/T 38540) can be added behind the same interface. Every signature records its algorithm
 * and key, so old certificates stay verifiable after a key is rotated or a signer is added.
 */
export interface Signer {
  readonly algorithm: string;
  /** A new key pair: the public key (SPKI DER, base64) and the private key (PKCS#8 DER, base64). */
  generate(): { publicKey: string; privateKey: string };
  sign(data: Buffer, privateKey: string): string;
  verify(data: Buffer, signature: string, publicKey: string): boolean;
}

export const ed25519Signer: Signer = {
  algorithm: "Ed25519",
  generate() {
    const { publicKey, privateKey } = generateKeyPairSync("ed25519");
    return {
      publicKey: publicKey.export({ type: "spki", format: "der" }).toString("base64"),
      privateKey: privateKey.export({ type: "pkcs8", format: "der" }).toString("base64"),
    };
  },
  sign(data, privateKey) {
    return sign(null, data, createPrivateKey({ key: Buffer.from(privateKey, "base64"), format: "der", type: "pkcs8" })).toString("base64");
  },
  verify(data, signature, publicKey) {
    try {
      return verify(null, data, createPublicKey({ key: Buffer.from(publicKey, "base64"), format: "der", type: "spki" }), Buffer.from(signature, "base64"));
    } catch {
      return false;
    }
  },
};

/** The signers the platform knows, by algorithm name. */
export const SIGNERS: Record<string, Signer> = { [ed25519Signer.algorithm]: ed25519Signer };
