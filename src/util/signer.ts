/**
 * The signing-key contract: evidence signs manifests with a Signer, and a key file (evidence)
 * or a KMS key (collect, which alone talks to AWS) provides one. It sits below both so neither
 * imports the other. Algorithm names are KMS's (plus ED25519) so a KMS-signed bundle names the
 * exact algorithm KMS used.
 */
export const SIGNATURE_ALGORITHMS = ['ED25519', 'ECDSA_SHA_256', 'RSASSA_PKCS1_V1_5_SHA_256', 'RSASSA_PSS_SHA_256'] as const;
export type SignatureAlgorithm = (typeof SIGNATURE_ALGORITHMS)[number];

/** A signing key: local file or KMS. `describe` runs once before signing. */
export interface Signer {
  describe(): Promise<{ algorithm: SignatureAlgorithm; publicKeyPem: string; keyArn?: string }>;
  sign(data: Buffer): Promise<Buffer>;
}
