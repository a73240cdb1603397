package io.chargebase.api.observability;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.util.function.SingletonSupplier;

import io.micrometer.observation.ObservationPredicate;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import net.ttddyy.dsproxy.listener.MethodExecutionListener;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import net.ttddyy.observation.tracing.DataSourceBaseContext;

/**
 * JDBC work (a connection taken, a statement with its SQL) is observed only within a trace that is recorded.
 * Observing every connection and statement cost two to three times what the driver spent running them (a
 * load-harness profile of charger traffic: 14 % of the application's CPU in datasource-micrometer's listeners and
 * the observation handlers, 5 % in the driver), and nine in ten of those observations belonged to traces that are
 * never exported ({@code management.tracing.sampling.probability} 0.1). Suppressing the observations was not enough:
 * the proxy around every connection, statement and result set still ran its listeners on every JDBC call (15 % of the
 * application's CPU at 250 MeterValues/s, JFR). So a connection is taken from the proxied pool only when the trace it
 * is taken in is recorded, and straight from the pool otherwise. A recorded trace still shows every connection and
 * statement; the pool's use is measured by its own metrics ({@code hikaricp_*}), and the database's statistics count
 * statements.
 */
@Configuration(proxyBeanMethods = false)
class JdbcObservations {

    /** The bean datasource-micrometer is told to leave alone ({@code jdbc.excluded-datasource-bean-names}). */
    static final String DATA_SOURCE = "dataSource";

    @Bean
    ObservationPredicate jdbcObservedInRecordedTracesOnly(ObjectProvider<Tracer> tracers) {
        Supplier<Tracer> tracer = SingletonSupplier.of(tracers::getIfAvailable);
        return (name, context) -> !(context instanceof DataSourceBaseContext) || recorded(tracer.get());
    }

    /** {@code jdbc.datasource-proxy.enabled: false} leaves the pool unwrapped, as the autoconfiguration would. */
    @Bean
    @ConditionalOnBooleanProperty(name = "jdbc.datasource-proxy.enabled", matchIfMissing = true)
    static BeanPostProcessor jdbcProxiedInRecordedTracesOnly(ObjectProvider<QueryExecutionListener> queryListeners,
            ObjectProvider<MethodExecutionListener> methodListeners, ObjectProvider<Tracer> tracers) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (!DATA_SOURCE.equals(beanName) || !(bean instanceof DataSource pool) || bean instanceof RecordedTracesOnly) {
                    return bean;
                }
                Supplier<DataSource> observed = SingletonSupplier.of(() -> {
                    ProxyDataSourceBuilder builder = ProxyDataSourceBuilder.create(DATA_SOURCE, pool);
                    queryListeners.orderedStream().forEach(builder::listener);
                    methodListeners.orderedStream().forEach(builder::methodListener);
                    return builder.build();
                });
                return new RecordedTracesOnly(pool, observed, SingletonSupplier.of(tracers::getIfAvailable));
            }
        };
    }

    static boolean recorded(Tracer tracer) {
        Span span = tracer == null ? null : tracer.currentSpan();
        return span != null && Boolean.TRUE.equals(span.context().sampled());
    }

    /** The pool, whose connections come through the observing proxy only within a recorded trace. */
    static final class RecordedTracesOnly extends DelegatingDataSource {

        private final Supplier<DataSource> observed;
        private final Supplier<Tracer> tracer;

        RecordedTracesOnly(DataSource pool, Supplier<DataSource> observed, Supplier<Tracer> tracer) {
            super(pool);
            this.observed = observed;
            this.tracer = tracer;
        }

        @Override
        public Connection getConnection() throws SQLException {
            return recorded(tracer.get()) ? observed.get().getConnection() : obtainTargetDataSource().getConnection();
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return recorded(tracer.get()) ? observed.get().getConnection(username, password)
                    : obtainTargetDataSource().getConnection(username, password);
        }
    }
}
