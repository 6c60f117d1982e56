package io.github.corsstarter.test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The browser model is an independent oracle: no class of this module uses the starter,
 * and the model itself knows nothing but the JDK (the transports and assertions sit
 * around it).
 */
class IndependenceTests {

	private static final JavaClasses MAIN = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("io.github.corsstarter.test");

	@Test
	void nothingUsesTheStarter() {
		noClasses().should()
			.dependOnClassesThat()
			.resideInAnyPackage("io.github.corsstarter.policy..", "io.github.corsstarter.servlet..",
					"io.github.corsstarter.reactive..", "io.github.corsstarter.autoconfigure..")
			.check(MAIN);
	}

	@Test
	void theModelKnowsOnlyTheJdk() {
		classes().that()
			.resideInAPackage("io.github.corsstarter.test.browser")
			.should()
			.onlyDependOnClassesThat()
			.resideInAnyPackage("io.github.corsstarter.test.browser", "java..", "org.jspecify..")
			.check(MAIN);
	}

}
