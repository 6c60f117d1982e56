package io.github.corsstarter.sample;

/**
 * One entry of the sample's item list.
 *
 * @param id the identifier
 * @param name the name
 */
public record Item(long id, String name) {
}
