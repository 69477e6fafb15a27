/**
 * Which Neo4j the service talks to, and getting it ready. With no {@code spring.neo4j.uri} the
 * service starts its own in-process server and points Spring Boot's driver at its Bolt port;
 * with one, nothing starts and the same driver reaches that server or cluster. Either way the
 * schema migrations run before the service takes requests.
 */
package uk.police.missing.api.database;
