/**
 * Migrations that need Java, found by neo4j-migrations in this package and applied in version
 * order with the scripts of {@code neo4j/migrations}: data migrations that must reuse the rules
 * ingest applies (areas, filters) rather than restate them in Cypher.
 */
package uk.police.missing.graph.schema.migrations;
