package dev.hangar.runtime;

/**
 * An image name split the way the engine's pull API wants it: repository and tag (or digest). Pulling with an empty
 * tag would fetch every tag of the repository, so a name without one means "latest", as the docker CLI does.
 */
record ImageReference(String repository, String tag) {

    static ImageReference parse(String image) {
        int at = image.indexOf('@');
        if (at >= 0) {
            return new ImageReference(image.substring(0, at), image.substring(at + 1));
        }
        int slash = image.lastIndexOf('/');
        int colon = image.lastIndexOf(':');
        // a colon before the last slash belongs to a registry host:port, not to a tag
        if (colon > slash) {
            return new ImageReference(image.substring(0, colon), image.substring(colon + 1));
        }
        return new ImageReference(image, "latest");
    }
}
