package io.github.corsstarter.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * An API that a frontend on another origin calls. CORS comes from the starter and the
 * {@code cors.*} properties in {@code application.yml}; there is no CORS code here.
 */
@SpringBootApplication
public class SampleApplication {

	public static void main(String[] args) {
		SpringApplication.run(SampleApplication.class, args);
	}

}
