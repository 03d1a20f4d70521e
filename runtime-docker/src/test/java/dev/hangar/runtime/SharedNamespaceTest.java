package dev.hangar.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hangar's pause image, a user-defined network with a fixed address, containers joining another's namespace (and
 * the owner's published ports reported to them), a second network joined after create, details and stats.
 */
class SharedNamespaceTest {

    private static RuntimeFixture fx;
    private static final String NETWORK = "hangar-test-ns";

    @BeforeAll
    static void connect() {
        fx = new RuntimeFixture();
    }

    @AfterAll
    static void cleanUp() {
        fx.close();
        fx.runtime.close();
        // the network is no longer used: the next start's reaping would remove it; this test does at once
        try (RuntimeFixture other = new RuntimeFixture()) {
            other.runtime.reapOrphans();
        }
    }

    @Test
    void thePauseImageIsATinyProgramThatWaitsForever() {
        byte[] elf = PauseImage.elf("x86_64");
        assertEquals(129, elf.length);
        assertEquals(148, PauseImage.elf("aarch64").length);
        assertEquals(2048, PauseImage.layer("amd64").length, "one 512-byte header, one block, the end");
    }

    @Test
    void aJoinerSharesTheOwnersNamespaceAndPorts() throws Exception {
        NetworkSpec made = fx.runtime.ensureNetwork(new NetworkSpec(NETWORK, "10.213.0.0/16", "10.213.0.1",
                Map.of()));
        assertEquals("10.213.0.0/16", made.subnet());
        assertEquals("10.213.0.1", made.gateway());
        assertEquals(made, fx.runtime.ensureNetwork(new NetworkSpec(NETWORK, "10.213.0.0/16", "10.213.0.1", Map.of())));

        String pause = fx.runtime.pauseImage();
        ContainerHandle owner = fx.run(ContainerSpec.builder(pause).entrypoint(List.of("/pause")).init(false)
                .networkMode(NETWORK).ipv4Address("10.213.3.7")
                .ports(List.of(ContainerSpec.PortMapping.tcp(8080, 0))));
        ContainerHandle web = fx.run(ContainerSpec.builder(TestImages.WEB).networkMode("container:" + owner.id())
                .ports(List.of(ContainerSpec.PortMapping.tcp(8080, 0))));
        // reached on the owner's loopback by a third container of the namespace
        ContainerHandle client = fx.run(RuntimeFixture.busybox("sh", "-c",
                "timeout 20 sh -c 'until printf \"GET / HTTP/1.0\\r\\n\\r\\n\" | nc 127.0.0.1 8080 | grep -q web;"
                        + " do sleep 0.1; done'").networkMode("container:" + owner.id()));
        ContainerEvent died = fx.awaitEvent(client.id(), ContainerEvent.Type.DIE, Duration.ofSeconds(30));
        assertEquals(0, died.exitCode());

        ContainerState ownerState = fx.runtime.inspect(owner.id());
        ContainerState webState = fx.runtime.inspect(web.id());
        assertEquals(ownerState.publishedPorts(), webState.publishedPorts(), "the joiner's port, as the owner has it");
        assertEquals(List.of(), fx.runtime.inspect(client.id()).publishedPorts(), "asked for none");

        ContainerDetails details = fx.runtime.details(owner.id());
        assertEquals("10.213.3.7", details.networks().get(NETWORK).ipv4Address());
        assertEquals(16, details.networks().get(NETWORK).prefixLength());
        assertTrue(details.imageId().startsWith("sha256:"), details.imageId());
        assertEquals(pause, details.image());
        assertTrue(details.createdAt() != null && details.startedAt() != null);

        JsonNode stats = new ObjectMapper().readTree(fx.runtime.statsJson(owner.id()));
        assertTrue(stats.has("memory_stats") && stats.has("cpu_stats") && stats.has("networks"), stats.toString());
    }

    @Test
    void aSecondNetworkIsJoinedBeforeTheStartWithItsLinks() {
        fx.runtime.ensureNetwork(new NetworkSpec(NETWORK, "10.213.0.0/16", "10.213.0.1", Map.of()));
        // the engine resolves links on a user-defined network by the name the container was given (an engine-made
        // name does not resolve); Hangar names every container it makes
        ContainerHandle web = fx.runtime.create(ContainerSpec.builder(TestImages.WEB)
                .name("hangar-test-linked-" + System.nanoTime())
                .moreNetworks(List.of(new ContainerSpec.NetworkAttachment(NETWORK, null, null, null))).build());
        ContainerHandle client = fx.runtime.create(RuntimeFixture.busybox("sh", "-c",
                "timeout 20 sh -c 'until printf \"GET / HTTP/1.0\\r\\n\\r\\n\" | nc backend 8080 | grep -q web;"
                        + " do sleep 0.1; done'")
                .moreNetworks(List.of(new ContainerSpec.NetworkAttachment(NETWORK, null, null,
                        List.of(web.name() + ":backend")))).build());
        // the linking container starts first: the link resolves once its target runs
        fx.runtime.start(client.id());
        fx.runtime.start(web.id());
        assertEquals(0, fx.awaitEvent(client.id(), ContainerEvent.Type.DIE, Duration.ofSeconds(30)).exitCode());
        assertTrue(fx.runtime.details(web.id()).networks().containsKey("bridge"));
        assertTrue(fx.runtime.details(web.id()).networks().containsKey(NETWORK));
    }
}
