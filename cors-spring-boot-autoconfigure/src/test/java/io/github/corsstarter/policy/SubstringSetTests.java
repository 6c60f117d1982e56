package io.github.corsstarter.policy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SubstringSet}: whole strings and regions, exact and ignoring case, and
 * a table with many members whose probe chains cross the end of the table.
 */
class SubstringSetTests {

	@Test
	void exactSetFindsWholeStringsAndRegions() {
		SubstringSet set = SubstringSet.of(List.of("https://app.example.com", "example.org"));
		assertThat(set.size()).isEqualTo(2);
		assertThat(set.contains("https://app.example.com")).isTrue();
		assertThat(set.contains("https://APP.example.com")).isFalse();
		assertThat(set.contains("https://app.example.co")).isFalse();
		assertThat(set.contains("https://app.example.comm")).isFalse();
		assertThat(set.contains("")).isFalse();
		assertThat(set.contains("https://www.example.org", 12, 23)).isTrue();
		assertThat(set.contains("https://www.example.org", 11, 23)).isFalse();
		assertThat(set.contains("https://www.example.org", 12, 22)).isFalse();
		assertThat(set.contains("https://www.EXAMPLE.org", 12, 23)).isFalse();
	}

	@Test
	void ignoringCaseMatchesAsciiLettersOfEitherCase() {
		SubstringSet set = SubstringSet.ofIgnoringCase(List.of("Content-Type", "x-api-key"));
		assertThat(set.contains("content-type")).isTrue();
		assertThat(set.contains("CONTENT-TYPE")).isTrue();
		assertThat(set.contains("X-Api-Key")).isTrue();
		assertThat(set.contains("content-typ")).isFalse();
		assertThat(set.contains("authorization, X-API-KEY", 15, 24)).isTrue();
		assertThat(set.contains("authorization, X-API-KEY", 0, 13)).isFalse();
	}

	@Test
	void duplicatesAreStoredOnce() {
		SubstringSet set = SubstringSet.of(List.of("a", "b", "a"));
		assertThat(set.size()).isEqualTo(2);
		assertThat(SubstringSet.ofIgnoringCase(List.of("Accept", "accept")).size()).isEqualTo(2);
	}

	@Test
	void emptySetContainsNothing() {
		SubstringSet set = SubstringSet.of(List.of());
		assertThat(set.size()).isZero();
		assertThat(set.contains("")).isFalse();
		assertThat(set.contains("anything", 0, 3)).isFalse();
	}

	@Test
	void everyMemberOfALargeSetIsFoundAndNearMissesAreNot() {
		List<String> members = new ArrayList<>();
		for (int i = 0; i < 5_000; i++) {
			members.add("https://app-" + i + ".example.net");
		}
		SubstringSet set = SubstringSet.of(members);
		assertThat(set.size()).isEqualTo(members.size());
		for (String member : members) {
			assertThat(set.contains(member)).as(member).isTrue();
			assertThat(set.contains(">" + member + "<", 1, member.length() + 1)).as(member).isTrue();
			assertThat(set.contains(member + "0")).as(member).isFalse();
			assertThat(set.contains(member.replace("https", "http"))).as(member).isFalse();
		}
	}

}
