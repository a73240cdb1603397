package io.chargebase.api.graphql;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@code @SchemaMapping} method that computes its value from its source alone (a renamed or formatted
 * property, a global id): it reads nothing, needs no tenant, caller or trace on its thread, and so runs as a plain
 * property read, without the context snapshot and the observation a data fetcher otherwise gets (see
 * {@link TrivialFetchers}). A method that reads the database or the caller must not carry it, and neither may a root
 * field's (the schema is refused at start-up).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface PlainField {
}
