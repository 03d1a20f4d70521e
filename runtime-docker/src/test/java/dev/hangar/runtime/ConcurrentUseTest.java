package dev.hangar.runtime;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.hangar.runtime.ContainerLifecycleTest.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;

class ConcurrentUseTest {

    private static final int CONTAINERS = 12;
    private static RuntimeFixture fx;

    @BeforeAll
    static void connect() {
        fx = new RuntimeFixture();
    }

    @AfterAll
    static void cleanUp() {
        fx.close();
    }

    @Test
    void manyCallersRunContainersAtOnceAndEveryExitIsReportedOnce() throws Exception {
        Map<String, Integer> exits = new ConcurrentHashMap<>();
        Set<String> duplicated = ConcurrentHashMap.newKeySet();
        fx.runtime.addListener(e -> {
            if (e.type() == ContainerEvent.Type.DIE && exits.put(e.containerId(), e.exitCode()) != null) {
                duplicated.add(e.containerId());
            }
        });
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> launched = new ArrayList<>();
            for (int i = 0; i < CONTAINERS; i++) {
                int code = i;
                launched.add(pool.submit(() -> {
                    ContainerHandle h = fx.runtime.create(RuntimeFixture.busybox("sh", "-c", "exit " + code).build());
                    fx.runtime.start(h.id());
                    fx.runtime.inspect(h.id());
                    return h.id();
                }));
            }
            List<String> ids = new ArrayList<>();
            for (Future<String> f : launched) {
                ids.add(f.get());
            }
            waitUntil(() -> ids.stream().allMatch(exits::containsKey), Duration.ofSeconds(30));
            for (int i = 0; i < CONTAINERS; i++) {
                assertEquals(i, exits.get(ids.get(i)));
            }
            List<Future<?>> removals = ids.stream().<Future<?>>map(id -> pool.submit(() -> fx.runtime.remove(id))).toList();
            for (Future<?> f : removals) {
                f.get();
            }
            assertEquals(Set.of(), duplicated);
            assertEquals(0, fx.runtime.removeAll());
        } finally {
            pool.shutdownNow();
        }
    }
}
