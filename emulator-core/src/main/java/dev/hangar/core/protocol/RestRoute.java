package dev.hangar.core.protocol;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One restJson operation's URI template, e.g. {@code /2015-03-31/functions/{FunctionName}/invocations}, with greedy
 * labels ({@code {proxy+}}) and query literals ({@code /restapis?mode=import}). Matches pre-split raw path segments.
 */
final class RestRoute {

    private enum Kind { LITERAL, LABEL, GREEDY }

    private record Segment(Kind kind, String text) {
    }

    final OperationModel operation;
    final String method;
    private final Segment[] segments;
    private final String[][] queryLiterals;
    private final boolean greedy;
    /** Sorts more specific templates first: literals before labels before greedy labels, query literals first. */
    final String specificity;

    RestRoute(OperationModel operation, String method, String requestUri) {
        this.operation = operation;
        this.method = method;
        int q = requestUri.indexOf('?');
        String path = q < 0 ? requestUri : requestUri.substring(0, q);
        List<String[]> literals = new ArrayList<>();
        if (q >= 0) {
            for (String pair : requestUri.substring(q + 1).split("&")) {
                if (!pair.isEmpty()) {
                    int eq = pair.indexOf('=');
                    literals.add(eq < 0 ? new String[] {pair, null}
                            : new String[] {pair.substring(0, eq), pair.substring(eq + 1)});
                }
            }
        }
        this.queryLiterals = literals.toArray(new String[0][]);
        List<String> parts = split(path);
        this.segments = new Segment[parts.size()];
        StringBuilder rank = new StringBuilder();
        boolean anyGreedy = false;
        for (int i = 0; i < parts.size(); i++) {
            String part = parts.get(i);
            if (part.startsWith("{") && part.endsWith("+}")) {
                segments[i] = new Segment(Kind.GREEDY, part.substring(1, part.length() - 2));
                anyGreedy = true;
                rank.append('c');
            } else if (part.startsWith("{") && part.endsWith("}")) {
                segments[i] = new Segment(Kind.LABEL, part.substring(1, part.length() - 1));
                rank.append('b');
            } else {
                segments[i] = new Segment(Kind.LITERAL, part);
                rank.append('a');
            }
        }
        this.greedy = anyGreedy;
        this.specificity = rank.append(queryLiterals.length > 0 ? '0' : '1').toString();
    }

    /** Path segments without the leading and trailing slash (so "/functions/" and "/functions" are the same). */
    static List<String> split(String path) {
        List<String> parts = new ArrayList<>(8);
        int start = path.startsWith("/") ? 1 : 0;
        int end = path.endsWith("/") && path.length() > start ? path.length() - 1 : path.length();
        if (start >= end) {
            return parts;
        }
        int from = start;
        for (int i = start; i <= end; i++) {
            if (i == end || path.charAt(i) == '/') {
                parts.add(path.substring(from, i));
                from = i + 1;
            }
        }
        return parts;
    }

    /** The decoded labels when this route matches, else null. */
    Map<String, String> match(List<String> raw, Map<String, List<String>> query) {
        if (greedy ? raw.size() < segments.length : raw.size() != segments.length) {
            return null;
        }
        for (String[] literal : queryLiterals) {
            List<String> values = query.get(literal[0]);
            if (values == null || (literal[1] != null && !values.contains(literal[1]))) {
                return null;
            }
        }
        Map<String, String> labels = null;
        int r = 0;
        for (int s = 0; s < segments.length; s++) {
            Segment segment = segments[s];
            switch (segment.kind) {
                case LITERAL -> {
                    if (!segment.text.equals(raw.get(r)) && !segment.text.equals(PercentCodec.decodePath(raw.get(r)))) {
                        return null;
                    }
                    r++;
                }
                case LABEL -> {
                    String value = raw.get(r++);
                    if (value.isEmpty()) {
                        return null;
                    }
                    if (labels == null) {
                        labels = new HashMap<>(4);
                    }
                    labels.put(segment.text, PercentCodec.decodePath(value));
                }
                case GREEDY -> {
                    int take = raw.size() - (segments.length - 1 - s) - r;
                    if (take < 1) {
                        return null;
                    }
                    String joined = String.join("/", raw.subList(r, r + take));
                    if (labels == null) {
                        labels = new HashMap<>(4);
                    }
                    labels.put(segment.text, PercentCodec.decodePath(joined));
                    r += take;
                }
            }
        }
        return labels == null ? Map.of() : labels;
    }
}
