import type { AppRouter } from "@vigil/api";
import type { AnyProcedure, inferProcedureOutput, inferRouterOutputs } from "@trpc/server";

/**
 * What each procedure returns, as the API declares it: components name their props from here
 * (`ServerOutputs["members"]["list"][number]`) instead of copying the shape by hand, so a change in a
 * procedure's output is a type error where it is shown (docs/decisions/0168).
 *
 * `RouterOutputs` is the answer over HTTP, as the browser's tRPC client gets it: the router has no
 * transformer, so dates arrive as strings. Loaders call the same procedures through the server-side
 * caller and React Router hands their dates on as dates: props filled by a loader use `ServerOutputs`,
 * the same inference without the JSON step.
 * @public for code that calls the browser's tRPC client and names what it gets back.
 */
export type RouterOutputs = inferRouterOutputs<AppRouter>;

type OutputsOf<Record> = { [Key in keyof Record]: Record[Key] extends AnyProcedure ? inferProcedureOutput<Record[Key]> : OutputsOf<Record[Key]> };
export type ServerOutputs = OutputsOf<AppRouter["_def"]["record"]>;
