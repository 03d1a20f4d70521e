package dev.hangar.core.resource;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The three shapes the SDKs give tags in: {key, value} (ECS), {Key, Value} (App Runner, IAM ...) and a map. */
class SdkTagsTest {

    private static final Map<String, String> TAGS = new LinkedHashMap<>();

    static {
        TAGS.put("team", "core");
        TAGS.put("tier", "");
    }

    @Test
    void lowerCaseMembers() {
        List<software.amazon.awssdk.services.ecs.model.Tag> ecs =
                SdkTags.toList(TAGS, software.amazon.awssdk.services.ecs.model.Tag.class);
        assertEquals(List.of(software.amazon.awssdk.services.ecs.model.Tag.builder().key("team").value("core").build(),
                software.amazon.awssdk.services.ecs.model.Tag.builder().key("tier").value("").build()), ecs);
        assertEquals(TAGS, SdkTags.toMap(ecs));
        assertEquals(Map.of("k", ""), SdkTags.toMap(List.of(software.amazon.awssdk.services.ecs.model.Tag.builder()
                .key("k").build())), "ECS's value is optional");
    }

    @Test
    void capitalisedMembers() {
        List<software.amazon.awssdk.services.apprunner.model.Tag> appRunner =
                SdkTags.toList(TAGS, software.amazon.awssdk.services.apprunner.model.Tag.class);
        assertEquals("team", appRunner.get(0).key());
        assertEquals("core", appRunner.get(0).value());
        assertEquals(TAGS, SdkTags.toMap(appRunner));
    }

    @Test
    void listsKeepOrderAndTheLaterOfTwoEqualKeys() {
        var a = software.amazon.awssdk.services.ecs.model.Tag.builder().key("a").value("1").build();
        var b = software.amazon.awssdk.services.ecs.model.Tag.builder().key("b").value("2").build();
        var a2 = software.amazon.awssdk.services.ecs.model.Tag.builder().key("a").value("3").build();
        TagRequest request = TagRequest.ofList(List.of(a, b, a2));
        assertEquals(3, request.size(), "the request's own count, for the per-request limit");
        assertEquals(List.of("a", "b"), List.copyOf(request.asMap().keySet()));
        assertEquals("3", request.asMap().get("a"));
    }

    @Test
    void storedTagsComeOutInEitherShape() {
        ResourceTags stored = new ResourceTags();
        stored.add(TagRequest.of(TAGS), ResourceTagsTest.ERRORS);
        assertEquals(TAGS, stored.asMap());
        assertEquals("tier", stored.asList(software.amazon.awssdk.services.apprunner.model.Tag.class).get(1).key());
    }

    @Test
    void classesWithoutKeyAndValueAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> SdkTags.toList(TAGS,
                software.amazon.awssdk.services.ecs.model.KeyValuePair.class));
    }
}
