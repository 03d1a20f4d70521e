package dev.hangar.lambda;

import dev.hangar.core.service.AwsErrors;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * Lambda's Marker/MaxItems pagination. The marker names the first item of the next page (opaque to callers, as
 * AWS's are), so a page stays correct when items before it are deleted meanwhile.
 */
record Paging<T>(List<T> items, String nextMarker) {

    static final int DEFAULT_MAX_ITEMS = 50;

    static <T> Paging<T> page(List<T> all, Function<T, String> key, String marker, Integer maxItems) {
        if (maxItems != null && (maxItems < 1 || maxItems > 10000)) {
            throw AwsErrors.validation("1 validation error detected: Value '" + maxItems + "' at 'maxItems' failed to "
                    + "satisfy constraint: Member must have value " + (maxItems < 1
                    ? "greater than or equal to 1" : "less than or equal to 10000"));
        }
        int size = maxItems == null ? DEFAULT_MAX_ITEMS : maxItems;
        int start = 0;
        if (marker != null && !marker.isEmpty()) {
            String first;
            try {
                first = new String(Base64.getUrlDecoder().decode(marker), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw LambdaErrors.invalidParameter("Invalid marker: " + marker);
            }
            start = all.size();
            for (int i = 0; i < all.size(); i++) {
                if (key.apply(all.get(i)).compareTo(first) >= 0) {
                    start = i;
                    break;
                }
            }
        }
        int end = Math.min(all.size(), start + size);
        String next = end < all.size() ? Base64.getUrlEncoder().withoutPadding()
                .encodeToString(key.apply(all.get(end)).getBytes(StandardCharsets.UTF_8)) : null;
        return new Paging<>(all.subList(start, end), next);
    }
}
