package io.chargebase.api.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.support.StaticApplicationContext;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.proxy.ProxyJdbcObject;

class JdbcObservationsTest {

    private final List<SdkTracerProvider> providers = new ArrayList<>();

    @AfterEach
    void close() {
        providers.forEach(SdkTracerProvider::close);
    }

    @Test
    void outsideARecordedTraceAConnectionComesStraightFromThePool() throws Exception {
        DataSource routed = routed(tracer(Sampler.alwaysOff()), new ArrayList<>());

        try (Connection connection = routed.getConnection()) {
            assertThat(connection).as("no trace at all").isNotInstanceOf(ProxyJdbcObject.class);
        }
        Tracer tracer = tracer(Sampler.alwaysOff());
        DataSource unsampled = routed(tracer, new ArrayList<>());
        Span span = tracer.nextSpan().name("not recorded").start();
        try (Tracer.SpanInScope scope = tracer.withSpan(span); Connection connection = unsampled.getConnection()) {
            assertThat(connection).as("a trace that is not recorded").isNotInstanceOf(ProxyJdbcObject.class);
        } finally {
            span.end();
        }
    }

    @Test
    void withinARecordedTraceItComesThroughTheObservingProxyWithItsListeners() throws Exception {
        Tracer tracer = tracer(Sampler.alwaysOn());
        List<String> heard = new ArrayList<>();
        DataSource routed = routed(tracer, heard);
        Span span = tracer.nextSpan().name("recorded").start();
        try (Tracer.SpanInScope scope = tracer.withSpan(span); Connection connection = routed.getConnection()) {
            assertThat(connection).isInstanceOf(ProxyJdbcObject.class);
            connection.createStatement().execute("select 1");
        } finally {
            span.end();
        }
        assertThat(heard).containsExactly("select 1");
    }

    @Test
    void onlyTheApplicationsDataSourceIsRouted() {
        BeanPostProcessor processor = processor(tracer(Sampler.alwaysOn()), new ArrayList<>());
        DataSource pool = pool();

        assertThat(processor.postProcessAfterInitialization(pool, "reportingDataSource")).isSameAs(pool);
        Object routed = processor.postProcessAfterInitialization(pool, JdbcObservations.DATA_SOURCE);
        assertThat(routed).isInstanceOf(JdbcObservations.RecordedTracesOnly.class);
        assertThat(processor.postProcessAfterInitialization(routed, JdbcObservations.DATA_SOURCE)).as("not twice").isSameAs(routed);
    }

    @Test
    void turningTheProxyOffLeavesThePoolUnwrapped() {
        ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(JdbcObservations.class);
        runner.run(context -> assertThat(context).hasBean("jdbcProxiedInRecordedTracesOnly"));
        runner.withPropertyValues("jdbc.datasource-proxy.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean("jdbcProxiedInRecordedTracesOnly"));
    }

    private DataSource routed(Tracer tracer, List<String> heard) {
        return (DataSource) processor(tracer, heard).postProcessAfterInitialization(pool(), JdbcObservations.DATA_SOURCE);
    }

    private static BeanPostProcessor processor(Tracer tracer, List<String> heard) {
        StaticApplicationContext context = new StaticApplicationContext();
        context.getBeanFactory().registerSingleton("tracer", tracer);
        context.getBeanFactory().registerSingleton("listener", new QueryExecutionListener() {
            @Override
            public void beforeQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
                queryInfoList.forEach(query -> heard.add(query.getQuery()));
            }

            @Override
            public void afterQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
            }
        });
        context.refresh();
        return JdbcObservations.jdbcProxiedInRecordedTracesOnly(context.getBeanProvider(QueryExecutionListener.class),
                context.getBeanProvider(net.ttddyy.dsproxy.listener.MethodExecutionListener.class), context.getBeanProvider(Tracer.class));
    }

    private Tracer tracer(Sampler sampler) {
        SdkTracerProvider provider = SdkTracerProvider.builder().setSampler(sampler).build();
        providers.add(provider);
        return new OtelTracer(provider.get("test"), new OtelCurrentTraceContext(), event -> {
        });
    }

    /** A pool whose connections answer every call with nothing, as far as these tests need. */
    private static DataSource pool() {
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class}, (proxy, method, args) ->
                switch (method.getName()) {
                    case "getConnection" -> stub(Connection.class);
                    case "getLogWriter" -> new PrintWriter(System.out);
                    case "getParentLogger" -> Logger.getGlobal();
                    case "isWrapperFor" -> false;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> null;
                });
    }

    @SuppressWarnings("unchecked")
    private static <T> T stub(Class<T> type) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            Class<?> returned = method.getReturnType();
            if (method.getName().equals("hashCode")) {
                return System.identityHashCode(proxy);
            }
            if (method.getName().equals("equals")) {
                return proxy == args[0];
            }
            if (returned == boolean.class) {
                return false;
            }
            if (returned == int.class) {
                return 0;
            }
            if (returned == long.class) {
                return 0L;
            }
            return returned.isInterface() && returned.getName().startsWith("java.sql") ? stub(returned) : null;
        });
    }
}
