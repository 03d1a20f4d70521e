package dev.hangar.core.dataplane;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A host name pattern such as {@code {id}.execute-api.localhost} or {@code {id}.lambda-url.{region}.localhost}: each
 * dot-separated label is literal (compared without case) or a {@code {name}} that takes exactly one non-empty label.
 * A port in the Host header is not part of the match.
 */
public final class HostPattern {

    private final String text;
    private final String[] labels;
    /** Variable names by label index, null for literal labels. */
    private final String[] variables;
    private final int literalLabels;

    private HostPattern(String text) {
        this.text = text;
        this.labels = text.toLowerCase(Locale.ROOT).split("\\.", -1);
        this.variables = new String[labels.length];
        int literal = 0;
        for (int i = 0; i < labels.length; i++) {
            String label = labels[i];
            if (label.isEmpty()) {
                throw new IllegalArgumentException("empty label in host pattern " + text);
            }
            if (label.startsWith("{") && label.endsWith("}") && label.length() > 2) {
                variables[i] = text.split("\\.", -1)[i].substring(1, label.length() - 1);
            } else if (label.contains("{") || label.contains("}")) {
                throw new IllegalArgumentException("a variable must be a whole label in host pattern " + text);
            } else {
                literal++;
            }
        }
        this.literalLabels = literal;
    }

    public static HostPattern of(String pattern) {
        return new HostPattern(pattern);
    }

    /** More literal labels is more specific; among equals, more labels. */
    int specificity() {
        return literalLabels * 64 + labels.length;
    }

    /** The variables' values when the host (without port, any case) matches, else null. */
    Map<String, String> match(String host) {
        List<String> parts = split(host);
        if (parts.size() != labels.length) {
            return null;
        }
        Map<String, String> values = null;
        for (int i = 0; i < labels.length; i++) {
            String part = parts.get(i);
            if (variables[i] != null) {
                if (part.isEmpty()) {
                    return null;
                }
                if (values == null) {
                    values = new HashMap<>(4);
                }
                values.put(variables[i], part);
            } else if (!labels[i].equalsIgnoreCase(part)) {
                return null;
            }
        }
        return values == null ? Map.of() : values;
    }

    private static List<String> split(String host) {
        List<String> parts = new ArrayList<>(6);
        int from = 0;
        for (int i = 0; i <= host.length(); i++) {
            if (i == host.length() || host.charAt(i) == '.') {
                parts.add(host.substring(from, i));
                from = i + 1;
            }
        }
        return parts;
    }

    @Override
    public String toString() {
        return text;
    }
}
