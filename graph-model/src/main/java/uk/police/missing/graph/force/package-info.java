/**
 * The police forces that own episodes. The list ships with the service (a copy of the national
 * force list) and is written to the graph at start-up, so a renamed force is corrected on the next
 * start.
 */
package uk.police.missing.graph.force;
