package dev.hangar.ssm;

import dev.hangar.testsupport.junit.HangarExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.DeleteParametersResponse;
import software.amazon.awssdk.services.ssm.model.InvalidResourceIdException;
import software.amazon.awssdk.services.ssm.model.InvalidResourceTypeException;
import software.amazon.awssdk.services.ssm.model.ParameterNotFoundException;
import software.amazon.awssdk.services.ssm.model.ResourceTypeForTagging;
import software.amazon.awssdk.services.ssm.model.Tag;
import software.amazon.awssdk.services.ssm.model.TooManyTagsErrorException;
import software.amazon.awssdk.services.ssm.model.ValidationException;

import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tags on parameters and DeleteParameter(s), with the real SsmClient. */
class TagsAndDeleteTest {

    @RegisterExtension
    static final HangarExtension hangar = HangarExtension.builder().service(SsmService::new).resetBetweenTests()
            .build();
    static SsmClient ssm;

    @BeforeAll
    static void client() {
        ssm = hangar.client(SsmClient.class);
    }

    private static List<Tag> tags(String name) {
        return ssm.listTagsForResource(b -> b.resourceType(ResourceTypeForTagging.PARAMETER).resourceId(name))
                .tagList();
    }

    @Test
    void tagsAreAddedListedAndRemoved() {
        ssm.putParameter(b -> b.name("/t/p").value("v").type("String").tags(t -> t.key("env").value("dev")));
        assertEquals(List.of(Tag.builder().key("env").value("dev").build()), tags("/t/p"));

        ssm.addTagsToResource(b -> b.resourceType("Parameter").resourceId("/t/p")
                .tags(Tag.builder().key("env").value("prod").build(), Tag.builder().key("team").value("a").build()));
        assertEquals(List.of(Tag.builder().key("env").value("prod").build(),
                Tag.builder().key("team").value("a").build()), tags("/t/p"));

        ssm.removeTagsFromResource(b -> b.resourceType("Parameter").resourceId("/t/p").tagKeys("env", "absent"));
        assertEquals(List.of(Tag.builder().key("team").value("a").build()), tags("/t/p"));

        // tags belong to the parameter, not to a version
        ssm.putParameter(b -> b.name("/t/p").value("w").overwrite(true));
        assertEquals(1, tags("/t/p").size());
    }

    @Test
    void tagErrorsAreAwsShaped() {
        ssm.putParameter(b -> b.name("/t/q").value("v").type("String"));
        assertThrows(InvalidResourceIdException.class, () -> tags("/t/none"));
        assertThrows(InvalidResourceIdException.class, () -> ssm.listTagsForResource(b -> b
                .resourceType(ResourceTypeForTagging.DOCUMENT).resourceId("/t/q")));
        InvalidResourceTypeException type = assertThrows(InvalidResourceTypeException.class,
                () -> ssm.listTagsForResource(b -> b.resourceType("Bucket").resourceId("/t/q")));
        assertEquals("InvalidResourceType", type.awsErrorDetails().errorCode());

        List<Tag> fifty = IntStream.range(0, 50).mapToObj(i -> Tag.builder().key("k" + i).value("v").build())
                .toList();
        ssm.addTagsToResource(b -> b.resourceType("Parameter").resourceId("/t/q").tags(fifty));
        assertThrows(TooManyTagsErrorException.class, () -> ssm.addTagsToResource(b -> b.resourceType("Parameter")
                .resourceId("/t/q").tags(Tag.builder().key("one-more").value("v").build())));
        assertEquals(50, tags("/t/q").size());

        ValidationException badKey = assertThrows(ValidationException.class, () -> ssm.addTagsToResource(b -> b
                .resourceType("Parameter").resourceId("/t/q").tags(Tag.builder().key("bad*key").value("v").build())));
        assertTrue(badKey.getMessage().startsWith("1 validation error detected: Value 'bad*key' at "
                + "'tags.1.member.key' failed to satisfy constraint: Member must satisfy regular expression "
                + "pattern"), badKey.getMessage());
    }

    @Test
    void deleteOneAndMany() {
        ssm.putParameter(b -> b.name("/d/one").value("v").type("String").tags(t -> t.key("a").value("b")));
        ssm.deleteParameter(b -> b.name("/d/one"));
        assertThrows(ParameterNotFoundException.class, () -> ssm.getParameter(b -> b.name("/d/one")));
        ParameterNotFoundException again = assertThrows(ParameterNotFoundException.class,
                () -> ssm.deleteParameter(b -> b.name("/d/one")));
        assertEquals("Parameter /d/one not found.", again.awsErrorDetails().errorMessage());

        // a parameter made again under a deleted name starts over: version 1, no tags, no history
        ssm.putParameter(b -> b.name("/d/one").value("again").type("String"));
        assertEquals(1L, ssm.getParameter(b -> b.name("/d/one")).parameter().version());
        assertEquals(List.of(), tags("/d/one"));
        assertEquals(1, ssm.getParameterHistory(b -> b.name("/d/one")).parameters().size());

        ssm.putParameter(b -> b.name("/d/two").value("v").type("String"));
        DeleteParametersResponse many = ssm.deleteParameters(b -> b.names("/d/one", "/d/two", "/d/three"));
        assertEquals(List.of("/d/one", "/d/two"), many.deletedParameters());
        assertEquals(List.of("/d/three"), many.invalidParameters());
        assertTrue(ssm.describeParameters(b -> b.build()).parameters().isEmpty());
    }
}
