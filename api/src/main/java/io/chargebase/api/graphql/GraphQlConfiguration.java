package io.chargebase.api.graphql;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.DataFetcherExceptionResolver;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLScalarType;

import io.chargebase.domain.DomainException;
import io.chargebase.tenancy.TenantRejection;

@Configuration(proxyBeanMethods = false)
class GraphQlConfiguration {

    static final int MAX_DEPTH = 12;

    private static final Logger log = LoggerFactory.getLogger(GraphQlConfiguration.class);

    @Bean
    RuntimeWiringConfigurer scalars() {
        return wiring -> wiring.scalar(DATE_TIME).scalar(DECIMAL);
    }

    /** A subscription refused as it starts (unknown object, no access) says why, like a query would. */
    @Bean
    org.springframework.graphql.execution.SubscriptionExceptionResolver subscriptionErrors() {
        return new org.springframework.graphql.execution.SubscriptionExceptionResolverAdapter() {
            @Override
            protected GraphQLError resolveToSingleError(Throwable ex) {
                if (ex instanceof BadRequestException || ex instanceof DomainException || ex instanceof GlobalId.UnknownIdException) {
                    return GraphqlErrorBuilder.newError().errorType(ErrorType.BAD_REQUEST).message(ex.getMessage()).build();
                }
                log.error("Subscription failed", ex);
                return null;
            }
        };
    }

    @Bean
    PolicyInstrumentation policyInstrumentation(io.chargebase.api.database.DatabaseTarget database,
            @org.springframework.beans.factory.annotation.Value("${chargebase.graphql.introspection.anonymous:false}") boolean anonymousIntrospection) {
        return new PolicyInstrumentation(new IntrospectionGate(database.local(), anonymousIntrospection));
    }

    /** Introspection does not count against the depth limit (DepthLimit). */
    @Bean
    DepthLimit maxQueryDepth() {
        return new DepthLimit(MAX_DEPTH);
    }

    /** Weighs list fields by their page size; see {@link QueryCost}. */
    @Bean
    QueryCost queryCost() {
        return new QueryCost();
    }

    /** Refusals become errors the client can read; anything else an opaque id, with the details in the log. */
    @Bean
    DataFetcherExceptionResolver exceptionResolver() {
        return new DataFetcherExceptionResolverAdapter() {
            @Override
            protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
                if (ex instanceof DomainException domain) {
                    // queries refuse with the same codes mutations put in their user errors
                    return GraphqlErrorBuilder.newError(env).errorType(ErrorType.BAD_REQUEST).message(domain.getMessage())
                            .extensions(java.util.Map.of("code", domain.code().name())).build();
                }
                if (ex instanceof BadRequestException || ex instanceof TenantRejection
                        || ex instanceof GlobalId.UnknownIdException) {
                    return GraphqlErrorBuilder.newError(env).errorType(ErrorType.BAD_REQUEST).message(ex.getMessage()).build();
                }
                String id = java.util.UUID.randomUUID().toString();
                log.error("GraphQL {} failed, error id {}", env.getExecutionStepInfo().getPath(), id, ex);
                return GraphqlErrorBuilder.newError(env).errorType(ErrorType.INTERNAL_ERROR)
                        .message("Internal error " + id + ": the server could not complete this field.").build();
            }
        };
    }

    static final GraphQLScalarType DATE_TIME = GraphQLScalarType.newScalar()
            .name("DateTime")
            .description("ISO-8601 instant with offset")
            .coercing(new Coercing<Instant, String>() {
                @Override
                public String serialize(Object value, GraphQLContext context, Locale locale) {
                    if (value instanceof Instant instant) {
                        return instant.toString();
                    }
                    if (value instanceof OffsetDateTime dateTime) {
                        return dateTime.toInstant().toString();
                    }
                    throw new CoercingSerializeException("Not a DateTime: " + value);
                }

                @Override
                public Instant parseValue(Object input, GraphQLContext context, Locale locale) {
                    return parse(input == null ? null : input.toString(), CoercingParseValueException::new);
                }

                @Override
                public Instant parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
                    if (input instanceof StringValue string) {
                        return parse(string.getValue(), CoercingParseLiteralException::new);
                    }
                    throw new CoercingParseLiteralException("A DateTime is written as a string.");
                }

                private <E extends RuntimeException> Instant parse(String text,
                        java.util.function.Function<String, E> failure) {
                    try {
                        return OffsetDateTime.parse(text).toInstant();
                    } catch (DateTimeParseException | NullPointerException e) {
                        throw failure.apply("'" + text + "' is not an ISO-8601 date-time with offset.");
                    }
                }
            })
            .build();

    /** Exact decimals as strings, so that money never passes through a binary float; inputs also take JSON numbers. */
    static final GraphQLScalarType DECIMAL = GraphQLScalarType.newScalar()
            .name("Decimal")
            .description("Exact decimal number written as a string")
            .coercing(new Coercing<java.math.BigDecimal, String>() {
                @Override
                public String serialize(Object value, GraphQLContext context, Locale locale) {
                    if (value instanceof java.math.BigDecimal decimal) {
                        return decimal.toPlainString();
                    }
                    if (value instanceof Number number) {
                        return new java.math.BigDecimal(number.toString()).toPlainString();
                    }
                    throw new CoercingSerializeException("Not a Decimal: " + value);
                }

                @Override
                public java.math.BigDecimal parseValue(Object input, GraphQLContext context, Locale locale) {
                    return parse(input == null ? null : input.toString(), CoercingParseValueException::new);
                }

                @Override
                public java.math.BigDecimal parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
                    return switch (input) {
                        case StringValue string -> parse(string.getValue(), CoercingParseLiteralException::new);
                        case graphql.language.IntValue integer -> new java.math.BigDecimal(integer.getValue());
                        case graphql.language.FloatValue decimal -> decimal.getValue();
                        default -> throw new CoercingParseLiteralException("A Decimal is written as a string or a number.");
                    };
                }

                private <E extends RuntimeException> java.math.BigDecimal parse(String text, java.util.function.Function<String, E> failure) {
                    if (text == null || text.length() > 40) {
                        throw failure.apply("A Decimal has at most 40 characters.");
                    }
                    try {
                        return new java.math.BigDecimal(text.trim());
                    } catch (NumberFormatException e) {
                        throw failure.apply("'" + text + "' is not a decimal number.");
                    }
                }
            })
            .build();
}
