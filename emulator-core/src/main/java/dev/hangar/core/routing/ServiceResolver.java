package dev.hangar.core.routing;

import dev.hangar.core.http.AwsHttpRequest;
import dev.hangar.core.protocol.QueryForm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Finds the service a request is for, in LocalStack's order: SigV4 credential scope, then X-Amz-Target prefix, then
 * a query request's {@code Version}, then path prefix, then host name. Several services may share a signing name:
 * API Gateway v1 and v2 both sign as "apigateway" and the path prefix decides; ELB and ELBv2 both sign as
 * "elasticloadbalancing" on {@code /} and the form's Version decides. A query request that comes unsigned (STS's
 * AssumeRoleWithWebIdentity and AssumeRoleWithSAML) goes to the query service of its Version. Only a form body is
 * ever read, and only for a Version; the first route registered wins every tie.
 */
public final class ServiceResolver<S> {

    /**
     * One routable service with the keys that identify it.
     *
     * @param apiVersion   the query protocols' Version the service answers to, or null
     * @param hasOperation whether the service has an operation of that name: breaks a tie between query services of
     *                     one Version (RDS, Neptune and DocumentDB share theirs)
     */
    public record Route<S>(S service, String signingName, String targetPrefix, List<String> pathPrefixes,
                           String apiVersion, Predicate<String> hasOperation) {

        public Route(S service, String signingName, String targetPrefix, List<String> pathPrefixes) {
            this(service, signingName, targetPrefix, pathPrefixes, null, operation -> false);
        }
    }

    private final Map<String, List<Route<S>>> bySigningName = new HashMap<>();
    private final Map<String, Route<S>> byTargetPrefix = new HashMap<>();
    private final List<Route<S>> byPath = new ArrayList<>();
    private final List<Route<S>> byVersion = new ArrayList<>();

    public ServiceResolver(List<Route<S>> routes) {
        for (Route<S> route : routes) {
            bySigningName.computeIfAbsent(route.signingName(), k -> new ArrayList<>()).add(route);
            if (route.targetPrefix() != null) {
                byTargetPrefix.put(route.targetPrefix(), route);
            }
            if (!route.pathPrefixes().isEmpty()) {
                byPath.add(route);
            }
            if (route.apiVersion() != null) {
                byVersion.add(route);
            }
        }
    }

    /** The service, or null when nothing identifies one. */
    public S resolve(AwsHttpRequest request, CredentialScope scope) {
        if (scope != null) {
            List<Route<S>> candidates = bySigningName.get(scope.service());
            if (candidates != null) {
                if (candidates.size() == 1) {
                    return candidates.get(0).service();
                }
                S byQueryVersion = byVersionAmong(candidates, request);
                return byQueryVersion != null ? byQueryVersion : byPathAmong(candidates, request.path());
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
        if (!byVersion.isEmpty()) {
            S byQueryVersion = byVersionAmong(byVersion, request);
            if (byQueryVersion != null) {
                return byQueryVersion;
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

    /** The route whose apiVersion is the query request's Version (its Action breaks a tie), or null. */
    private S byVersionAmong(List<Route<S>> routes, AwsHttpRequest request) {
        if (!QueryForm.isQueryShaped(request)) {
            return null;
        }
        String version = QueryForm.parameter(request, "Version");
        if (version == null) {
            return null;
        }
        Route<S> first = null;
        String action = null;
        for (Route<S> route : routes) {
            if (!version.equals(route.apiVersion())) {
                continue;
            }
            if (first == null) {
                first = route;
                continue;
            }
            // a second service of this Version: the Action decides, asked in registration order
            if (action == null) {
                action = QueryForm.parameter(request, "Action");
                if (action == null) {
                    return first.service();
                }
                if (first.hasOperation().test(action)) {
                    return first.service();
                }
            }
            if (route.hasOperation().test(action)) {
                return route.service();
            }
        }
        return first == null ? null : first.service();
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
