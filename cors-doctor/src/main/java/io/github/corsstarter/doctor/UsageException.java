package io.github.corsstarter.doctor;

/**
 * A command line the doctor cannot run, or a server it cannot reach: exit status 2, with
 * a message and no stack trace.
 */
class UsageException extends Exception {

	private static final long serialVersionUID = 1L;

	UsageException(String message) {
		super(message);
	}

}
