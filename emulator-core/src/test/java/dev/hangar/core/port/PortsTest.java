package dev.hangar.core.port;

import dev.hangar.core.time.ManualClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PortsTest {

    @Test
    void aRefFindsItsPortAtFirstUseNotAtConstruction() {
        Ports ports = new Ports();
        Ports.Ref<LogSink> logs = ports.ref(LogSink.class, LogSink.NONE);
        assertSame(LogSink.NONE, logs.get());
        List<String> got = new ArrayList<>();
        LogSink sink = (account, region, group, stream, events) -> got.add(group);
        ports.provide(LogSink.class, sink);
        logs.get().append("a", "r", "g", "s", List.of());
        assertEquals(List.of("g"), got);
        assertSame(sink, ports.require(LogSink.class));
    }

    @Test
    void aPortHasOneProvider() {
        Ports ports = new Ports();
        ports.provide(MetricsPort.class, MetricsPort.NONE);
        MetricsPort other = (a, r, n, d) -> { };
        assertThrows(IllegalStateException.class, () -> ports.provide(MetricsPort.class, other));
        IllegalStateException missing = assertThrows(IllegalStateException.class,
                () -> ports.require(TaskPort.class));
        assertTrue(missing.getMessage().contains("TaskPort"), missing.getMessage());
    }

    @Test
    void accessKeysMapToAccounts() {
        Accounts accounts = new Accounts("000000000000");
        assertEquals("000000000000", accounts.accountOf(null));
        assertEquals("000000000000", accounts.accountOf("test"));
        assertEquals("111122223333", accounts.accountOf("111122223333"));
        accounts.issued("ASIAEXAMPLE", "444455556666");
        assertEquals("444455556666", accounts.accountOf("ASIAEXAMPLE"));
        accounts.revoked("ASIAEXAMPLE");
        assertEquals("000000000000", accounts.accountOf("ASIAEXAMPLE"));
        assertThrows(IllegalArgumentException.class, () -> accounts.issued("k", "nope"));
    }

    @Test
    void localCredentialsBelongToTheRolesAccountAndExpire() {
        Accounts accounts = new Accounts("000000000000");
        ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
        CredentialsPort credentials = new LocalCredentials(accounts, clock);
        CredentialsPort.TemporaryCredentials issued = credentials.assumeRole(
                "arn:aws:iam::123456789012:role/task-role", "task-1", Duration.ofHours(1));
        assertTrue(issued.accessKeyId().matches("ASIA[A-Z2-7]{16}"), issued.accessKeyId());
        assertEquals(40, issued.secretAccessKey().length());
        assertEquals("123456789012", accounts.accountOf(issued.accessKeyId()));
        assertEquals(Instant.parse("2026-01-01T01:00:00Z"), issued.expiration());
        assertThrows(IllegalArgumentException.class,
                () -> credentials.assumeRole("arn:aws:iam::123:role/x", "s1", Duration.ofHours(1)));
        assertThrows(IllegalArgumentException.class,
                () -> credentials.assumeRole("arn:aws:iam::123456789012:role/x", "no spaces", Duration.ofHours(1)));
    }
}
