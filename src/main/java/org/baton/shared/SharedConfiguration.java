package org.baton.shared;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The application clock (time comes from it, never from {@code now()} calls) and the demo-mode switch. */
@Configuration(proxyBeanMethods = false)
class SharedConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    DemoMode demoMode(Environment environment) {
        return DemoMode.from(environment);
    }
}
