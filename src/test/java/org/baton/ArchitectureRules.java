package org.baton;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.properties.HasName;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import org.springframework.stereotype.Controller;

/**
 * House-style rules that Spring Modulith does not check. Each rule applies to whatever classes it
 * is evaluated on: {@code ArchitectureTests} imports the main code under {@code org.baton}, and
 * {@code ArchitectureRulesTests} proves every rule fires on a bad sample.
 */
public final class ArchitectureRules {

    /** The one class allowed to read the system clock: it defines the application's {@code Clock} bean. */
    public static final String CLOCK_BEAN_DEFINITION = "org.baton.shared.SharedConfiguration";

    private static final DescribedPredicate<JavaMethodCall> READS_SYSTEM_TIME =
            DescribedPredicate.describe(
                    "reads the system time (java.time now() without a Clock, System.currentTimeMillis(),"
                            + " Clock.system*(), InstantSource.system())",
                    ArchitectureRules::readsSystemTime);

    /** Time comes from the injected {@code Clock}; {@code now(clock)} and {@code clock.instant()} are fine. */
    public static final ArchRule NO_SYSTEM_TIME_IN_DOMAIN = noClasses()
            .that()
            .doNotHaveFullyQualifiedName(CLOCK_BEAN_DEFINITION)
            .should()
            .callMethodWhere(READS_SYSTEM_TIME)
            .because("time comes from the injected Clock, so tests and SLA arithmetic can control it");

    /** House-style naming: a suffix must name a real variant, not a grab-bag or a layer. */
    public static final ArchRule NO_BANNED_SUFFIXES = noClasses()
            .should()
            .haveSimpleNameEndingWith("Manager")
            .orShould()
            .haveSimpleNameEndingWith("Helper")
            .orShould()
            .haveSimpleNameEndingWith("Util")
            .orShould()
            .haveSimpleNameEndingWith("Utils")
            .orShould()
            .haveSimpleNameEndingWith("Impl")
            .orShould()
            .haveSimpleNameEndingWith("Dto")
            .orShould()
            .haveSimpleNameEndingWith("Event")
            .because("classes are domain nouns and events are past tense (house style, Naming)");

    /** Controllers are module internals: nothing calls them but Spring MVC. */
    public static final ArchRule CONTROLLERS_PACKAGE_PRIVATE = classes()
            .that()
            .areMetaAnnotatedWith(Controller.class)
            .should()
            .notBePublic()
            .because("a controller is an internal of its module; only its routes are its API");

    private static final List<String> SYSTEM_CLOCKS = List.of("java.time.Clock", "java.time.InstantSource");

    private static boolean readsSystemTime(JavaMethodCall call) {
        String owner = call.getTargetOwner().getName();
        String method = call.getTarget().getName();
        if (owner.startsWith("java.time.") && method.equals("now")) {
            return call.getTarget().getRawParameterTypes().stream()
                    .map(HasName::getName)
                    .noneMatch(SYSTEM_CLOCKS::contains);
        }
        if (SYSTEM_CLOCKS.contains(owner)) {
            return method.startsWith("system");
        }
        return owner.equals(System.class.getName()) && method.equals("currentTimeMillis");
    }

    private ArchitectureRules() {}
}
