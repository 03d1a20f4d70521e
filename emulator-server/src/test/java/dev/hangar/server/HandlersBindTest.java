package dev.hangar.server;

import dev.hangar.core.service.BoundService;
import dev.hangar.core.service.HandlerBinder;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Every service Hangar wires binds cleanly: no public method shaped like a handler that matches no operation (it
 * would silently stay 501), no operation handled twice, no handler that says not where it runs.
 */
class HandlersBindTest {

    @Test
    void everyWiredServiceBindsAllItsHandlers() throws Exception {
        List<String> problems = new ArrayList<>();
        try (Hangar hangar = Hangar.start(HangarConfig.fromEnvironment(Map.of("HANGAR_PORT", "0")))) {
            assertFalse(hangar.server().services().isEmpty());
            for (BoundService service : hangar.server().services()) {
                problems.addAll(HandlerBinder.problems(service.service(), service.model()));
            }
        }
        assertEquals(List.of(), problems);
    }
}
