package io.chargebase.api.observability;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Logs go to the console as ECS JSON ({@code logging.structured.format.console=ecs}) unless the instance runs in local
 * mode (no {@code spring.datasource.url}), where a developer reads them as text. A format the operator sets, in any
 * property source, wins; so does an empty one, which means text. Runs after the configuration files are read and
 * before the logging system starts, which is the only moment such a default can be given.
 */
public class LoggingDefaults implements EnvironmentPostProcessor, Ordered {

    static final String CONSOLE_FORMAT = "logging.structured.format.console";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        boolean local = !StringUtils.hasText(environment.getProperty("spring.datasource.url"));
        if (local || environment.containsProperty(CONSOLE_FORMAT)) {
            return;
        }
        environment.getPropertySources().addLast(new MapPropertySource("chargebaseLoggingDefaults", Map.of(CONSOLE_FORMAT, "ecs")));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
