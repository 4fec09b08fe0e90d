package org.baton.shared;

import java.util.Locale;
import org.springframework.core.env.Environment;

/**
 * Whether Baton runs as a demo: with demo accounts and data, shown on the sign-in page. Setting
 * {@code baton.demo} is {@code true}, {@code false} or {@code auto}; auto means on for the embedded
 * H2 database and off for any other, so demo data never lands silently in a production database.
 */
public record DemoMode(boolean enabled) {

    public static DemoMode from(Environment environment) {
        String setting = environment.getProperty("baton.demo", "auto").trim().toLowerCase(Locale.ROOT);
        String url = environment.getProperty("spring.datasource.url", "");
        return new DemoMode(switch (setting) {
            case "true", "on", "yes" -> true;
            case "false", "off", "no" -> false;
            default -> url.startsWith("jdbc:h2:");
        });
    }
}
