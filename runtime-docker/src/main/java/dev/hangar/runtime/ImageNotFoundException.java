package dev.hangar.runtime;

/** The image is not present on the engine (asked about without pulling it); the message is the engine's. */
public class ImageNotFoundException extends ContainerRuntimeException {
    public ImageNotFoundException(String message, Throwable cause) {
        super(message, cause);
    }
}
