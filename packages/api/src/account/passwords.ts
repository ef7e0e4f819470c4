import { hashPassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, passwordProblem } from "@vigil/auth";
import { fail } from "../core/errors.ts";

const PROBLEM_KEYS = {
  tooShort: ["validation.passwordTooShort", { count: PASSWORD_MIN_LENGTH }],
  tooLong: ["validation.passwordTooLong", { count: PASSWORD_MAX_LENGTH }],
  tooCommon: ["validation.passwordTooCommon", {}],
} as const;

/** Hashes a new password after refusing short, overlong and common ones (error on `field`). */
export async function hashNewPassword(password: string, field: string, userInputs: string[] = []): Promise<string> {
  const problem = passwordProblem(password, userInputs);
  if (problem) {
    const [key, params] = PROBLEM_KEYS[problem];
    fail("BAD_REQUEST", key, params, field);
  }
  return hashPassword(password);
}
