package io.chargebase.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

import io.chargebase.api.command.MigrateCommand;
import io.chargebase.api.command.RunMode;

@SpringBootApplication(scanBasePackages = "io.chargebase")
@EnableScheduling
@ConfigurationPropertiesScan("io.chargebase.api")
public class ChargebaseApplication {

    public static void main(String[] args) {
        RunMode mode;
        try {
            mode = RunMode.of(args);
        } catch (IllegalArgumentException unknown) {
            System.err.println(unknown.getMessage());
            System.exit(2);
            return;
        }
        if (mode == RunMode.MIGRATE) {
            System.exit(MigrateCommand.run(args));
        }
        SpringApplication.run(ChargebaseApplication.class, args);
    }
}
