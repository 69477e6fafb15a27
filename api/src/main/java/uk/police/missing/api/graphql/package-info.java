/** GraphQL plumbing shared by every feature: scalars and error handling. */
package uk.police.missing.api.graphql;
