import { describe, expect, it } from "vitest";
import { createDeviceKey, sealer } from "./sealed";

describe("the device's encryption", () => {
  it("round-trips values and bytes, and stores neither in the clear", async () => {
    const seal = sealer(await createDeviceKey());
    const visit = { place: "Police Department Kruševac", note: "Two persons missing" };
    const sealed = await seal.sealJson(visit);
    expect(new TextDecoder().decode(sealed.data)).not.toContain("Kruševac");
    expect(await seal.openJson(sealed)).toEqual(visit);
    const photo = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
    expect(new Uint8Array(await seal.openBytes(await seal.sealBytes(photo)))).toEqual(photo);
  });

  it("uses a key no script can export, and a new IV for every seal", async () => {
    const key = await createDeviceKey();
    expect(key.extractable).toBe(false);
    await expect(crypto.subtle.exportKey("raw", key)).rejects.toThrow();
    const seal = sealer(key);
    const [a, b] = await Promise.all([seal.sealJson("same"), seal.sealJson("same")]);
    expect(a.iv).not.toEqual(b.iv);
  });

  it("refuses a changed ciphertext and another key's", async () => {
    const seal = sealer(await createDeviceKey());
    const sealed = await seal.sealJson({ answer: "yes" });
    const tampered = new Uint8Array(sealed.data.slice(0));
    tampered[0] = tampered[0]! ^ 1;
    await expect(seal.openJson({ iv: sealed.iv, data: tampered.buffer })).rejects.toThrow();
    // After sign-out the key is gone: a new key cannot open what the old one sealed.
    await expect(sealer(await createDeviceKey()).openJson(sealed)).rejects.toThrow();
  });
});
