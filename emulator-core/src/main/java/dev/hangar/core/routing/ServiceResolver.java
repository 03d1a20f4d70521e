package dev.hangar.core.routing;

import dev.hangar.core.http.AwsHttpRequest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the service a request is for, in LocalStack's order: SigV4 credential scope, then X-Amz-Target prefix, then
 * path prefix, then host name. Several services may share a signing name (API Gateway v1 and v2 both sign as
 * "apigateway"); the path prefix decides among them.
 */
public final class ServiceResolver<S> {

    /** One routable service with the keys that identify it. */
    public record Route<S>(S service, String signingName, String targetPrefix, List<String> pathPrefixes) {
    }

    private final Map<String, List<Route<S>>> bySigningName = new HashMap<>();
    private final Map<String, Route<S>> byTargetPrefix = new HashMap<>();
    private final List<Route<S>> byPath = new ArrayList<>();

    public ServiceResolver(List<Route<S>> routes) {
        for (Route<S> route : routes) {
            bySigningName.computeIfAbsent(route.signingName(), k -> new ArrayList<>()).add(route);
            if (route.targetPrefix() != null) {
                byTargetPrefix.put(route.targetPrefix(), route);
            }
            if (!route.pathPrefixes().isEmpty()) {
                byPath.add(route);
            }
        }
    }

    /** The service, or null when nothing identifies one. */
    public S resolve(AwsHttpRequest request, CredentialScope scope) {
        if (scope != null) {
            List<Route<S>> candidates = bySigningName.get(scope.service());
            if (candidates != null) {
                return candidates.size() == 1 ? candidates.get(0).service() : byPathAmong(candidates, request.path());
            }
        }
        String target = request.header("x-amz-target");
        if (target != null) {
            int dot = target.lastIndexOf('.');
            Route<S> route = byTargetPrefix.get(dot < 0 ? target : target.substring(0, dot));
            if (route != null) {
                return route.service();
            }
        }
        S byRpcPath = byRpcV2Path(request.path());
        if (byRpcPath != null) {
            return byRpcPath;
        }
        S byPathPrefix = byPathAmong(byPath, request.path());
        if (byPathPrefix != null) {
            return byPathPrefix;
        }
        return byHost(request.header("host"));
    }

    private S byPathAmong(List<Route<S>> routes, String path) {
        Route<S> best = null;
        int bestLength = -1;
        for (Route<S> route : routes) {
            for (String prefix : route.pathPrefixes()) {
                if (path.startsWith(prefix) && prefix.length() > bestLength) {
                    best = route;
                    bestLength = prefix.length();
                }
            }
        }
        if (best == null && routes.size() > 1) {
            // shared signing name, no distinguishing path: the route without path prefixes is the catch-all
            for (Route<S> route : routes) {
                if (route.pathPrefixes().isEmpty()) {
                    return route.service();
                }
            }
        }
        return best == null ? null : best.service();
    }

    /**
     * An unsigned rpcv2Cbor request: {@code [prefix]/service/<name>/operation/<Op>} names the service as X-Amz-Target's
     * prefix does. Only the segment's end counts: the namespace may come first ({@code com.amazonaws.cloudwatch.Name}).
     */
    private S byRpcV2Path(String path) {
        int operation = path.lastIndexOf("/operation/");
        int service = operation <= 0 ? -1 : path.lastIndexOf("/service/", operation - 1);
        if (service < 0) {
            return null;
        }
        int nameStart = Math.max(path.lastIndexOf('.', operation - 1), service + "/service".length()) + 1;
        Route<S> route = byTargetPrefix.get(path.substring(nameStart, operation));
        return route == null ? null : route.service();
    }

    /** ecs.us-east-1.amazonaws.com, ecs.localhost: the first label names the service. */
    private S byHost(String host) {
        if (host == null) {
            return null;
        }
        int dot = host.indexOf('.');
        if (dot <= 0) {
            return null;
        }
        List<Route<S>> candidates = bySigningName.get(host.substring(0, dot));
        return candidates == null || candidates.size() != 1 ? null : candidates.get(0).service();
    }
}
