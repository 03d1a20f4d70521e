package dev.hangar.core.resource;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.ListClustersRequest;
import software.amazon.awssdk.services.ecs.model.ListTasksRequest;
import software.amazon.awssdk.services.lambda.model.ListFunctionsRequest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PagerTest {

    /** Stands in for a service's own invalid-token error. */
    static final class InvalidToken extends RuntimeException {
        InvalidToken(String token) {
            super("invalid: " + token);
        }
    }

    private static final Pager PAGER = new Pager("nextToken", "maxResults", InvalidToken::new);
    private static final Function<String, String> SELF = s -> s;

    private static List<String> names(int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(String.format("item-%02d", i));
        }
        return out;
    }

    private static ListTasksRequest tasks(String family, String token) {
        return ListTasksRequest.builder().cluster("c").family(family).nextToken(token).build();
    }

    @Test
    void pagesWalkEveryItemOnceAndEndWithoutAToken() {
        List<String> all = names(7);
        List<String> seen = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            Page<String> page = PAGER.page(tasks("f", token), all, SELF, 3);
            assertTrue(page.items().size() <= 3);
            seen.addAll(page.items());
            token = page.nextToken();
            pages++;
        } while (token != null);
        assertEquals(all, seen);
        assertEquals(3, pages);
        Page<String> exact = PAGER.page(tasks("f", null), all, SELF, 7);
        assertEquals(all, exact.items());
        assertNull(exact.nextToken(), "no token when nothing follows");
        assertEquals(List.of(), PAGER.page(tasks("f", null), List.<String>of(), SELF, 5).items());
    }

    @Test
    void anEmptyTokenIsTheFirstPage() {
        assertEquals(names(2), PAGER.page(tasks("f", ""), names(5), SELF, 2).items());
    }

    @Test
    void itemsDeletedOrAddedBetweenPagesDoNotShiftThePage() {
        List<String> all = new ArrayList<>(names(6));
        Page<String> first = PAGER.page(tasks("f", null), all, SELF, 2);
        assertEquals(List.of("item-00", "item-01"), first.items());
        all.remove("item-00");
        all.add(0, "item-000");
        Page<String> second = PAGER.page(tasks("f", first.nextToken()), all, SELF, 2);
        assertEquals(List.of("item-02", "item-03"), second.items(), "starts at the item the token names");

        all.remove("item-04");
        Page<String> third = PAGER.page(tasks("f", second.nextToken()), all, SELF, 2);
        assertEquals(List.of("item-05"), third.items(), "the named item is gone: the next one after it");
        assertNull(third.nextToken());

        all.clear();
        assertEquals(List.of(), PAGER.page(tasks("f", second.nextToken()), all, SELF, 2).items());
    }

    @Test
    void descendingListingsPageWithTheReversedOrder() {
        List<String> all = new ArrayList<>(names(5));
        java.util.Collections.reverse(all);
        Page<String> first = PAGER.page(tasks("f", null), all, SELF, Comparator.<String>naturalOrder().reversed(), 2);
        all.remove("item-02");
        Page<String> second = PAGER.page(tasks("f", first.nextToken()), all, SELF,
                Comparator.<String>naturalOrder().reversed(), 2);
        assertEquals(List.of("item-01", "item-00"), second.items());
    }

    @Test
    void aTokenIsBoundToTheFilterMembersButNotToThePageSize() {
        String token = PAGER.page(tasks("f", null), names(5), SELF, 2).nextToken();
        assertThrows(InvalidToken.class, () -> PAGER.page(tasks("other", token), names(5), SELF, 2));
        assertThrows(InvalidToken.class, () -> PAGER.page(tasks(null, token), names(5), SELF, 2));
        assertThrows(InvalidToken.class, () -> PAGER.page(ListTasksRequest.builder().cluster("c").family("f")
                .startedBy("me").nextToken(token).build(), names(5), SELF, 2));
        ListTasksRequest otherSize = ListTasksRequest.builder().cluster("c").family("f").maxResults(3)
                .nextToken(token).build();
        assertEquals(List.of("item-02", "item-03", "item-04"), PAGER.page(otherSize, names(5), SELF, 3).items());
        assertThrows(InvalidToken.class, () -> PAGER.page(ListClustersRequest.builder().nextToken(token).build(),
                names(5), SELF, 2), "another operation's token");
    }

    @Test
    void forgedEditedAndForeignTokensAreRefusedWithTheServicesError() {
        String token = PAGER.page(tasks("f", null), names(5), SELF, 2).nextToken();
        for (String bad : List.of("garbage!", "hangar:2", "AAAA", token.substring(1), token + "A",
                Base64.getUrlEncoder().withoutPadding().encodeToString("\u0001item-03".getBytes(StandardCharsets.UTF_8)),
                edited(token))) {
            InvalidToken e = assertThrows(InvalidToken.class, () -> PAGER.page(tasks("f", bad), names(5), SELF, 2),
                    bad);
            assertEquals("invalid: " + bad, e.getMessage(), "the service's error gets the token as sent");
        }
    }

    /** The token with one bit of its key flipped: same length, same version, a seal that no longer fits. */
    private static String edited(String token) {
        byte[] bytes = Base64.getUrlDecoder().decode(token);
        bytes[3] ^= 1;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Test
    void tokensAreStableSoARepeatedRequestGetsTheSameOne() {
        String a = PAGER.page(tasks("f", null), names(5), SELF, 2).nextToken();
        String b = PAGER.page(tasks("f", null), names(5), SELF, 2).nextToken();
        assertEquals(a, b);
        assertNotEquals(a, PAGER.page(tasks("g", null), names(5), SELF, 2).nextToken(), "bound to the filter");
    }

    @Test
    void eachServiceNamesItsOwnTokenMember() {
        Pager lambda = new Pager("Marker", "MaxItems", InvalidToken::new);
        String marker = lambda.page(ListFunctionsRequest.builder().build(), names(3), SELF, 1).nextToken();
        assertEquals(List.of("item-01"), lambda.page(ListFunctionsRequest.builder().marker(marker).maxItems(1)
                .build(), names(3), SELF, 1).items());
        assertThrows(InvalidToken.class, () -> lambda.page(ListFunctionsRequest.builder().marker(marker)
                .functionVersion("ALL").build(), names(3), SELF, 1));
        assertThrows(IllegalArgumentException.class, () -> new Pager("Marker", "MaxItems", InvalidToken::new)
                .page(ListClustersRequest.builder().build(), names(3), SELF, 1), "a request without that member");
    }

    @Test
    void walkersOfTheirOwnStructuresGetTheStartKey() {
        String token = PAGER.token(tasks("f", null), "k\u0000é");
        assertEquals("k\u0000é", PAGER.start(tasks("f", token)));
        assertNull(PAGER.start(tasks("f", null)));
    }

    @Test
    void numberKeysSortAsTheNumbers() {
        List<Long> numbers = List.of(Long.MIN_VALUE, -5L, -1L, 0L, 1L, 9L, 10L, 255L, Long.MAX_VALUE);
        for (int i = 1; i < numbers.size(); i++) {
            assertTrue(PageKeys.number(numbers.get(i - 1)).compareTo(PageKeys.number(numbers.get(i))) < 0,
                    numbers.get(i - 1) + " < " + numbers.get(i));
        }
        assertTrue(PageKeys.of("a", "9").compareTo(PageKeys.of("a-b", "1")) < 0);
    }
}
