package dev.hangar.lambda.invoke;

import dev.hangar.runtime.ContainerRuntime;
import dev.hangar.runtime.ImageInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Whether a Zip runtime's image brings its own runtime interface client, read from the image itself: it does when
 * its ENTRYPOINT is set and is more than a docker-entrypoint.sh wrapper (AWS's base images: /lambda-entrypoint.sh),
 * and does not when it has none or only that wrapper (python:3.12-slim, node:20). Each image name is inspected once
 * per Hangar run, like {@link InvokeContext#ensureImage}: an image rebuilt under the same name is not looked at
 * again until Hangar restarts. Blocking (it may pull the image first): call on a worker, never on an event loop.
 */
final class ImageRuntimeClients {

    private static final Logger log = LoggerFactory.getLogger(ImageRuntimeClients.class);
    private static final String ENTRYPOINT_WRAPPER = "docker-entrypoint.sh";

    private final ContainerRuntime runtime;
    private final Consumer<String> ensureImage;
    private final Map<String, Boolean> answers = new ConcurrentHashMap<>();

    /** @param ensureImage makes the image present (pulls it when missing) before it is inspected */
    ImageRuntimeClients(ContainerRuntime runtime, Consumer<String> ensureImage) {
        this.runtime = runtime;
        this.ensureImage = ensureImage;
    }

    /** Blocking the first time per image: ensures it is present and inspects it. */
    boolean bringsOwnClient(String image) {
        Boolean known = answers.get(image);
        if (known != null) {
            return known;
        }
        ensureImage.accept(image);
        ImageInfo info = runtime.inspectImage(image);
        boolean own = bringsOwnClient(info);
        // two first launches may both inspect: harmless, and no lock is held across the engine call
        answers.putIfAbsent(image, own);
        log.debug("Image {} {} (entrypoint {})", image,
                own ? "brings its own runtime client" : "gets Hangar's runtime client", info.entrypoint());
        return own;
    }

    /** The rule: a non-empty ENTRYPOINT that is not just docker-entrypoint.sh. */
    static boolean bringsOwnClient(ImageInfo info) {
        List<String> entrypoint = info.entrypoint();
        if (entrypoint.isEmpty() || entrypoint.stream().allMatch(String::isBlank)) {
            return false;
        }
        return !(entrypoint.size() == 1 && isWrapper(entrypoint.get(0)));
    }

    private static boolean isWrapper(String path) {
        String name = path.trim();
        int slash = name.lastIndexOf('/');
        return (slash < 0 ? name : name.substring(slash + 1)).equals(ENTRYPOINT_WRAPPER);
    }
}
