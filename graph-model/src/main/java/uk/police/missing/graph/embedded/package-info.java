/**
 * The in-process Neo4j server the service starts when no external database is configured. It is a
 * real server with a Bolt connector on localhost, so the application reaches it through the driver
 * exactly as it would reach a remote server or a cluster, and Neo4j Browser or cypher-shell can
 * attach to it.
 */
package uk.police.missing.graph.embedded;
