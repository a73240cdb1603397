package io.chargebase.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication(scanBasePackages = "io.chargebase")
@EnableScheduling
@ConfigurationPropertiesScan("io.chargebase.api")
public class ChargebaseApplication {

    public static void main(String[] args) {
        SpringApplication.run(ChargebaseApplication.class, args);
    }
}
