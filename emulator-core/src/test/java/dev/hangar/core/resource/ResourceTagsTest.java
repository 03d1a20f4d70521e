package dev.hangar.core.resource;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResourceTagsTest {

    /** Records which of the three answers the kit asked for. */
    static final class Refused extends RuntimeException {
        final String kind;
        final Set<TagRule> broken;

        Refused(String kind, Set<TagRule> broken) {
            super(kind + " " + broken);
            this.kind = kind;
            this.broken = broken;
        }
    }

    static final TagErrors ERRORS = TagErrors.of((request, broken) -> new Refused("invalid", broken),
            key -> new Refused("reserved " + key, Set.of()), request -> new Refused("tooMany", Set.of()));

    private static Map<String, String> many(int n, String prefix) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            out.put(prefix + i, "v");
        }
        return out;
    }

    private static Refused refused(Map<String, String> tags) {
        return assertThrows(Refused.class, () -> new ResourceTags().add(TagRequest.of(tags), ERRORS));
    }

    @Test
    void keepsInsertionOrderAndReplacesInPlace() {
        ResourceTags tags = new ResourceTags();
        tags.add(TagRequest.of(Map.of("b", "1")), ERRORS);
        tags.add(TagRequest.of(new LinkedHashMap<>(Map.of("a", "2"))), ERRORS);
        tags.add(TagRequest.of(Map.of("b", "3")), ERRORS);
        assertEquals(List.of("b", "a"), List.copyOf(tags.asMap().keySet()));
        assertEquals("3", tags.asMap().get("b"));
        tags.remove(List.of("b", "missing"));
        assertEquals(Map.of("a", "2"), tags.asMap());
    }

    @Test
    void fiftyUserTagsPerResourceCountingExistingOnes() {
        ResourceTags tags = new ResourceTags();
        tags.add(TagRequest.of(many(50, "k")), ERRORS);
        tags.add(TagRequest.of(Map.of("k1", "replaced")), ERRORS);
        assertEquals("replaced", tags.asMap().get("k1"), "replacing a key at the limit is fine");
        Refused e = assertThrows(Refused.class, () -> tags.add(TagRequest.of(Map.of("new", "x")), ERRORS));
        assertEquals("tooMany", e.kind);
        assertEquals(50, tags.size(), "nothing of a refused request is stored");

        ResourceTags copied = new ResourceTags();
        copied.copy(Map.of("aws:ecs:cluster", "c"));
        copied.add(TagRequest.of(many(50, "k")), ERRORS);
        assertEquals(51, copied.size(), "tags in the reserved prefix do not count towards the 50");
    }

    @Test
    void modelRulesAreReportedTogether() {
        assertEquals(Set.of(TagRule.TOO_MANY_IN_REQUEST), refused(many(51, "k")).broken);
        assertEquals(Set.of(TagRule.KEY_LENGTH), refused(Map.of("", "v")).broken);
        assertEquals(Set.of(TagRule.KEY_LENGTH), refused(Map.of("k".repeat(129), "v")).broken);
        assertEquals(Set.of(TagRule.VALUE_LENGTH), refused(Map.of("k", "v".repeat(257))).broken);
        assertEquals(Set.of(TagRule.KEY_CHARACTERS, TagRule.VALUE_CHARACTERS), refused(Map.of("a,b", "c;d")).broken);
        assertEquals(Set.of(TagRule.KEY_LENGTH, TagRule.VALUE_CHARACTERS),
                refused(Map.of("k".repeat(200), "<x>")).broken);
        new ResourceTags().add(TagRequest.of(Map.of("k".repeat(128), "v".repeat(256))), ERRORS);
        new ResourceTags().add(TagRequest.of(Map.of("Ünïcødé 名前 _.:/=+-@ 42", "")), ERRORS);
        // 128 Unicode characters, each two UTF-16 chars: the limit counts characters
        new ResourceTags().add(TagRequest.of(Map.of("𝒜".repeat(128), "ok")), ERRORS);
        assertEquals(Set.of(TagRule.KEY_CHARACTERS), refused(Map.of("😀", "v")).broken, "an emoji is no letter");
    }

    @Test
    void aServiceWhoseModelSetsNoCountAnswersTooManyForALongRequest() {
        TagErrors uncounted = TagErrors.withoutRequestLimit((request, broken) -> new Refused("invalid", broken),
                key -> new Refused("reserved", Set.of()), request -> new Refused("tooMany", Set.of()));
        assertEquals("tooMany", assertThrows(Refused.class, () -> new ResourceTags().add(TagRequest.of(many(51, "k")),
                uncounted)).kind);
        assertEquals("tooMany", assertThrows(Refused.class, () -> TagRules.checkOnCreate(TagRequest.of(many(51, "k")),
                uncounted)).kind);
        TagRules.check(TagRequest.of(many(51, "k")), uncounted); // alone, it leaves the count to the resource
    }

    @Test
    void theAwsPrefixIsReservedInAnyCase() {
        for (String key : List.of("aws:x", "AWS:x", "Aws:cloudformation:stack")) {
            assertEquals("reserved " + key, refused(Map.of(key, "v")).kind);
        }
        new ResourceTags().add(TagRequest.of(Map.of("awsome", "v", "x", "aws:ok as a value")), ERRORS);
        assertEquals("invalid", refused(Map.of("aws:x", "v".repeat(300))).kind, "model rules come first");
    }

    @Test
    void mapMembersAreWordedAsAwsFrontEndWordsThem() {
        TagRequest request = TagRequest.of(new LinkedHashMap<>(Map.of("bad,key", "v")));
        RuntimeException e = TagRules.modelValidation(request, TagRules.broken(request), "tags",
                RuntimeException::new);
        assertEquals("1 validation error detected: Value '{bad,key=v}' at 'tags' failed to satisfy constraint: "
                + "Map keys must satisfy constraint: [Member must have length less than or equal to 128, Member must "
                + "have length greater than or equal to 1, Member must satisfy regular expression pattern: "
                + "^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+)$]", e.getMessage());
        TagRequest values = TagRequest.of(Map.of("k", "v,"));
        assertEquals("1 validation error detected: Value '{k=v,}' at 'tags' failed to satisfy constraint: Map value "
                + "must satisfy constraint: [Member must have length less than or equal to 256, Member must have "
                + "length greater than or equal to 0, Member must satisfy regular expression pattern: "
                + "^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$]", TagRules.modelValidation(values, TagRules.broken(values),
                "tags", RuntimeException::new).getMessage());
        TagRequest tooMany = TagRequest.of(many(51, "k"));
        assertTrue(TagRules.modelValidation(tooMany, TagRules.broken(tooMany), "tags", RuntimeException::new)
                .getMessage().endsWith("at 'tags' failed to satisfy constraint: Member must have length less than or "
                        + "equal to 50"));
    }
}
