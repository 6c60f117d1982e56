package io.github.corsstarter.policy;

import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropagationMode;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/**
 * Multiplies the tries a property declares by the system property {@value #SCALE}, when
 * it is set.
 * <p>
 * Mutation testing (the build's {@code mutation} profile) runs the properties again for
 * every mutant they cover and sets the scale below 1 to keep that run short. jqwik's own
 * {@code jqwik.tries.default} cannot do it: it only applies to properties that declare no
 * tries, and each property here declares what its cost per try allows. The normal build
 * leaves the system property unset and runs the declared tries.
 */
public final class ScaledTries implements AroundPropertyHook {

	/** The system property holding the factor, such as {@code 0.1}. */
	static final String SCALE = "corsstarter.tries-scale";

	/**
	 * Added to a property class, the hook reaches the properties in it.
	 */
	@Override
	public PropagationMode propagateTo() {
		return PropagationMode.ALL_DESCENDANTS;
	}

	@Override
	public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
		String scale = System.getProperty(SCALE);
		if (scale != null) {
			context.attributes()
				.tries()
				.ifPresent((tries) -> context.attributes()
					.setTries(Math.max(1, (int) Math.round(tries * Double.parseDouble(scale)))));
		}
		return property.execute();
	}

}
