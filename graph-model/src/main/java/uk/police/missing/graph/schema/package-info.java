/**
 * The graph's constraints and indexes, as versioned migration scripts in
 * {@code neo4j/migrations}, and the data migrations that need Java in {@code .migrations},
 * applied once at start-up before the service takes requests.
 */
package uk.police.missing.graph.schema;
