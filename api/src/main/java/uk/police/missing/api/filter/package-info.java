/**
 * The one filter every list and ranking takes (force, area, period, risk, concerns, care), read
 * from GraphQL and checked once: unknown codes are errors that name them.
 */
package uk.police.missing.api.filter;
