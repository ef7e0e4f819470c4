import { hash, verify } from "@node-rs/argon2";
import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import { adjacencyGraphs, dictionary as commonDictionary } from "@zxcvbn-ts/language-common";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "./password-rules.ts";

// Argon2id with OWASP's recommended minimum (19 MiB, 2 passes); about 30 ms on these machines.
const ARGON2ID = 2;
const HASH_OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;


export function hashPassword(password: string): Promise<string> {
  return hash(password, HASH_OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/**
 * A hash of a random password, verified against when an e-mail address has no account, so that a
 * wrong e-mail takes as long as a wrong password (no account enumeration by timing).
 */
let decoyHash: Promise<string> | undefined;
export function decoyPasswordHash(): Promise<string> {
  decoyHash ??= hashPassword(crypto.randomUUID());
  return decoyHash;
}

let strengthChecker: ZxcvbnFactory | undefined;
function checker(): ZxcvbnFactory {
  strengthChecker ??= new ZxcvbnFactory({ dictionary: { ...commonDictionary }, graphs: adjacencyGraphs });
  return strengthChecker;
}

export type PasswordProblem = "tooShort" | "tooLong" | "tooCommon";

/** Why a new password is refused, or null. Common passwords are those in zxcvbn's common lists. */
export function passwordProblem(password: string, userInputs: string[] = []): PasswordProblem | null {
  if (password.length < PASSWORD_MIN_LENGTH) return "tooShort";
  if (password.length > PASSWORD_MAX_LENGTH) return "tooLong";
  const result = checker().check(password, userInputs);
  const fromCommonList = result.sequence.some(
    (match) => match.pattern === "dictionary" && match.token.length >= password.length - 2,
  );
  if (fromCommonList || result.score < 2) return "tooCommon";
  return null;
}
