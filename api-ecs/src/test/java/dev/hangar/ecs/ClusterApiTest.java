package dev.hangar.ecs;

import dev.hangar.testsupport.junit.HangarExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Cluster;
import software.amazon.awssdk.services.ecs.model.ClusterField;
import software.amazon.awssdk.services.ecs.model.ClusterNotFoundException;
import software.amazon.awssdk.services.ecs.model.DescribeClustersResponse;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.ListClustersResponse;
import software.amazon.awssdk.services.ecs.model.Tag;

import java.util.ArrayList;
import java.util.List;

import static dev.hangar.ecs.EcsTestData.message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClusterApiTest {

    @RegisterExtension
    static final HangarExtension hangar = HangarExtension.builder().service(EcsService::new).fakeRuntime().build();
    static EcsClient client;

    @BeforeAll
    static void client() {
        client = hangar.client(EcsClient.class);
    }

    @Test
    void createDescribeListDelete() {
        Cluster created = client.createCluster(b -> b.clusterName("alpha")
                .tags(Tag.builder().key("team").value("core").build())).cluster();
        assertEquals("arn:aws:ecs:us-east-1:000000000000:cluster/alpha", created.clusterArn());
        assertEquals("ACTIVE", created.status());
        assertEquals(0, created.runningTasksCount());
        assertEquals(0, created.pendingTasksCount());
        assertEquals(0, created.activeServicesCount());

        // creating an existing cluster answers it again, as AWS does
        assertEquals(created.clusterArn(), client.createCluster(b -> b.clusterName("alpha")).cluster().clusterArn());

        DescribeClustersResponse described = client.describeClusters(b -> b
                .clusters("alpha", created.clusterArn(), "nope").include(ClusterField.TAGS));
        assertEquals(2, described.clusters().size());
        assertEquals("core", described.clusters().get(0).tags().get(0).value());
        assertEquals(1, described.failures().size());
        assertEquals("arn:aws:ecs:us-east-1:000000000000:cluster/nope", described.failures().get(0).arn());
        assertEquals("MISSING", described.failures().get(0).reason());
        assertTrue(client.describeClusters(b -> b.clusters("alpha")).clusters().get(0).tags().isEmpty(),
                "tags only with include TAGS");

        assertTrue(client.listClusters().clusterArns().contains(created.clusterArn()));

        Cluster deleted = client.deleteCluster(b -> b.cluster("alpha")).cluster();
        assertEquals("INACTIVE", deleted.status());
        assertFalse(client.listClusters().clusterArns().contains(created.clusterArn()));
        assertEquals("INACTIVE", client.describeClusters(b -> b.clusters("alpha")).clusters().get(0).status());

        ClusterNotFoundException again = assertThrows(ClusterNotFoundException.class,
                () -> client.deleteCluster(b -> b.cluster("alpha")));
        assertEquals("Cluster not found.", message(again));
    }

    @Test
    void omittedClusterMeansDefaultWhichMustExist() {
        ClusterNotFoundException e = assertThrows(ClusterNotFoundException.class,
                () -> client.listTasks(b -> b.family("x")));
        assertEquals("Cluster not found.", message(e));
        DescribeClustersResponse none = client.describeClusters(b -> { });
        assertEquals("MISSING", none.failures().get(0).reason());

        Cluster created = client.createCluster(b -> { }).cluster();
        assertEquals("default", created.clusterName());
        assertEquals(0, client.listTasks(b -> { }).taskArns().size());
        client.deleteCluster(b -> b.cluster("default"));
    }

    @Test
    void listClustersPaginates() {
        for (int i = 0; i < 5; i++) {
            int n = i;
            client.createCluster(b -> b.clusterName("page-" + n));
        }
        List<String> seen = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            String t = token;
            ListClustersResponse page = client.listClusters(b -> b.maxResults(2).nextToken(t));
            seen.addAll(page.clusterArns());
            token = page.nextToken();
            pages++;
        } while (token != null);
        assertTrue(pages >= 3);
        for (int i = 0; i < 5; i++) {
            assertTrue(seen.contains("arn:aws:ecs:us-east-1:000000000000:cluster/page-" + i));
        }
        assertThrows(InvalidParameterException.class, () -> client.listClusters(b -> b.nextToken("garbage!")));
    }

    @Test
    void rejectsBadNames() {
        assertThrows(InvalidParameterException.class, () -> client.createCluster(b -> b.clusterName("bad name")));
    }

    @Test
    void clusterTags() {
        String arn = client.createCluster(b -> b.clusterName("tagged")).cluster().clusterArn();
        client.tagResource(b -> b.resourceArn(arn).tags(Tag.builder().key("a").value("1").build(),
                Tag.builder().key("b").value("2").build()));
        assertEquals(2, client.listTagsForResource(b -> b.resourceArn(arn)).tags().size());
        client.untagResource(b -> b.resourceArn(arn).tagKeys("a"));
        List<Tag> tags = client.listTagsForResource(b -> b.resourceArn(arn)).tags();
        assertEquals(List.of(Tag.builder().key("b").value("2").build()), tags);
        assertThrows(ClusterNotFoundException.class, () -> client.listTagsForResource(b -> b
                .resourceArn("arn:aws:ecs:us-east-1:000000000000:cluster/none")));
        assertTrue(client.createCluster(b -> b.clusterName("untagged")).cluster().tags().isEmpty());
    }
}
