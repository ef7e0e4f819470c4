import { handleTrpcRequest } from "@vigil/api";
import type { Route } from "./+types/api.trpc.$";

export function loader({ request, context }: Route.LoaderArgs) {
  return handleTrpcRequest(request, context);
}

export function action({ request, context }: Route.ActionArgs) {
  return handleTrpcRequest(request, context);
}
