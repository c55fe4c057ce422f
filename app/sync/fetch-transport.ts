// A plain HTTP transport for the admin client: one POST per request with the access token.
import { AdminHttpError, type AdminTransport, type GraphQLBody } from "./admin-client";

export function fetchTransport(graphqlUrl: string, accessToken: string): AdminTransport {
  return async (query, variables) => {
    const response = await fetch(graphqlUrl, {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json", "X-Shopify-Access-Token": accessToken },
      body: JSON.stringify({ query, variables }),
    });
    if (!response.ok) throw new AdminHttpError(response.status, (await response.text()).slice(0, 200) || response.statusText);
    return (await response.json()) as GraphQLBody;
  };
}
