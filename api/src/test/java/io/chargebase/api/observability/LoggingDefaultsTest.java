package io.chargebase.api.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class LoggingDefaultsTest {

    @Test
    void withADatabaseTheConsoleGetsEcsJson() {
        assertThat(consoleFormat(Map.of("spring.datasource.url", "jdbc:postgresql://db/chargebase"))).isEqualTo("ecs");
    }

    @Test
    void localModeKeepsText() {
        assertThat(consoleFormat(Map.of())).isNull();
        assertThat(consoleFormat(Map.of("spring.datasource.url", " "))).isNull();
    }

    @Test
    void aFormatTheOperatorSetsWinsEvenEmpty() {
        assertThat(consoleFormat(Map.of("spring.datasource.url", "jdbc:postgresql://db/chargebase",
                LoggingDefaults.CONSOLE_FORMAT, "logstash"))).isEqualTo("logstash");
        assertThat(consoleFormat(Map.of("spring.datasource.url", "jdbc:postgresql://db/chargebase",
                LoggingDefaults.CONSOLE_FORMAT, ""))).isEmpty();
    }

    private static String consoleFormat(Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
        new LoggingDefaults().postProcessEnvironment(environment, new SpringApplication());
        return environment.getProperty(LoggingDefaults.CONSOLE_FORMAT);
    }
}
