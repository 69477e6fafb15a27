/**
 * GraphQL questions across forces: resolved children, people and places, and the places,
 * people, phones and vehicles that recur around missing children.
 */
package uk.police.missing.api.intelligence;
