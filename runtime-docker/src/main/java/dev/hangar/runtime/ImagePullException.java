package dev.hangar.runtime;

/** The image is missing locally and could not be pulled; the message is the engine's reason. */
public class ImagePullException extends ContainerRuntimeException {
    public ImagePullException(String message, Throwable cause) {
        super(message, cause);
    }
}
