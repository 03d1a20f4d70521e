package dev.hangar.runtime;

import java.util.List;
import java.util.Map;

/**
 * A local image's configuration, as the engine reports it (docker image inspect's Config).
 *
 * @param id          the image id ("sha256:...")
 * @param entrypoint  the image's ENTRYPOINT; empty when it sets none
 * @param command     the image's CMD; empty when it sets none
 * @param environment the image's ENV, in the image's order
 * @param workingDir  the image's WORKDIR; null when it sets none
 * @param user        the image's USER; null when it sets none
 */
public record ImageInfo(String id, List<String> entrypoint, List<String> command, Map<String, String> environment,
                        String workingDir, String user) {

    public ImageInfo {
        entrypoint = entrypoint == null ? List.of() : List.copyOf(entrypoint);
        command = command == null ? List.of() : List.copyOf(command);
        environment = environment == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(environment));
        workingDir = workingDir == null || workingDir.isEmpty() ? null : workingDir;
        user = user == null || user.isEmpty() ? null : user;
    }
}
