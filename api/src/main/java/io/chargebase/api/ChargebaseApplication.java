package io.chargebase.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication(scanBasePackages = "io.chargebase")
@ConfigurationPropertiesScan("io.chargebase.api")
public class ChargebaseApplication {

    public static void main(String[] args) {
        SpringApplication.run(ChargebaseApplication.class, args);
    }
}
