/**
 * The sample application: a small API called from another origin.
 */
@NullMarked
package io.github.corsstarter.sample;

import org.jspecify.annotations.NullMarked;
