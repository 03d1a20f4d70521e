package dev.hangar.core.protocol;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A restJson service's operations by HTTP method, most specific template first. */
final class RestRoutes {

    private final Map<String, List<RestRoute>> byMethod = new HashMap<>();

    RestRoutes(Collection<OperationModel> operations) {
        for (OperationModel op : operations) {
            if (op.http() == null || op.http().requestUri() == null) {
                continue;
            }
            byMethod.computeIfAbsent(op.http().method(), m -> new ArrayList<>())
                    .add(new RestRoute(op, op.http().method(), op.http().requestUri()));
        }
        for (List<RestRoute> routes : byMethod.values()) {
            routes.sort(Comparator.comparing((RestRoute r) -> r.specificity).thenComparing(r -> r.operation.name()));
        }
    }

    /** The operation and its labels, or null when no template of that method matches the path. */
    OperationMatch find(String method, String rawPath, Map<String, List<String>> query) {
        List<RestRoute> routes = byMethod.get(method);
        if (routes == null) {
            return null;
        }
        List<String> raw = RestRoute.split(rawPath);
        for (RestRoute route : routes) {
            Map<String, String> labels = route.match(raw, query);
            if (labels != null) {
                return new OperationMatch(route.operation, labels);
            }
        }
        return null;
    }
}
