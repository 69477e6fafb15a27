package uk.police.missing.api.graphql;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.IntValue;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.function.Function;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/**
 * The scalars of the schema. Instants keep the offset the force sent and are always written
 * with seconds ({@code 2026-03-14T21:05:00Z}), so they read back exactly as received.
 */
@Configuration(proxyBeanMethods = false)
class Scalars {

  static final GraphQLScalarType DATE_TIME =
      scalar(
          "DateTime",
          "an RFC 3339 date-time with an offset, e.g. 2026-03-14T21:05:00Z",
          value ->
              value instanceof ZonedDateTime || value instanceof OffsetDateTime
                  ? DateTimeFormatter.ISO_OFFSET_DATE_TIME.format((java.time.temporal.TemporalAccessor) value)
                  // The service's own instants (audit records) are UTC.
                  : value instanceof java.time.Instant instant ? instant.toString() : null,
          text -> OffsetDateTime.parse(text.toUpperCase(Locale.ROOT)));

  static final GraphQLScalarType DATE =
      scalar(
          "Date",
          "a date in the form YYYY-MM-DD",
          value -> value instanceof LocalDate d ? d.toString() : null,
          LocalDate::parse);

  static final GraphQLScalarType LONG =
      GraphQLScalarType.newScalar()
          .name("Long")
          .coercing(
              new Coercing<Long, Long>() {
                @Override
                public Long serialize(Object value, GraphQLContext context, Locale locale) {
                  if (value instanceof Number n) {
                    return n.longValue();
                  }
                  throw new CoercingSerializeException("not a whole number");
                }

                @Override
                public Long parseValue(Object input, GraphQLContext context, Locale locale) {
                  if (input instanceof Number n) {
                    return n.longValue();
                  }
                  throw new CoercingParseValueException("expected a whole number");
                }

                @Override
                public Long parseLiteral(
                    Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
                  if (input instanceof IntValue i
                      && i.getValue().bitLength() < BigInteger.valueOf(Long.MAX_VALUE).bitLength() + 1) {
                    return i.getValue().longValueExact();
                  }
                  throw new CoercingParseLiteralException("expected a whole number");
                }
              })
          .build();

  @Bean
  RuntimeWiringConfigurer scalarWiring() {
    return wiring -> wiring.scalar(DATE_TIME).scalar(DATE).scalar(LONG);
  }

  private static GraphQLScalarType scalar(
      String name, String expected, Function<Object, String> write, Function<String, Object> read) {
    return GraphQLScalarType.newScalar()
        .name(name)
        .coercing(
            new Coercing<Object, String>() {
              @Override
              public String serialize(Object value, GraphQLContext context, Locale locale) {
                String text = write.apply(value);
                if (text == null) {
                  throw new CoercingSerializeException("not " + expected);
                }
                return text;
              }

              @Override
              public Object parseValue(Object input, GraphQLContext context, Locale locale) {
                try {
                  return read.apply(String.valueOf(input));
                } catch (DateTimeParseException e) {
                  throw new CoercingParseValueException("expected " + expected);
                }
              }

              @Override
              public Object parseLiteral(
                  Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
                if (input instanceof StringValue s) {
                  try {
                    return read.apply(s.getValue());
                  } catch (DateTimeParseException e) {
                    throw new CoercingParseLiteralException("expected " + expected);
                  }
                }
                throw new CoercingParseLiteralException("expected " + expected);
              }
            })
        .build();
  }
}
