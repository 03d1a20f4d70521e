package dev.hangar.core.http;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The bounded pool that handlers which may block, and services' engine calls, run on. A full queue rejects rather
 * than growing without limit; the pipeline turns that into a throttling error, so nothing accepted is lost silently.
 */
public final class WorkerPool {

    private static final int QUEUE_CAPACITY = 10_000;

    private WorkerPool() {
    }

    public static ExecutorService create(int threads) {
        return create("hangar-worker", threads);
    }

    /** @param name the threads' name prefix, as thread dumps and logs show them */
    public static ExecutorService create(String name, int threads) {
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(QUEUE_CAPACITY), r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }
}
