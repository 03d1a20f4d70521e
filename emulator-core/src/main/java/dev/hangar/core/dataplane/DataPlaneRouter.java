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
        String hostHeader = request.header("host");
        String host = null;
        int port = -1;
        if (anyHostRoutes && hostHeader != null) {
            int colon = hostHeader.lastIndexOf(':');
            boolean bracketed = hostHeader.startsWith("[");
            if (colon > 0 && (!bracketed || hostHeader.lastIndexOf(']') < colon)) {
                host = hostHeader.substring(0, colon);
                try {
                    port = Integer.parseInt(hostHeader.substring(colon + 1));
                } catch (NumberFormatException e) {
                    port = -1;
                }
            } else {
                host = hostHeader;
            }
            host = host.toLowerCase(Locale.ROOT);
        }
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
                String sub = route.pathPrefix().equals("/") ? path : path.substring(trimmed(route.pathPrefix()));
                return new DataPlaneRequest(request, host, port, variables, route, sub.isEmpty() ? "/" : sub);
            }
        }
        return null;
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
