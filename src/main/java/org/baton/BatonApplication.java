package org.baton;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Baton, an IT service desk in which every ticket has one accountable owner. */
@SpringBootApplication(proxyBeanMethods = false)
@ConfigurationPropertiesScan
public class BatonApplication {

    public static void main(String[] args) {
        SpringApplication.run(BatonApplication.class, args);
    }
}
