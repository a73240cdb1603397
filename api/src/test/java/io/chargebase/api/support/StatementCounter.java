package io.chargebase.api.support;

import java.io.Closeable;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import jakarta.servlet.Filter;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.jdbc.datasource.DelegatingDataSource;

import io.micrometer.context.ContextRegistry;

/**
 * Counts the SQL statements and transactions the application issues, to pin the cost of representative queries.
 * {@link #measure} counts per request, not globally: the requests {@link GraphQl} sends while the work runs carry a
 * tag, and only what the server does on behalf of a tagged request (on its thread, or on a thread the request's
 * context was handed to) is counted, never the background work (sweepers, listeners) running meanwhile.
 */
public final class StatementCounter {

    /** The header that tags a request with the tally it is counted in. */
    public static final String HEADER = "X-Test-Statement-Tally";

    private static final AtomicLong STATEMENTS = new AtomicLong();
    private static final Map<String, Cost.Tally> TALLIES = new ConcurrentHashMap<>();
    /** On the test's thread: the tag that requests sent now carry. */
    private static final ThreadLocal<String> MEASURING = new ThreadLocal<>();
    /** On the server's threads: the tally of the request being served. */
    private static final ThreadLocal<Cost.Tally> SERVING = new ThreadLocal<>();

    static {
        ContextRegistry.getInstance().registerThreadLocalAccessor(StatementCounter.class.getName(), SERVING);
    }

    private StatementCounter() {
    }

    /** All statements prepared so far, by any thread. */
    public static long count() {
        return STATEMENTS.get();
    }

    /** The statements the requests sent while {@code work} ran cost the server. */
    public static long during(Runnable work) {
        return measure(work).statements();
    }

    /** The statements and transactions the requests sent while {@code work} ran cost the server. */
    public static Cost measure(Runnable work) {
        String tag = UUID.randomUUID().toString();
        Cost.Tally tally = new Cost.Tally();
        TALLIES.put(tag, tally);
        String previous = MEASURING.get();
        MEASURING.set(tag);
        try {
            work.run();
        } finally {
            if (previous == null) {
                MEASURING.remove();
            } else {
                MEASURING.set(previous);
            }
            TALLIES.remove(tag);
        }
        return new Cost(tally.statements.get(), tally.transactions.get());
    }

    /**
     * The statements and transactions {@code work} costs on the calling thread itself, as a scheduled job's run does;
     * what other threads do meanwhile is not counted.
     */
    public static Cost onThisThread(Runnable work) {
        Cost.Tally tally = new Cost.Tally();
        Cost.Tally previous = SERVING.get();
        SERVING.set(tally);
        try {
            work.run();
        } finally {
            if (previous == null) {
                SERVING.remove();
            } else {
                SERVING.set(previous);
            }
        }
        return new Cost(tally.statements.get(), tally.transactions.get());
    }

    /**
     * What a read-only {@code request} costs in the steady state: the cheapest of three runs. A token's checks and the
     * request's tenant are each remembered for a few seconds ({@code chargebase.security.revocation-cache}), each from
     * its own moment; each reload falls into one request now and then, whatever that asks, so into at most two of
     * three requests in a row.
     */
    public static Cost steady(Runnable request) {
        Cost cheapest = measure(request);
        for (int run = 1; run < 3; run++) {
            Cost next = measure(request);
            if (next.statements() < cheapest.statements()) {
                cheapest = next;
            }
        }
        return cheapest;
    }

    /** The tag for requests sent from this thread now, if it measures. */
    static Optional<String> tag() {
        return Optional.ofNullable(MEASURING.get());
    }

    /** What requests cost: statements prepared, and transactions begun (auto-commit switched off). */
    public record Cost(long statements, long transactions) {

        static final class Tally {
            final AtomicLong statements = new AtomicLong();
            final AtomicLong transactions = new AtomicLong();
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {

        @Bean
        static BeanPostProcessor countingDataSource() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String beanName) {
                    return bean instanceof DataSource dataSource && beanName.equals("dataSource") ? new Counting(dataSource) : bean;
                }
            };
        }

        /** Binds a tagged request's tally to the thread that serves it, before anything else (security) runs. */
        @Bean
        FilterRegistrationBean<Filter> statementTallies() {
            FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>((request, response, chain) -> {
                String tag = request instanceof jakarta.servlet.http.HttpServletRequest http ? http.getHeader(HEADER) : null;
                Cost.Tally tally = tag == null ? null : TALLIES.get(tag);
                if (tally == null) {
                    chain.doFilter(request, response);
                    return;
                }
                SERVING.set(tally);
                try {
                    chain.doFilter(request, response);
                } finally {
                    SERVING.remove();
                }
            });
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
            return registration;
        }
    }

    static final class Counting extends DelegatingDataSource implements Closeable {

        Counting(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            return counted(super.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return counted(super.getConnection(username, password));
        }

        @Override
        public void close() throws IOException {
            if (getTargetDataSource() instanceof Closeable closeable) {
                closeable.close();
            }
        }

        private static Connection counted(Connection connection) {
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                    (proxy, method, args) -> {
                        Cost.Tally tally = SERVING.get();
                        if (method.getName().equals("prepareStatement") || method.getName().equals("prepareCall")
                                || method.getName().equals("createStatement")) {
                            STATEMENTS.incrementAndGet();
                            if (tally != null) {
                                tally.statements.incrementAndGet();
                            }
                        } else if (tally != null && method.getName().equals("setAutoCommit") && Boolean.FALSE.equals(args[0])) {
                            tally.transactions.incrementAndGet();
                        }
                        try {
                            return method.invoke(connection, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }
    }
}
