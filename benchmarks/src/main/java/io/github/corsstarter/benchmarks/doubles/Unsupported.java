package io.github.corsstarter.benchmarks.doubles;

import java.lang.reflect.Proxy;

/**
 * Makes instances of an interface whose every method throws. The servlet doubles extend
 * the Servlet API's wrappers around one: they implement what the filters read and write,
 * and any other call fails loudly instead of returning a made-up value.
 */
final class Unsupported {

	private Unsupported() {
	}

	static <T> T instance(Class<T> type) {
		Object instance = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type },
				(proxy, method, arguments) -> {
					throw new UnsupportedOperationException(type.getSimpleName() + "." + method.getName()
							+ " is not implemented by the benchmark's double");
				});
		return type.cast(instance);
	}

}
