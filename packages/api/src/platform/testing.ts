import { enrolTestTwoFactor, createTestUser } from "../testing/index.ts";
import { setPlatformOperator } from "./operators.ts";

/** A platform operator signed in with two-factor sign-in on, as the console requires. */
export async function createTestOperator() {
  const operator = await createTestUser("Platform Operator");
  await enrolTestTwoFactor(operator.id);
  await setPlatformOperator(operator.email);
  return operator;
}
