/**
 * {@code cors-doctor}: sends what Chromium would send from a page to any server, and says
 * whether the browser would allow it, what its console would print, and what is wrong
 * with the server's CORS answers and how to fix it.
 */
@NullMarked
package io.github.corsstarter.doctor;

import org.jspecify.annotations.NullMarked;
