package io.github.corsstarter.reactive;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.core.io.buffer.NettyDataBuffer;
import org.springframework.core.io.buffer.NettyDataBufferFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link AnswerAfterBody}: the answer comes after the body's end, whatever the
 * body does, and every buffer read is released.
 */
class AnswerAfterBodyTests {

	private final NettyDataBufferFactory buffers = new NettyDataBufferFactory(PooledByteBufAllocator.DEFAULT);

	private final AtomicInteger answers = new AtomicInteger();

	private Mono<Void> answer() {
		return Mono.fromRunnable(this.answers::incrementAndGet);
	}

	private DataBuffer buffer(int size) {
		return this.buffers.wrap(ByteBufAllocator.DEFAULT.buffer(size).writeZero(size));
	}

	@Test
	void emptyBodyIsAnswered() {
		AnswerAfterBody.of(Flux.empty(), this::answer, 10).block();
		assertThat(this.answers).hasValue(1);
	}

	@Test
	void answerWaitsForTheEndOfTheBody() {
		Sinks.Many<DataBuffer> body = Sinks.many().unicast().onBackpressureBuffer();
		AtomicBoolean done = new AtomicBoolean();
		AnswerAfterBody.of(body.asFlux(), this::answer, 100).subscribe(null, null, () -> done.set(true));
		DataBuffer first = buffer(8);
		body.tryEmitNext(first);
		assertThat(this.answers).hasValue(0);
		assertThat(((NettyDataBuffer) first).getNativeBuffer().refCnt()).isZero();
		body.tryEmitComplete();
		assertThat(this.answers).hasValue(1);
		assertThat(done).isTrue();
	}

	@Test
	void bodyPastTheLimitIsCancelledAndAnswered() {
		AtomicBoolean cancelled = new AtomicBoolean();
		List<DataBuffer> sent = List.of(buffer(8), buffer(8), buffer(8));
		Flux<DataBuffer> body = Flux.fromIterable(sent).concatWith(Flux.never()).doOnCancel(() -> cancelled.set(true));
		AnswerAfterBody.of(body, this::answer, 10).block();
		assertThat(this.answers).hasValue(1);
		assertThat(cancelled).isTrue();
		assertThat(sent).allSatisfy(
				(buffer) -> assertThat(((NettyDataBuffer) buffer).getNativeBuffer().refCnt()).isLessThanOrEqualTo(1));
		assertThat(((NettyDataBuffer) sent.get(0)).getNativeBuffer().refCnt()).isZero();
		assertThat(((NettyDataBuffer) sent.get(1)).getNativeBuffer().refCnt()).isZero();
	}

	@Test
	void failedBodyIsAnswered() {
		AnswerAfterBody.of(Flux.error(new IllegalStateException("gone")), this::answer, 10).block();
		assertThat(this.answers).hasValue(1);
	}

	@Test
	void answerErrorIsTheResult() {
		Mono<Void> result = AnswerAfterBody.of(Flux.empty(), () -> Mono.error(new IllegalStateException("no")), 10);
		assertThatIllegalStateException().isThrownBy(result::block).withMessage("no");
	}

	@Test
	void cancelledBeforeTheEndIsNeverAnswered() {
		Sinks.Many<DataBuffer> body = Sinks.many().unicast().onBackpressureBuffer();
		Disposable subscription = AnswerAfterBody.of(body.asFlux(), this::answer, 100).subscribe();
		subscription.dispose();
		body.tryEmitComplete();
		assertThat(this.answers).hasValue(0);
	}

	@Test
	void heapBuffersAreCountedToo() {
		DataBuffer heap = DefaultDataBufferFactory.sharedInstance.wrap("0123456789AB".getBytes(StandardCharsets.UTF_8));
		AnswerAfterBody.of(Flux.just(heap).concatWith(Flux.never()), this::answer, 10).block();
		assertThat(this.answers).hasValue(1);
	}

}
