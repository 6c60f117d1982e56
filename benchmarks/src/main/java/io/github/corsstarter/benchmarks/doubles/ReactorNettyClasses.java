package io.github.corsstarter.benchmarks.doubles;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;

/**
 * Finds, once, the constructors the Reactor Netty doubles call for each exchange: the one
 * of a proxy class standing in for a Reactor Netty type, and the public one of a Spring
 * class that is not public itself. Method handles held in static final fields, which the
 * JIT compiles to plain constructor calls.
 */
final class ReactorNettyClasses {

	private ReactorNettyClasses() {
	}

	/**
	 * Returns the constructor of a proxy class implementing one interface.
	 * @param type the interface
	 * @return a handle taking the {@link InvocationHandler} and returning the proxy as
	 * {@code type}
	 */
	static MethodHandle proxyConstructor(Class<?> type) {
		Class<?> proxyType = Proxy
			.newProxyInstance(type.getClassLoader(), new Class<?>[] { type }, (proxy, method, arguments) -> null)
			.getClass();
		try {
			return MethodHandles.publicLookup()
				.findConstructor(proxyType, MethodType.methodType(void.class, InvocationHandler.class))
				.asType(MethodType.methodType(type, InvocationHandler.class));
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("The proxy class of " + type + " has no public constructor", ex);
		}
	}

	/**
	 * Returns the public constructor of a Spring class that is not public.
	 * @param className the class
	 * @param returned the public type to return it as
	 * @param parameters the constructor's parameter types
	 * @return a handle to the constructor
	 */
	static MethodHandle springConstructor(String className, Class<?> returned, Class<?>... parameters) {
		try {
			Constructor<?> constructor = Class.forName(className).getConstructor(parameters);
			constructor.setAccessible(true);
			return MethodHandles.lookup()
				.unreflectConstructor(constructor)
				.asType(MethodType.methodType(returned, parameters));
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(className + " is not where it was", ex);
		}
	}

}
