package dev.hangar.ecs;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** ECS's maxResults/nextToken pagination over an already ordered list; tokens are opaque offsets. */
record Paging<T>(List<T> items, String nextToken) {

    static <T> Paging<T> page(List<T> all, Integer maxResults, String nextToken, int defaultMax) {
        int max = maxResults == null ? defaultMax : maxResults;
        if (max < 1 || max > 100) {
            throw EcsErrors.invalidParameter("maxResults must be between 1 and 100.");
        }
        int from = decode(nextToken);
        if (from > all.size()) {
            from = all.size();
        }
        int to = Math.min(all.size(), from + max);
        String next = to < all.size() ? encode(to) : null;
        return new Paging<>(List.copyOf(all.subList(from, to)), next);
    }

    private static String encode(int offset) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("hangar:" + offset).getBytes(StandardCharsets.UTF_8));
    }

    private static int decode(String token) {
        if (token == null || token.isEmpty()) {
            return 0;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (text.startsWith("hangar:")) {
                int offset = Integer.parseInt(text.substring("hangar:".length()));
                if (offset >= 0) {
                    return offset;
                }
            }
        } catch (IllegalArgumentException e) {
            // falls through to the error below
        }
        throw EcsErrors.invalidParameter("Invalid nextToken.");
    }
}
