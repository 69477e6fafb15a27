/**
 * GraphQL plumbing shared by every feature: scalars, error handling, and the limits on what one
 * request may ask.
 */
package uk.police.missing.api.graphql;
