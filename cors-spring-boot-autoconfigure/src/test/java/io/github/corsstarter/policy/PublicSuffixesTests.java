package io.github.corsstarter.policy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.beans.factory.aot.AotServices;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PublicSuffixes}: the list's rules (names, wildcards, exceptions) on a
 * small list written here, where every rule is known, then the list the starter ships,
 * with names from the README's examples and from the list's own test cases
 * (publicsuffix.org, {@code tests/test_psl.txt}).
 */
class PublicSuffixesTests {

	private static final String SMALL_LIST = """
			// This Source Code Form is subject to the terms of the Mozilla Public License, v. 2.0.
			// ===BEGIN ICANN DOMAINS===
			uk
			co.uk
			*.ck
			!www.ck
			jp
			*.kobe.jp
			!city.kobe.jp
			  indented.example    not.a.rule
			公司.cn
			üüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüü.example
			!single
			// ===END ICANN DOMAINS===
			// ===BEGIN PRIVATE DOMAINS===
			github.io
			// github.com is a comment, not a rule
			// ===END PRIVATE DOMAINS===
			""";

	private PublicSuffixes small;

	@BeforeEach
	void parseSmallList() throws IOException {
		this.small = parse(SMALL_LIST);
	}

	@Test
	void nameRuleMakesThatNameASuffixAndNothingUnderIt() {
		assertThat(this.small.isPublicSuffix("co.uk")).isTrue();
		assertThat(this.small.isPublicSuffix("example.co.uk")).isFalse();
		assertThat(this.small.isPublicSuffix("a.example.co.uk")).isFalse();
		assertThat(this.small.publicSuffixOf("a.example.co.uk")).isEqualTo("co.uk");
		assertThat(this.small.publicSuffixOf("example.uk")).isEqualTo("uk");
	}

	@Test
	void privateSectionCountsLikeTheIcannSection() {
		assertThat(this.small.isPublicSuffix("github.io")).isTrue();
		assertThat(this.small.isPublicSuffix("octocat.github.io")).isFalse();
	}

	@Test
	void commentsAreNotRules() {
		assertThat(this.small.isPublicSuffix("github.com")).isFalse();
		assertThat(this.small.publicSuffixOf("a.github.com")).isEqualTo("com");
	}

	@Test
	void ruleIsReadUpToTheFirstWhiteSpace() {
		assertThat(this.small.isPublicSuffix("indented.example")).isTrue();
		assertThat(this.small.isPublicSuffix("not.a.rule")).isFalse();
		assertThat(this.small.publicSuffixOf("a.indented.example")).isEqualTo("indented.example");
	}

	@Test
	void wildcardRuleMakesEveryLabelUnderItASuffix() {
		assertThat(this.small.isPublicSuffix("anything.ck")).isTrue();
		assertThat(this.small.isPublicSuffix("a.anything.ck")).isFalse();
		assertThat(this.small.publicSuffixOf("a.anything.ck")).isEqualTo("anything.ck");
		assertThat(this.small.isPublicSuffix("c.kobe.jp")).isTrue();
		assertThat(this.small.publicSuffixOf("b.c.kobe.jp")).isEqualTo("c.kobe.jp");
	}

	@Test
	void wildcardRuleDoesNotCoverItsOwnDomain() {
		assertThat(this.small.publicSuffixOf("kobe.jp")).as("named by the rule jp only").isEqualTo("jp");
		assertThat(this.small.isPublicSuffix("kobe.jp")).isFalse();
		assertThat(this.small.isPublicSuffix("ck")).as("one label, by the implicit rule").isTrue();
	}

	@Test
	void exceptionRuleTakesItsNameOutOfAWildcard() {
		assertThat(this.small.isPublicSuffix("www.ck")).isFalse();
		assertThat(this.small.publicSuffixOf("www.ck")).isEqualTo("ck");
		assertThat(this.small.publicSuffixOf("a.www.ck")).isEqualTo("ck");
		assertThat(this.small.isPublicSuffix("city.kobe.jp")).isFalse();
		assertThat(this.small.publicSuffixOf("www.city.kobe.jp")).isEqualTo("kobe.jp");
	}

	@Test
	void exceptionOfOneLabelHasNoSuffixToGiveAndIsIgnored() {
		assertThat(this.small.publicSuffixOf("single")).isEqualTo("single");
		assertThat(this.small.publicSuffixOf("a.single")).isEqualTo("single");
	}

	@Test
	void everySingleLabelIsASuffixByTheImplicitRule() {
		assertThat(this.small.isPublicSuffix("localhost")).isTrue();
		assertThat(this.small.isPublicSuffix("example")).isTrue();
		assertThat(this.small.publicSuffixOf("app.example")).isEqualTo("example");
		assertThat(this.small.isPublicSuffix("app.example")).isFalse();
	}

	@Test
	void caseAndTrailingDotDoNotMatter() {
		assertThat(this.small.isPublicSuffix("GitHub.IO")).isTrue();
		assertThat(this.small.isPublicSuffix("github.io.")).isTrue();
		assertThat(this.small.isPublicSuffix("CO.UK.")).isTrue();
		assertThat(this.small.isPublicSuffix("Anything.CK.")).isTrue();
		assertThat(this.small.isPublicSuffix("WWW.ck.")).isFalse();
		assertThat(this.small.publicSuffixOf("A.Example.Co.Uk.")).isEqualTo("co.uk");
	}

	@Test
	void internationalizedRulesAreHeldInPunycode() {
		assertThat(this.small.isPublicSuffix("xn--55qx5d.cn")).isTrue();
		assertThat(this.small.isPublicSuffix("XN--55QX5D.cn")).isTrue();
		assertThat(this.small.isPublicSuffix("example.xn--55qx5d.cn")).isFalse();
	}

	@Test
	void internationalizedRuleWithoutPunycodeIsKeptAsWritten() {
		// A label of 64 characters has no punycode form: the rule stays in Unicode, where
		// no origin can match it.
		assertThat(this.small.isPublicSuffix("\u00fc".repeat(64) + ".example")).isTrue();
		assertThat(this.small.isPublicSuffix("\u00dc".repeat(64) + ".EXAMPLE")).as("in any case").isTrue();
	}

	@Test
	void shippedListKeepsItsLicenceAndBothSections() throws IOException {
		try (InputStream stream = getClass().getClassLoader().getResourceAsStream(PublicSuffixes.LOCATION)) {
			assertThat(stream).as(PublicSuffixes.LOCATION).isNotNull();
			String text = new String(stream.readAllBytes(), StandardCharsets.UTF_8);
			assertThat(text).startsWith("// This Source Code Form is subject to the terms of the Mozilla Public")
				.contains("===BEGIN ICANN DOMAINS===", "===END ICANN DOMAINS===", "===BEGIN PRIVATE DOMAINS===",
						"===END PRIVATE DOMAINS===");
		}
	}

	@Test
	void shippedListIsLoadedOnce() {
		assertThat(PublicSuffixes.shipped()).isSameAs(PublicSuffixes.shipped());
	}

	@ParameterizedTest(name = "{0}: {1}")
	@CsvSource({ "com, true", "co.uk, true", "github.io, true", "vercel.app, true", "example.com, false",
			"example.co.uk, false", "octocat.github.io, false" })
	void shippedListKnowsRegistriesAndHostingPlatforms(String name, boolean publicSuffix) {
		assertThat(PublicSuffixes.shipped().isPublicSuffix(name)).isEqualTo(publicSuffix);
	}

	/**
	 * From the list's {@code tests/test_psl.txt}: the registrable domain of each name is
	 * the suffix and one more label.
	 * @param name the name looked up
	 * @param suffix its public suffix
	 */
	@ParameterizedTest(name = "{0}: {1}")
	@CsvSource({ "b.example.uk.com, uk.com", "a.b.example.uk.com, uk.com", "test.ac, ac", "c.mm, c.mm", "b.c.mm, c.mm",
			"a.b.c.kobe.jp, c.kobe.jp", "city.kobe.jp, kobe.jp", "www.city.kobe.jp, kobe.jp", "test.ck, test.ck",
			"www.ck, ck", "www.www.ck, ck", "test.k12.ak.us, k12.ak.us", "www.xn--85x722f.xn--55qx5d.cn, xn--55qx5d.cn",
			"shishi.xn--fiqs8s, xn--fiqs8s" })
	void shippedListAgreesWithTheListsOwnTestCases(String name, String suffix) {
		assertThat(PublicSuffixes.shipped().publicSuffixOf(name)).isEqualTo(suffix);
	}

	@Test
	void shippedListIsInNativeImages() {
		// A native image holds only the resources that a registrar names: without the
		// list, compiling a credentialed
		// origin pattern would fail there. The registrars are the ones AOT processing
		// loads (aot.factories).
		RuntimeHints hints = new RuntimeHints();
		AotServices.factories()
			.load(RuntimeHintsRegistrar.class)
			.forEach((registrar) -> registrar.registerHints(hints, getClass().getClassLoader()));
		assertThat(RuntimeHintsPredicates.resource().forResource(PublicSuffixes.LOCATION)).accepts(hints);
	}

	private static PublicSuffixes parse(String text) throws IOException {
		return PublicSuffixes.parse(new BufferedReader(new StringReader(text)));
	}

}
