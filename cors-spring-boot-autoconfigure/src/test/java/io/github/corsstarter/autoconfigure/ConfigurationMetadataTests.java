package io.github.corsstarter.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.BeanWrapper;
import org.springframework.beans.BeanWrapperImpl;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The metadata IDEs read, as the configuration processor generated it into the jar.
 */
class ConfigurationMetadataTests {

	/** Properties whose default is not one value: per stack, or an open map. */
	private static final Set<String> WITHOUT_DEFAULT = Set.of("cors.filter-order", "cors.mappings");

	private static JsonNode metadata() throws IOException {
		try (InputStream in = new ClassPathResource("META-INF/spring-configuration-metadata.json").getInputStream()) {
			return JsonMapper.builder().build().readTree(in);
		}
	}

	private static Map<String, JsonNode> corsProperties() throws IOException {
		Map<String, JsonNode> properties = new java.util.TreeMap<>();
		for (JsonNode property : metadata().get("properties")) {
			String name = property.get("name").asString();
			if (name.startsWith("cors.")) {
				properties.put(name, property);
			}
		}
		return properties;
	}

	@Test
	void everyDocumentedPropertyIsDescribed() throws IOException {
		assertThat(corsProperties()).containsOnlyKeys("cors.enabled", "cors.origins", "cors.origin-patterns",
				"cors.methods", "cors.allowed-headers", "cors.exposed-headers", "cors.allow-credentials",
				"cors.max-age", "cors.allow-private-network", "cors.allow-insecure-origins", "cors.preflight-status",
				"cors.paths", "cors.exclude-paths", "cors.filter-order", "cors.mappings");
		corsProperties().forEach((name, property) -> {
			assertThat(property.path("description").asString()).as(name)
				.isNotBlank()
				.doesNotStartWith("The ")
				.doesNotStartWith("A ");
			if (!WITHOUT_DEFAULT.contains(name)) {
				assertThat(property.has("defaultValue")).as(name + " has a default").isTrue();
			}
		});
	}

	@Test
	void defaultsAreTheDocumentedDefaults() throws IOException {
		Map<String, JsonNode> properties = corsProperties();
		assertThat(properties.get("cors.enabled").get("defaultValue").asBoolean()).isTrue();
		assertThat(properties.get("cors.max-age").get("defaultValue").asString()).isEqualTo("30m");
		assertThat(properties.get("cors.preflight-status").get("defaultValue").asInt()).isEqualTo(204);
		assertThat(texts(properties.get("cors.methods").get("defaultValue"))).containsExactly("GET", "HEAD", "POST",
				"PUT", "PATCH", "DELETE");
		assertThat(texts(properties.get("cors.allowed-headers").get("defaultValue"))).containsExactly("*");
		assertThat(texts(properties.get("cors.paths").get("defaultValue"))).containsExactly("/**");
		assertThat(texts(properties.get("cors.origins").get("defaultValue"))).isEmpty();
	}

	/**
	 * The properties start from {@code CorsSettings.DEFAULT_*}, which the configuration
	 * processor cannot read, so {@code additional-spring-configuration-metadata.json}
	 * repeats them: this keeps the two the same.
	 */
	@Test
	void metadataDefaultsAreThePropertiesDefaults() throws IOException {
		BeanWrapper defaults = new BeanWrapperImpl(new CorsProperties());
		corsProperties().forEach((name, property) -> {
			if (WITHOUT_DEFAULT.contains(name)) {
				return;
			}
			Object value = defaults.getPropertyValue(camelCase(name.substring("cors.".length())));
			JsonNode metadataDefault = property.get("defaultValue");
			if (value instanceof List<?> list) {
				assertThat(texts(metadataDefault)).as(name).isEqualTo(list);
			}
			else if (value instanceof Duration duration) {
				assertThat(DurationStyle.detectAndParse(metadataDefault.asString())).as(name).isEqualTo(duration);
			}
			else {
				assertThat(metadataDefault.asString()).as(name).isEqualTo(String.valueOf(value));
			}
		});
	}

	private static String camelCase(String kebabCase) {
		StringBuilder name = new StringBuilder();
		for (String word : kebabCase.split("-")) {
			name.append(name.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1));
		}
		return name.toString();
	}

	@Test
	void booleanDescriptionsSayWhether() throws IOException {
		corsProperties().values()
			.stream()
			.filter((property) -> property.get("type").asString().equals("java.lang.Boolean"))
			.forEach((property) -> assertThat(property.get("description").asString()).startsWith("Whether"));
	}

	@Test
	void mappingKeysAreDescribedOnTheMapping() throws IOException {
		assertThat(corsProperties().get("cors.mappings").get("description").asString()).contains("'paths'",
				"'exclude-paths'", "'origins'", "'origin-patterns'", "'methods'", "'allowed-headers'",
				"'exposed-headers'", "'allow-credentials'", "'max-age'", "'allow-private-network'",
				"'allow-insecure-origins'", "'preflight-status'", "inherit");
	}

	@Test
	void hintsCoverMethodsHeadersAndPreflightStatus() throws IOException {
		Set<String> hinted = java.util.stream.StreamSupport.stream(metadata().get("hints").spliterator(), false)
			.map((hint) -> hint.get("name").asString())
			.collect(Collectors.toSet());
		assertThat(hinted).contains("cors.methods", "cors.allowed-headers", "cors.exposed-headers",
				"cors.preflight-status", "cors.origin-patterns");
	}

	private static List<String> texts(JsonNode array) {
		return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
	}

}
