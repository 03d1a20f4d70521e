package dev.hangar.testsupport.junit;

import dev.hangar.runtime.ContainerEvent;
import dev.hangar.runtime.ContainerRuntimeException;
import dev.hangar.runtime.ContainerSpec;
import dev.hangar.runtime.ContainerState;
import dev.hangar.runtime.HangarLabels;
import dev.hangar.runtime.ImageNotFoundException;
import dev.hangar.runtime.ImagePullException;
import dev.hangar.runtime.LogLine;
import dev.hangar.runtime.RuntimeUnavailableException;
import dev.hangar.testsupport.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fake engine keeps the contract of ContainerRuntime that the services rely on. */
class FakeContainerRuntimeTest {

    private final FakeContainerRuntime engine = new FakeContainerRuntime();
    private final List<ContainerEvent> events = new CopyOnWriteArrayList<>();

    {
        engine.addListener(events::add);
    }

    @AfterEach
    void close() {
        engine.close();
    }

    private String run(ContainerSpec spec) {
        String id = engine.create(spec).id();
        engine.start(id);
        return id;
    }

    private List<String> eventsOf(String id, int atLeast) {
        return Await.until(atLeast + " events of " + id, () -> events.stream()
                .filter(e -> e.containerId().equals(id)).map(e -> e.type() + ":" + e.exitCode()).toList(),
                seen -> seen.size() >= atLeast);
    }

    @Test
    void aContainerRunsUntilStoppedAndReportsItAsTheEngineDoes() {
        ContainerSpec spec = ContainerSpec.builder("img").name("n").labels(Map.of("hangar.resource", "r")).build();
        String id = engine.create(spec).id();
        assertEquals(64, id.length());
        assertEquals(ContainerState.Status.CREATED, engine.inspect(id).status());
        engine.start(id);
        assertEquals(id, engine.started().poll().id());
        ContainerState running = engine.inspect(id);
        assertEquals(ContainerState.Status.RUNNING, running.status());
        assertTrue(running.startedAt() != null && running.exitCode() == null);

        engine.stop(id, Duration.ofSeconds(30));
        engine.stop(id, Duration.ofSeconds(30));
        assertEquals(143, engine.inspect(id).exitCode(), "SIGTERM under init");
        assertEquals(List.of("START:null", "DIE:143"), eventsOf(id, 2), "one die, however often stopped");
        ContainerEvent die = events.get(1);
        assertEquals("r", die.labels().get("hangar.resource"));
        assertEquals(engine.instanceId(), die.labels().get(HangarLabels.INSTANCE));
        assertEquals("true", die.labels().get(HangarLabels.MANAGED));

        engine.remove(id);
        assertTrue(engine.removed(id));
        assertEquals(ContainerState.Status.GONE, engine.inspect(id).status());
        assertEquals(ContainerState.Status.GONE, engine.inspect("never-made").status());
    }

    @Test
    void oomComesBeforeDieAndForcedRemovalKills() {
        String hog = run(ContainerSpec.builder("img").build());
        engine.oom(hog);
        assertEquals(List.of("START:null", "OOM:null", "DIE:137"), eventsOf(hog, 3));
        assertTrue(engine.inspect(hog).oomKilled());

        String other = run(ContainerSpec.builder("img").build());
        assertEquals(2, engine.removeAll());
        assertEquals(List.of("START:null", "DIE:137"), eventsOf(other, 2));
        assertEquals(List.of(), engine.present());
        assertEquals(0, engine.removeAll());
    }

    @Test
    void followsGetTheOutputFromTheStartUntilClosed() throws Exception {
        String id = run(ContainerSpec.builder("img").build());
        FakeContainer container = engine.container(id);
        container.print("before");
        List<String> seen = new CopyOnWriteArrayList<>();
        AutoCloseable follow = engine.followLogs(id, line -> seen.add(line.stream() + " " + line.text()));
        container.print(LogLine.Stream.STDERR, "after", java.time.Instant.now());
        follow.close();
        container.print("unseen");
        assertEquals(List.of("STDOUT before", "STDERR after"), seen);
        assertEquals(3, container.output().size());
    }

    @Test
    void programsRunOnceStartedAndEndWithTheirExit() {
        engine.program("img/talks", FakeContainerRuntime.Program.printing("hi").then(FakeContainerRuntime.Program
                .exiting(4)));
        String id = run(ContainerSpec.builder("img/talks").build());
        assertEquals(List.of("START:null", "DIE:4"), eventsOf(id, 2));
        assertEquals("hi", engine.container(id).output().get(0).text());
        assertEquals(4, engine.inspect(id).exitCode());
    }

    @Test
    void portsArePublishedOnStart() {
        String id = run(ContainerSpec.builder("img").ports(List.of(ContainerSpec.PortMapping.tcp(80, 0),
                ContainerSpec.PortMapping.tcp(81, 8081))).build());
        List<ContainerSpec.PortMapping> ports = engine.inspect(id).publishedPorts();
        assertTrue(ports.get(0).hostPort() >= 32768);
        assertEquals(8081, ports.get(1).hostPort());
        assertEquals("127.0.0.1", ports.get(0).hostIp());
    }

    @Test
    void failuresAreTheEnginesExceptions() {
        engine.failPull("bad/", "pull access denied");
        engine.failCreate("nocreate/", "name in use");
        engine.failStart("nostart/", "exec failed");
        engine.absentImage("local/only");
        assertFalse(engine.imagePresent("bad/x"));
        assertEquals("pull access denied", assertThrows(ImagePullException.class,
                () -> engine.ensureImage("bad/x")).getMessage());
        assertThrows(ContainerRuntimeException.class, () -> engine.create(ContainerSpec.builder("nocreate/x").build()));
        String id = engine.create(ContainerSpec.builder("nostart/x").build()).id();
        assertThrows(ContainerRuntimeException.class, () -> engine.start(id));
        assertFalse(engine.imagePresent("local/only"));
        assertThrows(ImageNotFoundException.class, () -> engine.inspectImage("local/only"));
        engine.ensureImage("local/only");
        assertTrue(engine.imagePresent("local/only"), "pulled");
        assertEquals("sha256:fake", engine.inspectImage("local/only").id());

        engine.unavailable("connection refused");
        assertFalse(engine.status().available());
        assertEquals("connection refused", engine.status().detail());
        assertThrows(RuntimeUnavailableException.class, () -> engine.create(ContainerSpec.builder("img").build()));
        engine.available();
        assertTrue(engine.status().available());
    }

    @Test
    void heldPullsAndRemovalsWaitForTheTest() throws Exception {
        CountDownLatch pull = engine.holdPull("slow");
        CompletableFuture<Void> pulling = CompletableFuture.runAsync(() -> engine.ensureImage("slow"));
        assertEquals("slow", engine.pullsHeld().poll(10, TimeUnit.SECONDS));
        assertFalse(pulling.isDone());
        pull.countDown();
        pulling.get(10, TimeUnit.SECONDS);

        String id = run(ContainerSpec.builder("img").build());
        CountDownLatch removal = engine.holdRemoval(id);
        CompletableFuture<Void> removing = CompletableFuture.runAsync(() -> engine.remove(id));
        Await.until("the removal to begin", () -> engine.callThreads().stream().anyMatch(c -> c.startsWith("remove@")));
        assertFalse(removing.isDone(), "held");
        removal.countDown();
        removing.get(10, TimeUnit.SECONDS);
        assertTrue(engine.removed(id));
    }

    @Test
    void callsAreRecordedWithTheirThreadAndCanBeSlowed() {
        engine.delay("create", Duration.ofMillis(100));
        long started = System.nanoTime();
        engine.create(ContainerSpec.builder("img").build());
        assertTrue(System.nanoTime() - started >= 100_000_000L);
        assertEquals("create@" + Thread.currentThread().getName(), engine.callThreads().get(0));
        engine.ensureImage("i");
        engine.inspectImage("i");
        assertEquals(List.of("ensure i", "inspect i"), engine.imageCalls());
    }
}
