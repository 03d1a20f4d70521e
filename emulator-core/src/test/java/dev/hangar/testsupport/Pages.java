package dev.hangar.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Walks a listing's pages the way SDK paginators do, for tests that check what a token leads to. */
public final class Pages {

    private Pages() {
    }

    /**
     * Every item of the pages that follow {@code token}, asking until a page comes without a next token.
     *
     * @param call      the listing request with the given token
     * @param nextToken the response's next token (null on the last page)
     */
    public static <R, T> List<T> after(String token, Function<String, R> call, Function<R, String> nextToken,
                                       Function<R, List<T>> items) {
        List<T> out = new ArrayList<>();
        String next = token;
        while (next != null) {
            R page = call.apply(next);
            out.addAll(items.apply(page));
            next = nextToken.apply(page);
        }
        return out;
    }
}
