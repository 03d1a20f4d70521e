package dev.hangar.core.resource;

import software.amazon.awssdk.core.SdkPojo;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * Pagination with one token format for every service. A token is base64url of a version byte, the key of the first
 * item of the next page, and a seal ({@link TokenSeal}) over both and the request's filter members
 * ({@link RequestFilter}). Naming the next item by its key rather than by an offset keeps pages right while items are
 * added or deleted between calls: the next page starts at the first item whose key is at or after the token's.
 * A token that is forged, edited, undecodable, from before a restart or used with other filter members gets the
 * service's own invalid-token error. Page sizes stay each service's to check and word.
 *
 * <p>One pager per service: it is told the names of the service's token and page-size members ("nextToken" and
 * "maxResults" for ECS, "Marker" and "MaxItems" for Lambda, "nextToken" and "limit" for CloudWatch Logs).
 */
public final class Pager {

    private static final byte VERSION = 1;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final RequestFilter filter;
    private final PagingErrors errors;

    public Pager(String tokenMember, String sizeMember, PagingErrors errors) {
        this.filter = new RequestFilter(tokenMember, sizeMember);
        this.errors = errors;
    }

    /**
     * The page of {@code items} the request asks for.
     *
     * @param items in the order of their keys under {@code order}
     * @param key   each item's key, unique in the listing
     * @param size  the page size, already checked by the service
     */
    public <T> Page<T> page(SdkPojo request, List<T> items, Function<? super T, String> key,
                            Comparator<String> order, int size) {
        String startKey = start(request);
        int from = startKey == null ? 0 : firstAtOrAfter(items, key, order, startKey);
        int to = (int) Math.min(items.size(), (long) from + size);
        String next = to < items.size() ? token(request, key.apply(items.get(to))) : null;
        return new Page<>(List.copyOf(items.subList(from, to)), next);
    }

    /** {@link #page} over items in the natural order of their keys. */
    public <T> Page<T> page(SdkPojo request, List<T> items, Function<? super T, String> key, int size) {
        return page(request, items, key, Comparator.naturalOrder(), size);
    }

    /**
     * For listings that walk their own sorted structures: the key the requested page starts at, or null for the
     * first page (no token, or an empty one).
     */
    public String start(SdkPojo request) {
        String token = filter.token(request);
        if (token == null || token.isEmpty()) {
            return null;
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            throw errors.invalidToken(token);
        }
        if (bytes.length <= TokenSeal.TAG_BYTES || bytes[0] != VERSION) {
            throw errors.invalidToken(token);
        }
        byte[] body = Arrays.copyOf(bytes, bytes.length - TokenSeal.TAG_BYTES);
        byte[] tag = Arrays.copyOfRange(bytes, body.length, bytes.length);
        if (!TokenSeal.verifies(filter.context(request), body, tag)) {
            throw errors.invalidToken(token);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body, 1, body.length - 1)).toString();
        } catch (CharacterCodingException e) {
            throw errors.invalidToken(token); // sealed by us, so never; but never a 500 either
        }
    }

    /** The token of the page that starts at {@code nextKey}, for this request's filter members. */
    public String token(SdkPojo request, String nextKey) {
        byte[] keyBytes = nextKey.getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[1 + keyBytes.length];
        body[0] = VERSION;
        System.arraycopy(keyBytes, 0, body, 1, keyBytes.length);
        byte[] tag = TokenSeal.tag(filter.context(request), body);
        byte[] token = Arrays.copyOf(body, body.length + tag.length);
        System.arraycopy(tag, 0, token, body.length, tag.length);
        return ENCODER.encodeToString(token);
    }

    /** The index of the first item whose key is at or after {@code startKey} (a binary search). */
    private static <T> int firstAtOrAfter(List<T> items, Function<? super T, String> key, Comparator<String> order,
                                          String startKey) {
        int low = 0;
        int high = items.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (order.compare(key.apply(items.get(mid)), startKey) < 0) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }
}
