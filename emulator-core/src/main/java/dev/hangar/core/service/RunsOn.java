package dev.hangar.core.service;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Where a handler runs, declared on the handler method or, for all of a class's handlers, on the class (the method
 * wins). Every handler must have one: binding refuses a handler that declares neither, so no handler ends up on the
 * event loop, or off it, by accident.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RunsOn {

    Pool value();

    enum Pool {
        /**
         * On the Netty event loop that read the request: only for handlers that touch memory, or hand their slow work
         * to other executors themselves, and never block (no Docker call, no file I/O, no sleep, no lock held long).
         */
        EVENT_LOOP,
        /** On the bounded worker pool: handlers that may block on files or wait (never on the Docker engine's pool). */
        WORKERS
    }
}
