package io.chargebase.api.command;

import java.util.Locale;

import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;

/** What this process is for, from {@code chargebase.mode} as an argument, a system property or the environment. */
public enum RunMode {
    SERVE, MIGRATE;

    public static final String PROPERTY = "chargebase.mode";

    public static RunMode of(String... args) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SimpleCommandLinePropertySource(args));
        String mode = environment.getProperty(PROPERTY, "serve").strip().toUpperCase(Locale.ROOT);
        try {
            return RunMode.valueOf(mode);
        } catch (IllegalArgumentException unknown) {
            throw new IllegalArgumentException(PROPERTY + " is '" + mode.toLowerCase(Locale.ROOT) + "'; it can be serve (the default) or migrate");
        }
    }
}
