package dev.hangar.core.dataplane;

import dev.hangar.core.http.AwsHttpRequest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds the data-plane endpoint of a request before AWS API routing does: the most specific matching host pattern
 * first, then the longest path prefix; routes without a host pattern come after every host route. Routes are added
 * while services are made and removed when what they serve goes away; lookups take no lock.
 */
public final class DataPlaneRouter {

    private static final Comparator<DataPlaneRoute> PRECEDENCE = Comparator
            .comparingInt((DataPlaneRoute r) -> r.host() == null ? -1 : r.host().specificity()).reversed()
            .thenComparing(Comparator.comparingInt((DataPlaneRoute r) -> r.pathPrefix().length()).reversed())
            .thenComparing(DataPlaneRoute::name);

    private volatile List<DataPlaneRoute> routes = List.of();
    private volatile boolean anyHostRoutes;

    public synchronized void add(DataPlaneRoute route) {
        for (DataPlaneRoute existing : routes) {
            if (String.valueOf(existing.host()).equals(String.valueOf(route.host()))
                    && existing.pathPrefix().equals(route.pathPrefix())) {
                throw new IllegalStateException("data-plane route " + route.name() + " (" + route.host() + " "
                        + route.pathPrefix() + ") is taken by " + existing.name());
            }
        }
        List<DataPlaneRoute> next = new ArrayList<>(routes);
        next.add(route);
        next.sort(PRECEDENCE);
        routes = List.copyOf(next);
        anyHostRoutes = next.stream().anyMatch(r -> r.host() != null);
    }

    public synchronized void remove(DataPlaneRoute route) {
        List<DataPlaneRoute> next = new ArrayList<>(routes);
        next.remove(route);
        routes = List.copyOf(next);
        anyHostRoutes = next.stream().anyMatch(r -> r.host() != null);
    }

    public List<DataPlaneRoute> routes() {
        return routes;
    }

    /** The endpoint of this request, or null when it is for AWS API routing. */
    public DataPlaneRequest find(AwsHttpRequest request) {
        List<DataPlaneRoute> all = routes;
        if (all.isEmpty()) {
            return null;
        }
        String hostHeader = anyHostRoutes ? request.header("host") : null;
        int colon = hostHeader == null ? -1 : portColon(hostHeader);
        String host = hostHeader == null ? null : hostName(hostHeader, colon);
        int port = hostPort(hostHeader, colon);
        String path = request.path();
        for (DataPlaneRoute route : all) {
            Map<String, String> variables;
            if (route.host() != null) {
                variables = host == null ? null : route.host().match(host);
                if (variables == null) {
                    continue;
                }
            } else {
                variables = Map.of();
            }
            if (underPrefix(path, route.pathPrefix())) {
                return new DataPlaneRequest(request, host, port, variables, route, subPath(path, route));
            }
        }
        return null;
    }

    /**
     * The request as the one route of a listener of its own gets it (a load balancer listener's port): whatever its
     * Host header, it is the route's. The host pattern's variables are filled in when the Host header matches it,
     * else empty.
     *
     * @return null when the path is not under the route's prefix
     */
    public static DataPlaneRequest direct(DataPlaneRoute route, AwsHttpRequest request) {
        String path = request.path();
        if (!underPrefix(path, route.pathPrefix())) {
            return null;
        }
        String hostHeader = request.header("host");
        int colon = hostHeader == null ? -1 : portColon(hostHeader);
        String host = hostHeader == null ? null : hostName(hostHeader, colon);
        Map<String, String> variables = route.host() == null || host == null ? null : route.host().match(host);
        return new DataPlaneRequest(request, host, hostPort(hostHeader, colon),
                variables == null ? Map.of() : variables, route, subPath(path, route));
    }

    /** The Host header's name, lower case, without its port ("[::1]" keeps its brackets). */
    private static String hostName(String hostHeader, int colon) {
        return (colon > 0 ? hostHeader.substring(0, colon) : hostHeader).toLowerCase(Locale.ROOT);
    }

    private static int hostPort(String hostHeader, int colon) {
        if (colon <= 0) {
            return -1;
        }
        try {
            return Integer.parseInt(hostHeader.substring(colon + 1));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Where the port starts, or -1: the last colon, unless it is inside an IPv6 literal's brackets. */
    private static int portColon(String hostHeader) {
        int colon = hostHeader.lastIndexOf(':');
        boolean bracketed = hostHeader.startsWith("[");
        return colon > 0 && (!bracketed || hostHeader.lastIndexOf(']') < colon) ? colon : -1;
    }

    private static String subPath(String path, DataPlaneRoute route) {
        String sub = route.pathPrefix().equals("/") ? path : path.substring(trimmed(route.pathPrefix()));
        return sub.isEmpty() ? "/" : sub;
    }

    /** "/v4" takes "/v4", "/v4/" and "/v4/x", not "/v4x". */
    private static boolean underPrefix(String path, String prefix) {
        if (prefix.equals("/")) {
            return true;
        }
        int length = trimmed(prefix);
        return path.startsWith(prefix.substring(0, length))
                && (path.length() == length || path.charAt(length) == '/');
    }

    private static int trimmed(String prefix) {
        return prefix.endsWith("/") ? prefix.length() - 1 : prefix.length();
    }
}
