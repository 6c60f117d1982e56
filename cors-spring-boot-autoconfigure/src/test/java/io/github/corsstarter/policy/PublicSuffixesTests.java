package io.github.corsstarter.policy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

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

	@Test
	void nameRuleMakesThatNameASuffixAndNothingUnderIt() throws IOException {
		PublicSuffixes list = parse(SMALL_LIST);
		assertThat(list.isPublicSuffix("co.uk")).isTrue();
		assertThat(list.isPublicSuffix("example.co.uk")).isFalse();
		assertThat(list.isPublicSuffix("a.example.co.uk")).isFalse();
		assertThat(list.publicSuffixOf("a.example.co.uk")).isEqualTo("co.uk");
		assertThat(list.publicSuffixOf("example.uk")).isEqualTo("uk");
	}

	@Test
	void privateSectionCountsLikeTheIcannSection() throws IOException {
		PublicSuffixes list = parse(SMALL_LIST);
		assertThat(list.isPublicSuffix("github.io")).isTrue();
		assertThat(list.isPublicSuffix("octocat.github.io")).isFalse();
	}

	@Test
	void commentsAreNotRules() throws IOException {
		PublicSuffixes list = parse(SMALL_LIST);
		assertThat(list.isPublicSuffix("github.com")).isFalse();
		assertThat(list.publicSuffixOf("a.github.com")).isEqualTo("com");
	}

	@Test
	void ruleIsReadUpToTheFirstWhiteSpace() throws IOException {
		PublicSuffixes list = parse(SMALL_LIST);
		assertThat(list.isPublicSuffix("indented.example")).isTrue();
		assertThat(list.isPublicSuffix("not.a.rule")).isFalse();
		assertThat(list.publicSuffixOf("a.indented.example")).isEqualTo("indented.example");
	}

	@Test
	void wildcardRuleMakesEveryLabelUnderItASuffix() throws IOException {
		PublicSuffixes list = parse(SMALL_LIST);
		assertThat(list.isPublicSuffix("anything.ck")).isTrue();
		assertThat(list.isPublicSuffix("a.anything.ck")).isFalse();
		assertThat(list.publicSuffixOf("a.anything.ck")).isEqualTo("anything.ck");
		assertThat(list.isPublicSuffix("c.kobe.jp")).isTrue();
		assertThat(list.publicSuffixOf("b.c.kobe.jp")).isEqualTo("c.kobe.jp");
	}

	@Test
	void wildcardRuleDoesNotCoverItsOwnDomain() throws IOException {
		PublicSuffixes list = parse(SMALL_LIST);
		assertThat(list.publicSuffixOf("kobe.jp")).as("named by the rule jp only").isEqualTo("jp");
		assertThat(list.isPublicSuffix("kobe.jp")).isFalse();
		assertThat(list.isPublicSuffix("ck")).as("one label, by the implicit rule").isTrue();
	}

	@Test
	void exceptionRuleTakesItsNameOutOfAWildcard() throws IOException {
		PublicSuffixes list = parse(SMALL_LIST);
		assertThat(list.isPublicSuffix("www.ck")).isFalse();
		assertThat(list.publicSuffixOf("www.ck")).isEqualTo("ck");
		assertThat(list.publicSuffixOf("a.www.ck")).isEqualTo("ck");
		assertThat(list.isPublicSuffix("city.kobe.jp")).isFalse();
		assertThat(list.publicSuffixOf("www.city.kobe.jp")).isEqualTo("kobe.jp");
	}

	@Test
	void exceptionOfOneLabelHasNoSuffixToGiveAndIsIgnored() throws IOException {
		PublicSuffixes list = parse(SMALL_LIST);
		assertThat(list.publicSuffixOf("single")).isEqualTo("single");
		assertThat(list.publicSuffixOf("a.single")).isEqualTo("single");
	}

	@Test
	void everySingleLabelIsASuffixByTheImplicitRule() throws IOException {
		PublicSuffixes list = parse(SMALL_LIST);
		assertThat(list.isPublicSuffix("localhost")).isTrue();
		assertThat(list.isPublicSuffix("example")).isTrue();
		assertThat(list.publicSuffixOf("app.example")).isEqualTo("example");
		assertThat(list.isPublicSuffix("app.example")).isFalse();
	}

	@Test
	void caseAndTrailingDotDoNotMatter() throws IOException {
		PublicSuffixes list = parse(SMALL_LIST);
		assertThat(list.isPublicSuffix("GitHub.IO")).isTrue();
		assertThat(list.isPublicSuffix("github.io.")).isTrue();
		assertThat(list.isPublicSuffix("CO.UK.")).isTrue();
		assertThat(list.isPublicSuffix("Anything.CK.")).isTrue();
		assertThat(list.isPublicSuffix("WWW.ck.")).isFalse();
		assertThat(list.publicSuffixOf("A.Example.Co.Uk.")).isEqualTo("co.uk");
	}

	@Test
	void internationalizedRulesAreHeldInPunycode() throws IOException {
		PublicSuffixes list = parse(SMALL_LIST);
		assertThat(list.isPublicSuffix("xn--55qx5d.cn")).isTrue();
		assertThat(list.isPublicSuffix("XN--55QX5D.cn")).isTrue();
		assertThat(list.isPublicSuffix("example.xn--55qx5d.cn")).isFalse();
	}

	@Test
	void internationalizedRuleWithoutPunycodeIsKeptAsWritten() throws IOException {
		// A label of 64 characters has no punycode form: the rule stays in Unicode, where
		// no origin can match it.
		PublicSuffixes list = parse(SMALL_LIST);
		assertThat(list.isPublicSuffix("\u00fc".repeat(64) + ".example")).isTrue();
		assertThat(list.isPublicSuffix("\u00dc".repeat(64) + ".EXAMPLE")).as("in any case").isTrue();
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
	void shippedListKnowsRegistriesAndHostingPlatforms() {
		PublicSuffixes list = PublicSuffixes.shipped();
		assertThat(list).isSameAs(PublicSuffixes.shipped());
		assertThat(list.isPublicSuffix("com")).isTrue();
		assertThat(list.isPublicSuffix("co.uk")).isTrue();
		assertThat(list.isPublicSuffix("github.io")).isTrue();
		assertThat(list.isPublicSuffix("vercel.app")).isTrue();
		assertThat(list.isPublicSuffix("example.com")).isFalse();
		assertThat(list.isPublicSuffix("example.co.uk")).isFalse();
		assertThat(list.isPublicSuffix("octocat.github.io")).isFalse();
	}

	@Test
	void shippedListAgreesWithTheListsOwnTestCases() {
		PublicSuffixes list = PublicSuffixes.shipped();
		// From tests/test_psl.txt: the registrable domain of each name is the suffix and
		// one more label.
		assertThat(list.publicSuffixOf("b.example.uk.com")).isEqualTo("uk.com");
		assertThat(list.publicSuffixOf("a.b.example.uk.com")).isEqualTo("uk.com");
		assertThat(list.publicSuffixOf("test.ac")).isEqualTo("ac");
		assertThat(list.publicSuffixOf("c.mm")).isEqualTo("c.mm");
		assertThat(list.publicSuffixOf("b.c.mm")).isEqualTo("c.mm");
		assertThat(list.publicSuffixOf("a.b.c.kobe.jp")).isEqualTo("c.kobe.jp");
		assertThat(list.publicSuffixOf("city.kobe.jp")).isEqualTo("kobe.jp");
		assertThat(list.publicSuffixOf("www.city.kobe.jp")).isEqualTo("kobe.jp");
		assertThat(list.publicSuffixOf("test.ck")).isEqualTo("test.ck");
		assertThat(list.publicSuffixOf("www.ck")).isEqualTo("ck");
		assertThat(list.publicSuffixOf("www.www.ck")).isEqualTo("ck");
		assertThat(list.publicSuffixOf("test.k12.ak.us")).isEqualTo("k12.ak.us");
		assertThat(list.publicSuffixOf("www.xn--85x722f.xn--55qx5d.cn")).isEqualTo("xn--55qx5d.cn");
		assertThat(list.publicSuffixOf("shishi.xn--fiqs8s")).isEqualTo("xn--fiqs8s");
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
