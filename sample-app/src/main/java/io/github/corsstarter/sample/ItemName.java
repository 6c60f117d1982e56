package io.github.corsstarter.sample;

/**
 * What a client sends to create, replace or rename an item: its name. The server chooses
 * the identifier.
 *
 * @param name the name
 */
public record ItemName(String name) {
}
