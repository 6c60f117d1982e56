package io.github.corsstarter.example;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The application of the README's "Testing your CORS" examples: an item API with the
 * starter.
 */
@SpringBootApplication
public class ItemsApplication {

}
