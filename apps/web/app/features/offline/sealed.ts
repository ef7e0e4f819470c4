/**
 * The encryption of everything a device keeps for offline visits (decision 0210): AES-GCM through
 * WebCrypto under a key that cannot be exported. The key lives only in this browser's IndexedDB, as
 * a CryptoKey object (the browser stores it without ever handing its bytes to a script), and is
 * deleted at sign-out, which leaves whatever ciphertext survived unreadable.
 */

export type Sealed = { iv: Uint8Array<ArrayBuffer>; data: ArrayBuffer };

/** A fresh 256-bit AES-GCM key that no script can read back (extractable: false). */
export function createDeviceKey(): Promise<CryptoKey> {
  return crypto.subtle.generateKey({ name: "AES-GCM", length: 256 }, false, ["encrypt", "decrypt"]);
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Seals and opens values under one key; every seal has its own random 96-bit IV. */
export function sealer(key: CryptoKey) {
  async function sealBytes(bytes: ArrayBuffer | Uint8Array<ArrayBuffer>): Promise<Sealed> {
    const iv = crypto.getRandomValues(new Uint8Array(12));
    return { iv, data: await crypto.subtle.encrypt({ name: "AES-GCM", iv }, key, bytes) };
  }
  /** Throws if the ciphertext was changed or sealed under another key (GCM's tag does not match). */
  async function openBytes(sealed: Sealed): Promise<ArrayBuffer> {
    return crypto.subtle.decrypt({ name: "AES-GCM", iv: sealed.iv }, key, sealed.data);
  }
  return {
    sealBytes,
    openBytes,
    sealJson: (value: unknown): Promise<Sealed> => sealBytes(encoder.encode(JSON.stringify(value))),
    openJson: async <T>(sealed: Sealed): Promise<T> => JSON.parse(decoder.decode(await openBytes(sealed))) as T,
  };
}

export type Sealer = ReturnType<typeof sealer>;
