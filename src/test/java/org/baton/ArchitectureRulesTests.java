package org.baton;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.time.Clock;
import org.batonarchsample.rules.NamingSamples;
import org.batonarchsample.rules.PublicController;
import org.batonarchsample.rules.PublicRestController;
import org.batonarchsample.rules.TimeSamples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every rule in {@link ArchitectureRules} fires on a bad sample and stays quiet on a good one. The
 * samples live in {@code org.batonarchsample.rules}, outside the application's root package, so the
 * component scan and {@code ArchitectureTests} never see them.
 */
class ArchitectureRulesTests {

    static EvaluationResult evaluate(ArchRule rule, Class<?>... samples) {
        return rule.evaluate(new ClassFileImporter().importClasses(samples));
    }

    @ParameterizedTest
    @ValueSource(
            classes = {
                TimeSamples.InstantNow.class,
                TimeSamples.LocalDateTimeNow.class,
                TimeSamples.LocalDateNow.class,
                TimeSamples.ZonedDateTimeNow.class,
                TimeSamples.OffsetDateTimeNow.class,
                TimeSamples.CurrentTimeMillis.class,
                TimeSamples.SystemUtcClock.class,
                TimeSamples.SystemDefaultZoneClock.class,
                TimeSamples.InsideALambda.class
            })
    void refusesReadingTheSystemTime(Class<?> sample) {
        EvaluationResult result = evaluate(ArchitectureRules.NO_SYSTEM_TIME_IN_DOMAIN, sample);

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails()).singleElement().asString().contains(sample.getName());
    }

    @Test
    void acceptsTimeReadFromAnInjectedClock() {
        assertThat(evaluate(ArchitectureRules.NO_SYSTEM_TIME_IN_DOMAIN, TimeSamples.InjectedClock.class)
                        .hasViolation())
                .isFalse();
    }

    @Test
    void exemptsOnlyTheClassThatDefinesTheClockBean() {
        JavaClasses shared = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.baton.shared");

        assertThat(shared.get(ArchitectureRules.CLOCK_BEAN_DEFINITION).getMethodCallsFromSelf())
                .as("the exemption is in use: the clock bean is Clock.systemUTC()")
                .anySatisfy(call -> {
                    assertThat(call.getTargetOwner().isEquivalentTo(Clock.class)).isTrue();
                    assertThat(call.getName()).isEqualTo("systemUTC");
                });
        assertThat(ArchitectureRules.NO_SYSTEM_TIME_IN_DOMAIN.evaluate(shared).hasViolation())
                .isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            classes = {
                NamingSamples.TicketManager.class,
                NamingSamples.DateHelper.class,
                NamingSamples.StringUtil.class,
                NamingSamples.StringUtils.class,
                NamingSamples.DirectoryImpl.class,
                NamingSamples.TicketDto.class,
                NamingSamples.TicketOpenedEvent.class
            })
    void refusesBannedSuffixes(Class<?> sample) {
        EvaluationResult result = evaluate(ArchitectureRules.NO_BANNED_SUFFIXES, sample);

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails()).singleElement().asString().contains(sample.getName());
    }

    @Test
    void acceptsDomainNounsAndRealVariants() {
        assertThat(evaluate(
                                ArchitectureRules.NO_BANNED_SUFFIXES,
                                NamingSamples.TicketOpened.class,
                                NamingSamples.Tickets.class,
                                NamingSamples.SmtpMailSender.class)
                        .hasViolation())
                .isFalse();
    }

    @ParameterizedTest
    @ValueSource(classes = {PublicController.class, PublicRestController.class})
    void refusesPublicControllers(Class<?> sample) {
        EvaluationResult result = evaluate(ArchitectureRules.CONTROLLERS_PACKAGE_PRIVATE, sample);

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails()).singleElement().asString().contains(sample.getName());
    }

    @Test
    void acceptsPackagePrivateControllers() throws ClassNotFoundException {
        Class<?> sample = Class.forName("org.batonarchsample.rules.PackagePrivateController");

        assertThat(evaluate(ArchitectureRules.CONTROLLERS_PACKAGE_PRIVATE, sample).hasViolation())
                .isFalse();
    }
}
