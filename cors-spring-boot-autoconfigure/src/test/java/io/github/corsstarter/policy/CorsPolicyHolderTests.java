package io.github.corsstarter.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Replacing the policy while requests are decided.
 */
class CorsPolicyHolderTests {

	private static final CorsSettings OLD = CorsSettings.builder()
		.origins("https://old.example.com")
		.methods("GET", "PUT")
		.build();

	private static final CorsSettings NEW = CorsSettings.builder()
		.origins("https://new.example.com")
		.methods("GET", "DELETE")
		.build();

	@Test
	void invalidReplacementKeepsThePolicyInForce() {
		CorsPolicyHolder holder = new CorsPolicyHolder(CorsPolicy.compile(OLD), null);
		CorsPolicy before = holder.get();
		assertThatExceptionOfType(CorsConfigurationException.class)
			.isThrownBy(() -> holder.replace(CorsSettings.builder().origins("new.example.com").build()))
			.satisfies((ex) -> assertThat(ex.getViolations()).singleElement()
				.extracting(ConfigurationViolation::property)
				.isEqualTo("cors.origins[0]"));
		assertThat(holder.get()).isSameAs(before);
	}

	@Test
	void replacementKeepsTheDecider() {
		CorsPolicyHolder holder = new CorsPolicyHolder(CorsPolicy.compile(OLD), "https://tenant.example.com"::equals);
		holder.replace(NEW);
		PlainCorsRequest request = ExampleRequests.request("GET", "https://tenant.example.com").build();
		assertThat(holder.get().decide(request).kind()).isEqualTo(CorsDecision.Kind.ALLOWED);
	}

	/**
	 * Each decision must be wholly the old policy's or wholly the new one's: a preflight
	 * for PUT from the old origin is allowed with the old methods, or refused; never
	 * allowed with the new methods.
	 */
	@Test
	void decisionsWhileSwappingAreNeverAMix() throws Exception {
		CorsPolicy oldPolicy = CorsPolicy.compile(OLD);
		CorsPolicy newPolicy = CorsPolicy.compile(NEW);
		CorsPolicyHolder holder = new CorsPolicyHolder(oldPolicy, null);
		AtomicBoolean running = new AtomicBoolean(true);
		ExecutorService threads = Executors.newFixedThreadPool(4);
		try {
			// The deciders start once swapping is under way, and the swapper goes on
			// until they are done.
			CountDownLatch swapping = new CountDownLatch(1000);
			AtomicInteger swaps = new AtomicInteger();
			Future<?> swapper = threads.submit(() -> {
				for (int i = 0; running.get(); i++) {
					holder.replace(((i & 1) == 0) ? newPolicy : oldPolicy);
					swaps.incrementAndGet();
					swapping.countDown();
				}
			});
			assertThat(swapping.await(60, TimeUnit.SECONDS)).isTrue();
			List<Future<Integer>> deciders = new ArrayList<>();
			for (int t = 0; t < 3; t++) {
				deciders.add(threads.submit(() -> decide(holder, 50_000)));
			}
			int decided = 0;
			for (Future<Integer> decider : deciders) {
				decided += decider.get(60, TimeUnit.SECONDS);
			}
			running.set(false);
			swapper.get(60, TimeUnit.SECONDS);
			assertThat(decided).isEqualTo(150_000);
			assertThat(swaps.get()).isGreaterThan(1000);
		}
		finally {
			threads.shutdownNow();
		}
	}

	private static int decide(CorsPolicyHolder holder, int decisions) {
		int decided = 0;
		for (int i = 0; i < decisions; i++) {
			PlainCorsRequest request = ExampleRequests.preflight("https://old.example.com", "PUT").build();
			CorsDecision decision = holder.get().decide(request);
			InMemoryCorsResponse response = new InMemoryCorsResponse();
			decision.writeHeaders(request, response);
			if (decision.kind() == CorsDecision.Kind.PREFLIGHT) {
				assertThat(WrittenHeaders.of(response)).containsEntry("Access-Control-Allow-Methods", "GET,PUT");
			}
			else {
				assertThat(decision.reason()).isEqualTo(RejectionReason.ORIGIN_NOT_ALLOWED);
				assertThat(WrittenHeaders.of(response)).doesNotContainKey("Access-Control-Allow-Methods");
			}
			decided++;
		}
		return decided;
	}

}
