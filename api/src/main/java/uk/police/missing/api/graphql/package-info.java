/**
 * GraphQL plumbing shared by every feature: scalars, error handling, the limits on what one
 * request may ask, and the reading of force code arguments.
 */
package uk.police.missing.api.graphql;
