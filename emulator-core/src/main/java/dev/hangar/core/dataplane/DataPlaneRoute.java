package dev.hangar.core.dataplane;

import java.util.Objects;

/**
 * Where a data-plane endpoint is reached: a host pattern (null: any host) and a path prefix. A route with a host
 * pattern takes every path under its prefix on that host; a route without one only its prefix on any host, so it
 * must be specific enough not to shadow AWS API paths.
 *
 * @param name for logs and admin listings: "lambda function URLs", "ECS task metadata"
 */
public record DataPlaneRoute(String name, HostPattern host, String pathPrefix, DataPlaneHandler handler) {

    public DataPlaneRoute {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(pathPrefix, "pathPrefix");
        Objects.requireNonNull(handler, "handler");
        if (!pathPrefix.startsWith("/")) {
            throw new IllegalArgumentException("a path prefix starts with '/': " + pathPrefix);
        }
        if (host == null && pathPrefix.length() < 3) {
            throw new IllegalArgumentException("a route on any host needs a path prefix of its own, not '"
                    + pathPrefix + "': it would take AWS API calls");
        }
    }

    /** A route on hosts matching the pattern, for every path. */
    public static DataPlaneRoute onHost(String name, String hostPattern, DataPlaneHandler handler) {
        return new DataPlaneRoute(name, HostPattern.of(hostPattern), "/", handler);
    }

    /** A route on any host, for the paths under the prefix. */
    public static DataPlaneRoute onPath(String name, String pathPrefix, DataPlaneHandler handler) {
        return new DataPlaneRoute(name, null, pathPrefix, handler);
    }
}
