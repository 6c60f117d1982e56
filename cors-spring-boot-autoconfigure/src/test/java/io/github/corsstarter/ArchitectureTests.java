package io.github.corsstarter;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Keeps the CORS engine free of web imports: it knows strings, and the servlet and
 * reactive adapters translate.
 */
@AnalyzeClasses(packages = "io.github.corsstarter", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

	@ArchTest
	static final ArchRule policyDependsOnNoWebStack = noClasses().that()
		.resideInAPackage("io.github.corsstarter.policy..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("jakarta.servlet..", "org.springframework..", "reactor..", "io.netty..")
		.because("the engine is shared by the servlet and reactive adapters and must load without either stack");

}
