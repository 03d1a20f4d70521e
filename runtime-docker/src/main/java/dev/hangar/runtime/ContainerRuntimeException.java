package dev.hangar.runtime;

/** The engine refused or failed an operation; the message is the engine's. */
public class ContainerRuntimeException extends RuntimeException {
    public ContainerRuntimeException(String message, Throwable cause) {
        super(message, cause);
    }

    public ContainerRuntimeException(String message) {
        super(message);
    }
}
