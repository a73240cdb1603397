package io.chargebase.api.graphql;

import java.util.EnumSet;
import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import graphql.GraphqlErrorBuilder;
import graphql.execution.DataFetcherResult;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;

import io.chargebase.api.security.Role;

/**
 * Enforces {@link OperationPolicy} on every root field before its data fetcher runs. Nested fields need no check
 * of their own: they are reached only through a root field, and row-level security bounds what they read.
 */
public class PolicyInstrumentation extends SimplePerformantInstrumentation {

    private static final io.micrometer.context.ContextSnapshotFactory SNAPSHOTS = io.micrometer.context.ContextSnapshotFactory.builder().build();

    private final IntrospectionGate introspection;

    public PolicyInstrumentation(IntrospectionGate introspection) {
        this.introspection = introspection;
    }

    @Override
    public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher, InstrumentationFieldFetchParameters parameters,
            InstrumentationState state) {
        // the step, not the environment: graphql-java builds a field's environment only when something asks for it,
        // and a plain property read never does
        var step = parameters.getExecutionStepInfo();
        if (step.getPath().getLevel() != 1 || !(step.getObjectType() instanceof GraphQLObjectType parent)
                || !isRoot(parent, parameters.getExecutionContext().getGraphQLSchema())) {
            return dataFetcher;
        }
        String fieldName = step.getFieldDefinition().getName();
        if (IntrospectionGate.isMetaField(fieldName)) {
            return introspected(dataFetcher, fieldName);
        }
        String coordinate = parent.getName() + "." + fieldName;
        Access access = OperationPolicy.of(coordinate).orElse(null);
        return env -> {
            // over HTTP the caller is on this thread already; over WebSocket it travels in the GraphQL context
            try (var restored = SNAPSHOTS.captureFrom(env.getGraphQlContext()).setThreadLocals()) {
                Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
                boolean signedIn = authentication instanceof JwtAuthenticationToken;
                if (access != null && access.allows(roles(authentication)) && (signedIn || access.allowsAnonymous())) {
                    return dataFetcher.get(env);
                }
                return refused(env, access, coordinate, signedIn);
            }
        };
    }

    /** Meta-fields are no operations of the policy table: {@code __typename} always runs, the schema as the gate says. */
    private DataFetcher<?> introspected(DataFetcher<?> dataFetcher, String fieldName) {
        return env -> {
            try (var restored = SNAPSHOTS.captureFrom(env.getGraphQlContext()).setThreadLocals()) {
                Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
                if (introspection.allows(fieldName, authentication, roles(authentication))) {
                    return dataFetcher.get(env);
                }
                ErrorType type = authentication instanceof JwtAuthenticationToken ? ErrorType.FORBIDDEN : ErrorType.UNAUTHENTICATED;
                return DataFetcherResult.newResult()
                        .error(GraphqlErrorBuilder.newError(env).errorType(type).message(introspection.refusal(authentication)).build())
                        .build();
            }
        };
    }

    private static DataFetcherResult<Object> refused(graphql.schema.DataFetchingEnvironment env, Access access, String coordinate, boolean signedIn) {
        {
            ErrorType type = signedIn || (access != null && access.allowsAnonymous()) ? ErrorType.FORBIDDEN : ErrorType.UNAUTHENTICATED;
            String message = type == ErrorType.UNAUTHENTICATED
                    ? "Sign in: this operation needs a bearer token."
                    : "Your role does not allow " + coordinate + ".";
            return DataFetcherResult.newResult()
                    .error(GraphqlErrorBuilder.newError(env).errorType(type).message(message).build())
                    .build();
        }
    }

    private static boolean isRoot(GraphQLObjectType type, GraphQLSchema schema) {
        return type == schema.getQueryType() || type == schema.getMutationType() || type == schema.getSubscriptionType();
    }

    private static Set<Role> roles(Authentication authentication) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (authentication != null) {
            for (GrantedAuthority authority : authentication.getAuthorities()) {
                for (Role role : Role.values()) {
                    if (role.authority().equals(authority.getAuthority())) {
                        roles.add(role);
                    }
                }
            }
        }
        return roles;
    }
}
