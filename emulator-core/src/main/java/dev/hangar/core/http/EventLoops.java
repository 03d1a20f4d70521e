package dev.hangar.core.http;

import io.netty.util.concurrent.EventExecutor;

import java.util.concurrent.RejectedExecutionException;

/** Running a connection's work on its own event loop, from whatever thread a producer writes on. */
final class EventLoops {

    private EventLoops() {
    }

    /**
     * Runs the task now when called on the loop, else queues it there.
     *
     * @param rejected what to do when the loop is shutting down and takes no more work (null: nothing)
     */
    static void run(EventExecutor loop, Runnable task, Runnable rejected) {
        if (loop.inEventLoop()) {
            task.run();
            return;
        }
        try {
            loop.execute(task);
        } catch (RejectedExecutionException e) {
            if (rejected != null) {
                rejected.run();
            }
        }
    }
}
