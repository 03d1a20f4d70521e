package dev.hangar.core.port;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where services meet without importing each other: each port is an interface of this package (or of another
 * module both sides depend on, such as the container runtime), provided by one service or by the wiring, and used by
 * others. Services are created one after another, so a port used across services is taken as a {@link Ref}, which
 * finds its implementation at first use rather than at construction.
 */
public final class Ports {

    private final Map<Class<?>, Object> provided = new ConcurrentHashMap<>();

    /**
     * @throws IllegalStateException when the port is provided already: two providers of one port are a wiring
     *                               mistake, not a choice to make silently
     */
    public <T> void provide(Class<T> port, T implementation) {
        Object earlier = provided.putIfAbsent(port, port.cast(implementation));
        if (earlier != null && earlier != implementation) {
            throw new IllegalStateException("port " + port.getSimpleName() + " is provided twice: by " + earlier
                    + " and by " + implementation);
        }
    }

    public <T> Optional<T> find(Class<T> port) {
        return Optional.ofNullable(port.cast(provided.get(port)));
    }

    /** @throws IllegalStateException naming the port when nothing provides it */
    public <T> T require(Class<T> port) {
        Object found = provided.get(port);
        if (found == null) {
            throw new IllegalStateException("nothing provides the port " + port.getSimpleName()
                    + " (is the service that provides it wired?)");
        }
        return port.cast(found);
    }

    /** The port as its user holds it: resolved at first use, or {@code absent} while nothing provides it. */
    public <T> Ref<T> ref(Class<T> port, T absent) {
        return new Ref<>(this, port, absent);
    }

    /** A port found at first use; once found, a plain field read. */
    public static final class Ref<T> {
        private final Ports ports;
        private final Class<T> port;
        private final T absent;
        private volatile T found;

        private Ref(Ports ports, Class<T> port, T absent) {
            this.ports = ports;
            this.port = port;
            this.absent = absent;
        }

        /** A ref to a fixed implementation (tests, and services built without wiring). */
        public static <T> Ref<T> of(T implementation) {
            Ref<T> ref = new Ref<>(null, null, implementation);
            ref.found = implementation;
            return ref;
        }

        public T get() {
            T value = found;
            if (value != null) {
                return value;
            }
            Object provided = ports.provided.get(port);
            if (provided == null) {
                return absent;
            }
            value = port.cast(provided);
            found = value;
            return value;
        }
    }
}
