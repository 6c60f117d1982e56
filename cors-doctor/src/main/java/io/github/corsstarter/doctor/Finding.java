package io.github.corsstarter.doctor;

/**
 * One thing the doctor found.
 *
 * @param id a stable identifier, such as {@code duplicate-allow-origin}
 * @param severity how much it matters
 * @param message what is wrong
 * @param fix what to change
 */
record Finding(String id, Severity severity, String message, String fix) {

}
