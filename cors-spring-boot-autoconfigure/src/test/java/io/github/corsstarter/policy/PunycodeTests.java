package io.github.corsstarter.policy;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Punycode}: the sample strings of RFC 3492 section 7.1, labels browsers
 * send today, and input that is not Punycode (bad digits, overflow, code points outside
 * Unicode or in the surrogate range).
 */
class PunycodeTests {

	@Test
	void decodesTheSamplesOfRfc3492() {
		assertThat(Punycode.decode("egbpdaj6bu4bxfgehfvwxn")).as("(A) Arabic (Egyptian)")
			.isEqualTo("\u0644\u064A\u0647\u0645\u0627\u0628\u062A\u0643\u0644\u0645\u0648\u0634\u0639\u0631\u0628"
					+ "\u064A\u061F");
		assertThat(Punycode.decode("ihqwcrb4cv8a8dqg056pqjye")).as("(B) Chinese (simplified)")
			.isEqualTo("\u4ED6\u4EEC\u4E3A\u4EC0\u4E48\u4E0D\u8BF4\u4E2D\u6587");
		assertThat(Punycode.decode("3B-ww4c5e180e575a65lsy2b")).as("(L) basic code points keep their case")
			.isEqualTo("3\u5E74B\u7D44\u91D1\u516B\u5148\u751F");
		assertThat(Punycode.decode("-with-SUPER-MONKEYS-pc58ag80a8qai00g7n9n")).as("(M) several delimiters")
			.isEqualTo("\u5B89\u5BA4\u5948\u7F8E\u6075-with-SUPER-MONKEYS");
		assertThat(Punycode.decode("-> $1.00 <--")).as("(S) basic code points only").isEqualTo("-> $1.00 <-");
	}

	@Test
	void decodesLabelsBrowsersSend() {
		assertThat(Punycode.decode("bcher-kva")).isEqualTo("b\u00fccher");
		assertThat(Punycode.decode("BCHER-KVA")).as("digits in uppercase").isEqualTo("B\u00fcCHER");
		assertThat(Punycode.decode("fa-hia")).as("IDNA 2008 keeps the sharp s").isEqualTo("fa\u00df");
		assertThat(Punycode.decode("")).isEmpty();
	}

	@Test
	void decodesTheEdgesOfTheDigitRanges() {
		assertThat(Punycode.decode("a-za")).as("z is 25").isEqualTo("a\u008c");
		assertThat(Punycode.decode("A-ZA")).as("Z is 25").isEqualTo("A\u008c");
		assertThat(Punycode.decode("a")).as("the first code point after ASCII").isEqualTo("\u0080");
	}

	@Test
	void decodesTheBoundsOfUnicode() {
		assertThat(Punycode.decode("dn32g")).isEqualTo(Character.toString(0x10FFFF));
		assertThat(Punycode.decode("hb9b")).as("just below the surrogates").isEqualTo("\uD7FF");
		assertThat(Punycode.decode("0y0c")).as("just above the surrogates").isEqualTo("\uE000");
	}

	@Test
	void refusesWhatIsNotPunycode() {
		assertThat(Punycode.decode("f")).as("a number cut short").isNull();
		assertThat(Punycode.decode("-abc")).as("a delimiter with nothing before it is read as a digit").isNull();
		assertThat(Punycode.decode("abc-d_e")).as("a character that is no digit").isNull();
		assertThat(Punycode.decode("b\u00fccher-kva")).as("a non-basic code point before the delimiter").isNull();
		assertThat(Punycode.decode("\u0080-a")).as("the first non-basic code point before the delimiter").isNull();
		assertThat(Punycode.decode("99999999999")).as("a number that overflows").isNull();
		assertThat(Punycode.decode("en32g")).as("a code point beyond Unicode").isNull();
		assertThat(Punycode.decode("ib9b")).as("the first surrogate").isNull();
		assertThat(Punycode.decode("a-qo7g")).as("the last surrogate").isNull();
	}

	@Test
	void labelIsValidUnlessItClaimsPunycodeItIsNot() {
		assertThat(Punycode.isValidLabel("example")).isTrue();
		assertThat(Punycode.isValidLabel("xn-example")).isTrue();
		assertThat(Punycode.isValidLabel("ab--cd")).as("hyphens in the third and fourth place").isTrue();
		assertThat(Punycode.isValidLabel("xn--bcher-kva")).isTrue();
		assertThat(Punycode.isValidLabel("xn--fa-hia")).isTrue();
		assertThat(Punycode.isValidLabel("xn--a")).as("decodes to U+0080, the first code point after ASCII").isTrue();
		assertThat(Punycode.isValidLabel("xn--f")).isFalse();
		assertThat(Punycode.isValidLabel("xn--")).as("decodes to nothing").isFalse();
		assertThat(Punycode.isValidLabel("xn--abc-")).as("decodes to ASCII only").isFalse();
		assertThat(Punycode.isValidLabel("xn--ab--")).as("decodes to ASCII only, with a hyphen").isFalse();
	}

}
