/**
 * The lists an analyst starts a day with, each one query under the common filter: children by
 * their episodes, episodes, corridors between areas, and return home interview gaps.
 */
package uk.police.missing.api.lists;
