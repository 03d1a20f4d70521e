package dev.hangar.ecs;

import dev.hangar.testsupport.Pages;
import dev.hangar.testsupport.junit.HangarExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.ListTaskDefinitionsResponse;
import software.amazon.awssdk.services.ecs.model.SortOrder;
import software.amazon.awssdk.services.ecs.model.Tag;

import java.util.ArrayList;
import java.util.List;

import static dev.hangar.ecs.EcsTestData.BUSYBOX;
import static dev.hangar.ecs.EcsTestData.container;
import static dev.hangar.ecs.EcsTestData.message;
import static dev.hangar.ecs.EcsTestData.register;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** ECS on the resource kit: page tokens bound to their request's filters, and AWS's tag rules with ECS's errors. */
class PagingAndTagsApiTest {

    @RegisterExtension
    static final HangarExtension hangar = HangarExtension.builder().service(EcsService::new).fakeRuntime().build();
    static EcsClient client;

    @BeforeAll
    static void client() {
        client = hangar.client(EcsClient.class);
    }

    private static final String ARN = "arn:aws:ecs:us-east-1:000000000000:task-definition/";

    @Test
    void aTokenUsedWithAnotherFilterOrEditedIsInvalid() {
        for (int i = 0; i < 3; i++) {
            register(client, "paged-a", container("app", BUSYBOX));
            register(client, "paged-b", container("app", BUSYBOX));
        }
        String token = client.listTaskDefinitions(b -> b.familyPrefix("paged-a").maxResults(1)).nextToken();
        InvalidParameterException other = assertThrows(InvalidParameterException.class,
                () -> client.listTaskDefinitions(b -> b.familyPrefix("paged-b").maxResults(1).nextToken(token)));
        assertEquals("Invalid nextToken.", message(other));
        assertThrows(InvalidParameterException.class, () -> client.listTaskDefinitions(b -> b.familyPrefix("paged-a")
                .sort(SortOrder.DESC).nextToken(token)), "sort is part of the listing");
        assertThrows(InvalidParameterException.class, () -> client.listClusters(b -> b.nextToken(token)),
                "another operation's token");
        String edited = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");
        assertThrows(InvalidParameterException.class, () -> client.listTaskDefinitions(b -> b
                .familyPrefix("paged-a").nextToken(edited)));
        // the page size may change between pages
        assertEquals(List.of(ARN + "paged-a:2", ARN + "paged-a:3"), client.listTaskDefinitions(b -> b
                .familyPrefix("paged-a").maxResults(5).nextToken(token)).taskDefinitionArns());
    }

    @Test
    void pagesStayRightWhenTheNextItemIsDeletedMeanwhile() {
        for (int i = 0; i < 4; i++) {
            register(client, "shrinking", container("app", BUSYBOX));
        }
        ListTaskDefinitionsResponse first = client.listTaskDefinitions(b -> b.familyPrefix("shrinking").maxResults(2));
        assertEquals(List.of(ARN + "shrinking:1", ARN + "shrinking:2"), first.taskDefinitionArns());
        client.deregisterTaskDefinition(b -> b.taskDefinition("shrinking:3"));
        List<String> rest = Pages.after(first.nextToken(), t -> client.listTaskDefinitions(b -> b
                .familyPrefix("shrinking").maxResults(2).nextToken(t)), ListTaskDefinitionsResponse::nextToken,
                ListTaskDefinitionsResponse::taskDefinitionArns);
        assertEquals(List.of(ARN + "shrinking:4"), rest, "an offset would have skipped revision 4");
    }

    @Test
    void tagCharactersAreCheckedWithAwsText() {
        String arn = client.createCluster(b -> b.clusterName("tag-rules")).cluster().clusterArn();
        InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> client.tagResource(b -> b
                .resourceArn(arn).tags(Tag.builder().key("a,b").value("v").build())));
        assertEquals("Some tags contain invalid characters. Valid characters: UTF-8 letters, spaces, numbers and"
                + " _ . / = + - : @.", message(e));
        assertThrows(InvalidParameterException.class, () -> client.tagResource(b -> b.resourceArn(arn)
                .tags(Tag.builder().key("AWS:x").value("v").build())));
        List<Tag> fifty = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            fifty.add(Tag.builder().key("k" + i).value("v").build());
        }
        client.tagResource(b -> b.resourceArn(arn).tags(fifty));
        client.tagResource(b -> b.resourceArn(arn).tags(Tag.builder().key("k0").value("again").build()));
        assertEquals("Too many tags: a resource can have at most 50 tags.", message(assertThrows(
                InvalidParameterException.class, () -> client.tagResource(b -> b.resourceArn(arn)
                        .tags(Tag.builder().key("k50").value("v").build())))));
        assertEquals(50, client.listTagsForResource(b -> b.resourceArn(arn)).tags().size());
    }
}
