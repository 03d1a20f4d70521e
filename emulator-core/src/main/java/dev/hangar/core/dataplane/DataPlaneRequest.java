package dev.hangar.core.dataplane;

import dev.hangar.core.http.AwsHttpRequest;

import java.util.Map;

/**
 * A request as a data-plane endpoint gets it.
 *
 * @param host      the Host header's name, lower case, without the port
 * @param hostPort  the Host header's port, or -1 when it names none
 * @param variables what the route's host pattern captured ({@code id}, {@code region} …)
 * @param route     the route that matched
 * @param subPath   the raw path after the route's prefix, starting with "/" ("/" when the path is the prefix)
 */
public record DataPlaneRequest(AwsHttpRequest http, String host, int hostPort, Map<String, String> variables,
                               DataPlaneRoute route, String subPath) {
}
