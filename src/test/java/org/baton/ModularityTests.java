package org.baton;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.jspecify.annotations.NullMarked;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The module structure of the real application: no module reaches into another's internals or
 * depends on a module outside its {@code allowedDependencies}, the documentation can be written, and
 * every module says what it is for and is null-marked. {@code ArchitectureModulesTests} proves the
 * check fails on bad samples.
 */
class ModularityTests {

    static final ApplicationModules modules = ApplicationModules.of(BatonApplication.class);
    static final Path docs = Path.of("target", "spring-modulith-docs");

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    @Test
    void modulesAreTheTopLevelPackagesOfTheApplicationOnly() {
        assertThat(modules.stream().map(module -> module.getBasePackage().getName()))
                .contains("org.baton.shared", "org.baton.api", "org.baton.web", "org.baton.identity")
                .allSatisfy(name -> assertThat(name).startsWith("org.baton.").doesNotContain("archsample"));
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(docs.toString()))
                .writeDocumentation();

        assertThat(docs.resolve("components.puml")).isNotEmptyFile();
        assertThat(docs.resolve("all-docs.adoc")).isNotEmptyFile();
        modules.forEach(module -> {
            assertThat(docs.resolve("module-" + module.getIdentifier() + ".puml")).isNotEmptyFile();
            assertThat(docs.resolve("module-" + module.getIdentifier() + ".adoc")).isNotEmptyFile();
        });
    }

    @Test
    void everyModuleDeclaresItselfAndIsNullMarked() throws ClassNotFoundException {
        for (ApplicationModule module : modules) {
            Package root = Class.forName(module.getBasePackage().getName() + ".package-info").getPackage();

            assertThat(root.isAnnotationPresent(NullMarked.class))
                    .as("%s is @NullMarked", root.getName())
                    .isTrue();
            org.springframework.modulith.ApplicationModule declaration =
                    root.getAnnotation(org.springframework.modulith.ApplicationModule.class);
            assertThat(declaration).as("%s carries @ApplicationModule", root.getName()).isNotNull();
            assertThat(declaration.displayName()).as("display name of %s", root.getName()).isNotBlank();
        }
    }
}
