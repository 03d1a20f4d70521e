package dev.hangar.core.protocol;

import dev.hangar.core.http.AwsHttpRequest;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parameters of a query-protocol request ({@code Action=ListUsers&Version=2010-05-08&Tags.member.1.Key=k}):
 * a form-encoded POST body, or the URL's query string (GET, or a POST that puts them there). Routing asks for one
 * parameter without building anything; the codecs read all of them as a tree of dotted name segments.
 */
public final class QueryForm {

    private static final String FORM = "application/x-www-form-urlencoded";

    private QueryForm() {
    }

    /** A form body, or an Action in the URL: what the SDKs and CLIs send in awsQuery and EC2's query protocol. */
    public static boolean isQueryShaped(AwsHttpRequest request) {
        return isForm(request) || request.query() != null && request.query().containsKey("Action");
    }

    /**
     * The first value of that parameter, URL query before body, or null (also when it is malformed: routing asks,
     * and the codec reports it); reads a body only when it is a form, and stops at the parameter.
     */
    public static String parameter(AwsHttpRequest request, String name) {
        String fromUrl = request.query() == null ? null : request.queryParam(name);
        if (fromUrl != null || !isForm(request) || request.body() == null) {
            return fromUrl;
        }
        try {
            return bodyParameter(request.body(), name);
        } catch (BadInput e) {
            return null;
        }
    }

    private static String bodyParameter(byte[] body, String name) {
        byte[] wanted = name.getBytes(StandardCharsets.UTF_8);
        int start = 0;
        while (start < body.length) {
            int end = indexOf(body, (byte) '&', start, body.length);
            int eq = indexOf(body, (byte) '=', start, end);
            if (eq - start == wanted.length && regionMatches(body, start, wanted)) {
                return eq < end ? decode(body, eq + 1, end) : "";
            }
            // a name sent percent-encoded ("Acti%6Fn") is rare enough to pay a decode for
            if (eq > start && indexOf(body, (byte) '%', start, eq) < eq && name.equals(decode(body, start, eq))) {
                return eq < end ? decode(body, eq + 1, end) : "";
            }
            start = end + 1;
        }
        return null;
    }

    /** One segment of the dotted parameter names; the root holds the top-level names. */
    static final class Node {
        /** The value sent for exactly this name, or null when only longer names start with it. */
        String value;
        private Map<String, Node> children;

        Node child(String name) {
            return children == null ? null : children.get(name);
        }

        Map<String, Node> children() {
            return children == null ? Map.of() : children;
        }

        private Node childOrNew(String name) {
            if (children == null) {
                children = new LinkedHashMap<>(4);
            }
            return children.computeIfAbsent(name, k -> new Node());
        }
    }

    /**
     * Every parameter (URL query, then body) as a tree; a name sent twice keeps its first value.
     *
     * @throws BadInput on a malformed percent-escape
     */
    static Node parse(AwsHttpRequest request) {
        Node root = new Node();
        if (request.query() != null) {
            for (Map.Entry<String, List<String>> param : request.query().entrySet()) {
                if (!param.getValue().isEmpty()) {
                    put(root, param.getKey(), param.getValue().get(0));
                }
            }
        }
        byte[] body = request.body();
        if (body != null && body.length > 0 && isForm(request)) {
            int start = 0;
            while (start < body.length) {
                int end = indexOf(body, (byte) '&', start, body.length);
                if (end > start) {
                    int eq = indexOf(body, (byte) '=', start, end);
                    put(root, decode(body, start, eq), eq < end ? decode(body, eq + 1, end) : "");
                }
                start = end + 1;
            }
        }
        return root;
    }

    private static void put(Node root, String name, String value) {
        Node node = root;
        int start = 0;
        while (true) {
            int dot = name.indexOf('.', start);
            node = node.childOrNew(dot < 0 ? name.substring(start) : name.substring(start, dot));
            if (dot < 0) {
                break;
            }
            start = dot + 1;
        }
        if (node.value == null) {
            node.value = value;
        }
    }

    private static boolean isForm(AwsHttpRequest request) {
        String type = request.header("content-type");
        return type != null && type.regionMatches(true, 0, FORM, 0, FORM.length());
    }

    private static int indexOf(byte[] bytes, byte b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return to;
    }

    private static boolean regionMatches(byte[] bytes, int offset, byte[] wanted) {
        for (int i = 0; i < wanted.length; i++) {
            if (bytes[offset + i] != wanted[i]) {
                return false;
            }
        }
        return true;
    }

    /** Form decoding: '+' is a space, %XX a byte of UTF-8. */
    private static String decode(byte[] bytes, int from, int to) {
        boolean plain = true;
        for (int i = from; i < to && plain; i++) {
            plain = bytes[i] != '%' && bytes[i] != '+';
        }
        if (plain) {
            return new String(bytes, from, to - from, StandardCharsets.UTF_8);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(to - from);
        for (int i = from; i < to; i++) {
            byte b = bytes[i];
            if (b == '+') {
                out.write(' ');
            } else if (b == '%') {
                int hi = i + 2 < to ? Character.digit(bytes[i + 1], 16) : -1;
                int lo = hi >= 0 ? Character.digit(bytes[i + 2], 16) : -1;
                if (lo < 0) {
                    throw new BadInput("Malformed percent-encoding in the query parameters near '"
                            + new String(bytes, i, Math.min(3, to - i), StandardCharsets.UTF_8) + "'");
                }
                out.write((hi << 4) | lo);
                i += 2;
            } else {
                out.write(b);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
