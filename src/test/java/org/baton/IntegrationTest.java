package org.baton;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;

/**
 * A test against the whole application and a real database: H2 in every build, and PostgreSQL as
 * well when {@code BATON_TEST_POSTGRES_URL} is set (the {@code postgresql} Maven profile reruns
 * every test tagged {@code integration} against it). Tests share one context and one database, so
 * each makes its own data with unique names (see {@code org.baton.identity.Fixtures}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Tag("integration")
public @interface IntegrationTest {}
