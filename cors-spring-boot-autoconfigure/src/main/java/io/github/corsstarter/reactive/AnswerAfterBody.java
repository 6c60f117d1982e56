package io.github.corsstarter.reactive;

import java.util.Objects;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;

/**
 * Reads a request body to its end, releasing each buffer, then writes an answer:
 * {@code body.takeWhile(limit).onErrorComplete().then(Mono.defer(answer))} in one
 * subscriber, where that chain of operators cost about 0.4 µs and 370 bytes per exchange.
 * Past {@code limit} bytes the body is cancelled and the answer written at once; a body
 * that fails is treated as ended. The answer's completion or error is the result.
 */
final class AnswerAfterBody<T> extends Mono<Void> {

	private final Publisher<T> body;

	private final ToIntFunction<? super T> consume;

	private final Supplier<Mono<Void>> answer;

	private final long limit;

	/**
	 * Creates the answer.
	 * @param body the request body
	 * @param consume returns the size of a buffer of the body, releasing it unless the
	 * body releases it itself
	 * @param answer writes the answer
	 * @param limit the most bytes read before the answer is written anyway
	 */
	AnswerAfterBody(Publisher<T> body, ToIntFunction<? super T> consume, Supplier<Mono<Void>> answer, long limit) {
		this.body = body;
		this.consume = consume;
		this.answer = answer;
		this.limit = limit;
	}

	/**
	 * Creates the answer after a body as Spring presents it, releasing each buffer.
	 * @param body the request body
	 * @param answer writes the answer
	 * @param limit the most bytes read before the answer is written anyway
	 * @return the answer
	 */
	static AnswerAfterBody<DataBuffer> of(Flux<DataBuffer> body, Supplier<Mono<Void>> answer, long limit) {
		return new AnswerAfterBody<>(body, AnswerAfterBody::release, answer, limit);
	}

	private static int release(DataBuffer buffer) {
		int size = buffer.readableByteCount();
		DataBufferUtils.release(buffer);
		return size;
	}

	@Override
	public void subscribe(CoreSubscriber<? super Void> actual) {
		this.body.subscribe(new Drain<>(actual, this.consume, this.answer, this.limit));
	}

	/**
	 * Subscribes to the body, then to the answer, and is the subscription of the result.
	 * The body's signals are serial, and the answer is subscribed to from the body's last
	 * signal, or from the buffer past the limit.
	 */
	private static final class Drain<T> implements CoreSubscriber<T>, Subscription {

		private final CoreSubscriber<? super Void> actual;

		private final ToIntFunction<? super T> consume;

		private final Supplier<Mono<Void>> answer;

		private final long limit;

		private long drained;

		private boolean bodyDone;

		private volatile @Nullable Subscription current;

		private volatile boolean cancelled;

		Drain(CoreSubscriber<? super Void> actual, ToIntFunction<? super T> consume, Supplier<Mono<Void>> answer,
				long limit) {
			this.actual = actual;
			this.consume = consume;
			this.answer = answer;
			this.limit = limit;
		}

		@Override
		public Context currentContext() {
			return this.actual.currentContext();
		}

		@Override
		public void onSubscribe(Subscription body) {
			this.current = body;
			this.actual.onSubscribe(this);
			if (this.cancelled) {
				body.cancel();
			}
			else {
				body.request(Long.MAX_VALUE);
			}
		}

		@Override
		public void onNext(T buffer) {
			int size = this.consume.applyAsInt(buffer);
			if (this.bodyDone) {
				return;
			}
			this.drained += size;
			if (this.drained > this.limit) {
				Subscription body = this.current;
				if (body != null) {
					body.cancel();
				}
				answer();
			}
		}

		@Override
		public void onError(Throwable ex) {
			answer();
		}

		@Override
		public void onComplete() {
			answer();
		}

		private void answer() {
			if (this.bodyDone) {
				return;
			}
			this.bodyDone = true;
			if (this.cancelled) {
				return;
			}
			Mono<Void> answer;
			try {
				answer = Objects.requireNonNull(this.answer.get(), "The answer must not be null");
			}
			catch (Throwable ex) {
				this.actual.onError(ex);
				return;
			}
			answer.subscribe(new Answer());
		}

		@Override
		public void request(long n) {
			// Nothing to emit: the result is a completion.
		}

		@Override
		public void cancel() {
			this.cancelled = true;
			Subscription subscription = this.current;
			if (subscription != null) {
				subscription.cancel();
			}
		}

		/**
		 * Passes the answer's end on to the result.
		 */
		private final class Answer implements CoreSubscriber<Void> {

			@Override
			public Context currentContext() {
				return Drain.this.actual.currentContext();
			}

			@Override
			public void onSubscribe(Subscription subscription) {
				Drain.this.current = subscription;
				if (Drain.this.cancelled) {
					subscription.cancel();
				}
				else {
					subscription.request(Long.MAX_VALUE);
				}
			}

			@Override
			public void onNext(Void item) {
				// A completion has no items.
			}

			@Override
			public void onError(Throwable ex) {
				Drain.this.actual.onError(ex);
			}

			@Override
			public void onComplete() {
				Drain.this.actual.onComplete();
			}

		}

	}

}
