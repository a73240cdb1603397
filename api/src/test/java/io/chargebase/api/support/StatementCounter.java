package io.chargebase.api.support;

import java.io.Closeable;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/** Counts the SQL statements the application prepares, to pin the cost of representative queries. */
public final class StatementCounter {

    private static final AtomicLong STATEMENTS = new AtomicLong();

    private StatementCounter() {
    }

    public static long count() {
        return STATEMENTS.get();
    }

    /** The statements prepared while {@code work} ran (tests run requests one at a time). */
    public static long during(Runnable work) {
        long before = STATEMENTS.get();
        work.run();
        return STATEMENTS.get() - before;
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
                        if (method.getName().equals("prepareStatement") || method.getName().equals("prepareCall")
                                || method.getName().equals("createStatement")) {
                            STATEMENTS.incrementAndGet();
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
