package io.github.corsstarter.doctor;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The likely cause the doctor gives for an {@code Access-Control-Allow-Origin} that is
 * not the page's origin.
 */
class MismatchCauseTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			textBlock = """
					app.example.com              | https://app.example.com      | the value has no scheme (write https://app.example.com)
					localhost:5173               | http://localhost:5173        | the value has no scheme
					https://app.example.com/     | https://app.example.com      | trailing slash
					HTTPS://App.Example.com      | https://app.example.com      | differs in case
					http://app.example.com       | https://app.example.com      | the scheme differs (http against https)
					https://app.example.com:8443 | https://app.example.com      | the port differs (8443 against 443)
					http://localhost:3000        | http://localhost:5173        | the port differs (3000 against 5173)
					null                         | https://app.example.com      | is the origin of sandboxed frames
					https://admin.example.com    | https://app.example.com      | it is another origin
					not a url                    | https://app.example.com      | it is another origin
					""")
	void causes(String value, String origin, String cause) {
		assertThat(Diagnosis.mismatchCause(value, origin)).contains(cause);
	}

}
