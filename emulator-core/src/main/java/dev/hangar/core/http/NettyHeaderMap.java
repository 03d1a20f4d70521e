package dev.hangar.core.http;

import io.netty.handler.codec.http.HttpHeaders;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The request headers as {@link AwsHttpRequest} promises them (names in lower case, repeated headers joined with
 * ","), read straight from Netty's case-insensitive headers instead of copied into a map on every request. Lookups by
 * a lower-case name go to Netty; a name with an upper-case letter finds nothing, as in a map of lower-case keys.
 * Anything that walks the whole map (entrySet, size, equals) sees a lower-cased copy built once, on first use.
 * Read-only.
 */
final class NettyHeaderMap extends AbstractMap<String, String> {

    private final HttpHeaders headers;
    private Map<String, String> copy;

    NettyHeaderMap(HttpHeaders headers) {
        this.headers = headers;
    }

    /** The headers as Netty read them, for the one handshake that must hand them back (a WebSocket upgrade). */
    HttpHeaders netty() {
        return headers;
    }

    @Override
    public String get(Object key) {
        if (!(key instanceof String name) || !isLowerCase(name)) {
            return null;
        }
        Iterator<String> values = headers.valueStringIterator(name);
        if (!values.hasNext()) {
            return null;
        }
        String only = values.next();
        if (!values.hasNext()) {
            return only;
        }
        // repeated: getAll gives them in arrival order (the iterator's order is Netty's business)
        return String.join(",", headers.getAll(name));
    }

    @Override
    public boolean containsKey(Object key) {
        return key instanceof String name && isLowerCase(name) && headers.contains(name);
    }

    @Override
    public boolean isEmpty() {
        return headers.isEmpty();
    }

    @Override
    public Set<Entry<String, String>> entrySet() {
        return copy().entrySet();
    }

    @Override
    public int size() {
        return copy().size();
    }

    private Map<String, String> copy() {
        Map<String, String> c = copy;
        if (c == null) {
            Map<String, String> built = new HashMap<>(headers.size() * 2);
            for (Map.Entry<String, String> header : headers) {
                built.merge(header.getKey().toLowerCase(Locale.ROOT), header.getValue(), (a, b) -> a + "," + b);
            }
            c = Collections.unmodifiableMap(built);
            copy = c;
        }
        return c;
    }

    private static boolean isLowerCase(String name) {
        for (int i = 0; i < name.length(); i++) {
            char ch = name.charAt(i);
            if (ch >= 'A' && ch <= 'Z') {
                return false;
            }
        }
        return true;
    }
}
