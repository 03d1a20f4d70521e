package dev.hangar.lambda.invoke;

import dev.hangar.core.service.AwsException;
import dev.hangar.core.time.HangarClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

/**
 * Event invocations: held in memory until they ran, never dropped while Hangar runs (reset aside). As on AWS, an
 * event whose function fails is retried after the configured delays (two retries, 1 min then 2 min, by default); one
 * that is throttled or cannot get an environment goes back to the queue with a doubling backoff, for up to the
 * maximum event age.
 *
 * <p>All of these are Hangar's own timing, not a measure of real work: they run on Hangar's clock, so that
 * HANGAR_TIME_SCALE shortens AWS's minutes (and the event age its hours) as it does every other service's timers.
 */
final class AsyncInvocationQueue {

    private static final Logger log = LoggerFactory.getLogger(AsyncInvocationQueue.class);

    private final BiFunction<RunnableFunction, InvocationRequest, CompletableFuture<InvocationResult>> invoker;
    private final InvokeContext ctx;
    private final Set<Event> pending = ConcurrentHashMap.newKeySet();
    private volatile long generation;

    AsyncInvocationQueue(BiFunction<RunnableFunction, InvocationRequest, CompletableFuture<InvocationResult>> invoker,
                         InvokeContext ctx) {
        this.invoker = invoker;
        this.ctx = ctx;
    }

    void enqueue(RunnableFunction fn, InvocationRequest request) {
        // the caller's LogType does not apply to an event: nobody waits for its tail
        InvocationRequest event = new InvocationRequest(request.requestId(), request.payload(),
                request.clientContext(), false);
        Event e = new Event(fn, event, ctx.clock.now(), generation);
        pending.add(e);
        // the invoker never blocks: no hop to a worker
        attempt(e);
    }

    /** Events not yet run to an end (success or retries spent). */
    int pending() {
        return pending.size();
    }

    void clear() {
        generation++;
        pending.forEach(e -> {
            HangarClock.Timer next = e.next;
            if (next != null) {
                next.cancel();
            }
        });
        pending.clear();
    }

    private void attempt(Event e) {
        if (e.generation != generation) {
            return;
        }
        CompletableFuture<InvocationResult> call;
        try {
            call = invoker.apply(e.function, e.request);
        } catch (RuntimeException ex) {
            call = CompletableFuture.failedFuture(ex);
        }
        call.whenComplete((result, error) -> {
            if (error != null) {
                requeue(e, unwrap(error));
            } else if (result.functionError() != null) {
                retryAfterFailure(e, result);
            } else {
                done(e, "succeeded");
            }
        });
    }

    private void retryAfterFailure(Event e, InvocationResult result) {
        int retry = e.failures++;
        if (retry >= ctx.config.asyncRetryDelays().size()) {
            log.warn("Event {} for {} failed {} times; discarded as AWS does without a destination",
                    e.request.requestId(), e.function.functionName(), e.failures);
            done(e, "discarded");
            return;
        }
        schedule(e, ctx.config.asyncRetryDelays().get(retry));
    }

    /** Throttled or no environment: back to the queue, waiting longer each time. */
    private void requeue(Event e, Throwable error) {
        Duration age = Duration.between(e.enqueuedAt, ctx.clock.now());
        if (age.compareTo(ctx.config.asyncMaxEventAge()) > 0) {
            log.warn("Event {} for {} dropped after {} s of retries: {}", e.request.requestId(),
                    e.function.functionName(), age.toSeconds(), error.getMessage());
            done(e, "dropped");
            return;
        }
        Duration wait = e.backoff == null ? ctx.config.asyncThrottleBackoff() : e.backoff.multipliedBy(2);
        if (wait.compareTo(ctx.config.asyncThrottleBackoffMax()) > 0) {
            wait = ctx.config.asyncThrottleBackoffMax();
        }
        e.backoff = wait;
        String code = error instanceof AwsException a ? a.code() : error.toString();
        log.debug("Event {} for {} not run ({}); again in {} ms", e.request.requestId(), e.function.functionName(),
                code, wait.toMillis());
        schedule(e, wait);
    }

    private void schedule(Event e, Duration wait) {
        if (e.generation != generation) {
            return;
        }
        // the timer thread is Hangar's, shared by every service: the attempt runs on a worker
        e.next = ctx.clock.schedule(() -> {
            try {
                ctx.workers.execute(() -> attempt(e));
            } catch (java.util.concurrent.RejectedExecutionException ex) {
                log.warn("Event {} for {} lost: Hangar is shutting down", e.request.requestId(),
                        e.function.functionName());
            }
        }, wait);
    }

    private void done(Event e, String outcome) {
        pending.remove(e);
        log.debug("Event {} for {} {}", e.request.requestId(), e.function.functionName(), outcome);
    }

    private static Throwable unwrap(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    }

    private static final class Event {
        final RunnableFunction function;
        final InvocationRequest request;
        /** On Hangar's clock, as the event age is. */
        final Instant enqueuedAt;
        final long generation;
        int failures;
        Duration backoff;
        volatile HangarClock.Timer next;

        Event(RunnableFunction function, InvocationRequest request, Instant enqueuedAt, long generation) {
            this.function = function;
            this.request = request;
            this.enqueuedAt = enqueuedAt;
            this.generation = generation;
        }
    }
}
