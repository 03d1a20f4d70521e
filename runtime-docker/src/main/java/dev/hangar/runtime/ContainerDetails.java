package dev.hangar.runtime;

import java.time.Instant;
import java.util.Map;

/**
 * What the engine says of a container beyond its state, for those who describe it (the ECS task metadata endpoint).
 *
 * @param image    the image as the container was created from it ("hangar-test/web:latest")
 * @param imageId  the image's id ("sha256:…")
 * @param networks by network name; a container sharing another's namespace ("container:&lt;id&gt;") has none
 */
public record ContainerDetails(
        String id,
        String name,
        String image,
        String imageId,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt,
        Map<String, String> labels,
        String networkMode,
        Map<String, Endpoint> networks,
        int restartCount) {

    /** A container's end on one network. */
    public record Endpoint(String ipv4Address, int prefixLength, String macAddress, String gateway) {
    }
}
