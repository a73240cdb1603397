package io.chargebase.api.observability;

import java.util.function.Supplier;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.function.SingletonSupplier;

import io.micrometer.observation.ObservationPredicate;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import net.ttddyy.observation.tracing.DataSourceBaseContext;

/**
 * JDBC work (a connection taken, a statement with its SQL) is observed only within a trace that is recorded.
 * Observing every connection and statement cost two to three times what the driver spent running them (a
 * load-harness profile of charger traffic: 14 % of the application's CPU in datasource-micrometer's listeners and
 * the observation handlers, 5 % in the driver), and nine in ten of those observations belonged to traces that are
 * never exported ({@code management.tracing.sampling.probability} 0.1). A recorded trace still shows every connection
 * and statement; the pool's use is measured by its own metrics ({@code hikaricp_*}), and the database's statistics
 * count statements.
 */
@Configuration(proxyBeanMethods = false)
class JdbcObservations {

    @Bean
    ObservationPredicate jdbcObservedInRecordedTracesOnly(ObjectProvider<Tracer> tracers) {
        Supplier<Tracer> tracer = SingletonSupplier.of(tracers::getIfAvailable);
        return (name, context) -> !(context instanceof DataSourceBaseContext) || recorded(tracer.get());
    }

    private static boolean recorded(Tracer tracer) {
        Span span = tracer == null ? null : tracer.currentSpan();
        return span != null && Boolean.TRUE.equals(span.context().sampled());
    }
}
