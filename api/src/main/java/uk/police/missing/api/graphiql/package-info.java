/**
 * GraphiQL, the in-browser GraphQL editor, served by the service itself outside production: the
 * page, its script and GraphiQL's own scripts all come from the jar, so it works on a closed
 * network, under a strict Content-Security-Policy, and the bearer token it sends is held in the
 * page's memory only.
 */
package uk.police.missing.api.graphiql;
