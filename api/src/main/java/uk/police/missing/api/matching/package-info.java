/** GraphQL review of possible matches: the queue, and analysts' decisions on it. */
package uk.police.missing.api.matching;
