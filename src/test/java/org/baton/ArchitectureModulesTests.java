package org.baton;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.Violations;

/**
 * Proves that {@code ModularityTests}' {@code verify()} fails on the two mistakes it exists to
 * catch. The samples live under {@code org.batonarchsample}, outside the application's root
 * package, so neither the component scan nor {@code ApplicationModules.of(BatonApplication.class)}
 * sees them.
 */
class ArchitectureModulesTests {

    /** {@code ApplicationModules} skips test classes by default; the samples are test classes. */
    static final ImportOption testClassesToo = location -> true;

    static ApplicationModules sample(String name) {
        return ApplicationModules.of("org.batonarchsample.modules." + name, testClassesToo);
    }

    @Test
    void refusesAModuleUsingAnotherModulesInternalType() {
        ApplicationModules modules = sample("internal");
        assertThat(modules.stream().map(module -> module.getIdentifier().toString()))
                .containsExactlyInAnyOrder("a", "b");

        assertThatExceptionOfType(Violations.class)
                .isThrownBy(modules::verify)
                .withMessageContaining("org.batonarchsample.modules.internal.a.Snooper")
                .withMessageContaining("org.batonarchsample.modules.internal.b.internal.Secret")
                .withMessageContaining("non-exposed");
    }

    @Test
    void refusesADependencyMissingFromAllowedDependencies() {
        ApplicationModules modules = sample("undeclared");

        assertThatExceptionOfType(Violations.class)
                .isThrownBy(modules::verify)
                .withMessageContaining("org.batonarchsample.modules.undeclared.a.Trespasser")
                .withMessageContaining("org.batonarchsample.modules.undeclared.b.Ledger")
                .withMessageContaining("Allowed targets: c")
                .withMessageNotContaining("Catalogue");
    }

    @Test
    void acceptsADeclaredDependencyOnAnotherModulesApi() {
        ApplicationModules modules = sample("allowed");
        assertThat(modules.stream()).hasSize(2);

        modules.verify();
    }
}
