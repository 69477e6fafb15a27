package uk.police.missing.api.graphql;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What one GraphQL request may ask of the service. A request over a limit is refused with one
 * error naming the limit and its value, before any data is fetched.
 *
 * @param maxDepth the most fields nested inside one another; the schema's deepest path is 9
 *     fields (possibleMatches, edges, node, entities, timeline, child, homePlace, geo, lat)
 * @param maxComplexity the most a request may cost: a field costs 1 plus what it selects, and a
 *     field paged by {@code first} or {@code maxNodes} costs its page size times what it selects.
 *     At most 100,000, so that no sum of costs can overflow
 * @param maxAliases the most aliased fields in one document
 * @param maxOperations the most operations in one document: only one runs, but every one is
 *     parsed and validated
 * @param timeout how long a request may run; a data fetcher due to start after it does not
 */
@Validated
@ConfigurationProperties("missing.graphql")
record GraphQlLimitsProperties(
    @DefaultValue("10") @Min(1) int maxDepth,
    @DefaultValue("20000") @Min(1) @Max(100_000) int maxComplexity,
    @DefaultValue("30") @Min(0) int maxAliases,
    @DefaultValue("5") @Min(1) int maxOperations,
    @DefaultValue("30s") @NotNull @DurationMin(millis = 1) Duration timeout) {}
