import { data } from "react-router";

/**
 * The submitted form, or a 400: a body that is not a form (JSON, a truncated multipart upload, a
 * wrong content type) is the sender's mistake, never a 500 (issue 12; found by the route fuzzer).
 */
export async function readForm(request: Request): Promise<FormData> {
  try {
    return await request.formData();
  } catch {
    throw data(null, { status: 400, statusText: "Bad Request" });
  }
}
