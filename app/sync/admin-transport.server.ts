// Transports for the sync's admin client (admin-client.ts).
//   shopTransport(shop): the Shopify library's offline admin client — it loads the shop's offline
//     session and refreshes an expiring token, exactly as in production (and reaches the emulator in
//     tests and demo mode through SHOPIFY_ADMIN_EMULATOR_URL).
//   fetchTransport(url, token): a plain POST, for scripts and benchmarks that hold a token themselves.
import { GraphqlQueryError, HttpResponseError } from "@shopify/shopify-api";
import { unauthenticated } from "../shopify.server";
import { AdminHttpError, type AdminTransport, type GraphQLBody } from "./admin-client";

export function shopTransport(shop: string): AdminTransport {
  return async (query, variables) => {
    const { admin } = await unauthenticated.admin(shop);
    try {
      const response = await admin.graphql(query, { variables });
      return (await response.json()) as GraphQLBody;
    } catch (error) {
      // The library throws on GraphQL errors (THROTTLED included); the client needs the body to pace.
      if (error instanceof GraphqlQueryError) {
        const body = error.body as { data?: unknown; errors?: { graphQLErrors?: GraphQLBody["errors"] }; extensions?: GraphQLBody["extensions"] };
        return { data: body?.data, errors: body?.errors?.graphQLErrors ?? [{ message: error.message }], extensions: body?.extensions };
      }
      if (error instanceof HttpResponseError) throw new AdminHttpError(error.response.code, error.response.statusText ?? error.message);
      throw error;
    }
  };
}

export { fetchTransport } from "./fetch-transport";
