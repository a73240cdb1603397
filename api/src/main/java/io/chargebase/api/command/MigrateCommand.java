package io.chargebase.api.command;

import java.util.Arrays;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.chargebase.api.bootstrap.FirstRunBootstrap;

/** {@code --chargebase.mode=migrate}: migrate, bootstrap when configured, exit. */
public final class MigrateCommand {

    private static final Logger log = LoggerFactory.getLogger(MigrateCommand.class);

    private MigrateCommand() {
    }

    /** Returns the process's exit code: 0 when the database is migrated (and bootstrapped, if asked), 1 otherwise. */
    public static int run(String... args) {
        String[] arguments = Arrays.copyOf(args, args.length + 1);
        arguments[args.length] = "--" + RunMode.PROPERTY + "=migrate";
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(MigrationContext.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .registerShutdownHook(false)
                .run(arguments)) {
            FirstRunBootstrap.Outcome bootstrap = context.getBean(FirstRunBootstrap.class).runIfRequested();
            log.info("Migrate: the database is ready for this version{}", switch (bootstrap) {
                case CREATED -> " and bootstrapped";
                case ALREADY_DONE -> " (bootstrapped earlier)";
                case NOT_REQUESTED -> "";
            });
            return 0;
        } catch (RuntimeException e) {
            log.error("Migrate: failed: {}", deepestMessage(e));
            return 1;
        }
    }

    private static String deepestMessage(Throwable failure) {
        String message = failure.getMessage();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && (cause instanceof IllegalStateException || cause instanceof IllegalArgumentException)) {
                message = cause.getMessage();
            }
        }
        return message;
    }
}
