package dev.hangar.runtime;

/** No container engine answers (not installed, not started, socket not reachable). */
public class RuntimeUnavailableException extends ContainerRuntimeException {
    public RuntimeUnavailableException(String message) {
        super(message);
    }
}
