/**
 * Who may write and who may read: bearer tokens from trusted issuers (or the development issuer),
 * the roles and permissions a token may carry, the force scope of force systems, and the
 * field-by-field access policy of the GraphQL schema.
 */
package uk.police.missing.api.security;
