package org.baton;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The house-style rules applied to the main code; {@code ArchitectureRulesTests} proves each can fail. */
@AnalyzeClasses(packages = "org.baton", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    @ArchTest
    static final ArchRule noSystemTimeInDomain = ArchitectureRules.NO_SYSTEM_TIME_IN_DOMAIN;

    @ArchTest
    static final ArchRule noBannedSuffixes = ArchitectureRules.NO_BANNED_SUFFIXES;

    @ArchTest
    static final ArchRule controllersArePackagePrivate = ArchitectureRules.CONTROLLERS_PACKAGE_PRIVATE;
}
