package dev.hangar.ssm;

import dev.hangar.core.service.ServiceCalls;
import dev.hangar.testsupport.junit.HangarExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.GetParameterRequest;
import software.amazon.awssdk.services.ssm.model.GetParameterResponse;
import software.amazon.awssdk.services.ssm.model.ParameterHistory;
import software.amazon.awssdk.services.ssm.model.ParameterNotFoundException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * What another service sees through the in-process client (ECS resolving a container's secrets), and concurrent
 * overwrites of one parameter, each getting its own version.
 */
class InProcessAndConcurrencyTest {

    @RegisterExtension
    static final HangarExtension hangar = HangarExtension.builder().service(SsmService::new).resetBetweenTests()
            .build();
    static SsmClient ssm;

    @BeforeAll
    static void client() {
        ssm = hangar.client(SsmClient.class);
    }

    @Test
    void anotherServiceReadsADecryptedSecureStringInItsAccountAndRegion() {
        ssm.putParameter(b -> b.name("/task/db-password").value("pa55").type("SecureString"));
        ServiceCalls calls = hangar.server().calls();
        GetParameterResponse got = calls.callAndWait(new ServiceCalls.Caller("000000000000", "us-east-1"),
                GetParameterRequest.builder().name("arn:aws:ssm:us-east-1:000000000000:parameter/task/db-password")
                        .withDecryption(true).build());
        assertEquals("pa55", got.parameter().value());
        // parameters are per account and region
        assertThrows(ParameterNotFoundException.class, () -> calls.callAndWait(
                new ServiceCalls.Caller("000000000000", "eu-west-1"),
                GetParameterRequest.builder().name("/task/db-password").build()));
        assertThrows(ParameterNotFoundException.class, () -> calls.callAndWait(
                new ServiceCalls.Caller("111111111111", "us-east-1"),
                GetParameterRequest.builder().name("/task/db-password").build()));
    }

    @Test
    void concurrentOverwritesEachMakeOneVersion() throws Exception {
        int threads = 6;
        int perThread = 20;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<List<Long>>> results = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            results.add(pool.submit(() -> {
                List<Long> versions = new ArrayList<>();
                for (int i = 0; i < perThread; i++) {
                    String value = thread + "-" + i;
                    versions.add(ssm.putParameter(b -> b.name("/busy").value(value).type("String").overwrite(true))
                            .version());
                }
                return versions;
            }));
        }
        Set<Long> seen = new HashSet<>();
        for (Future<List<Long>> result : results) {
            seen.addAll(result.get(120, TimeUnit.SECONDS));
        }
        pool.shutdown();
        assertEquals(threads * perThread, seen.size(), "every put got a version of its own");
        assertEquals(threads * perThread, ssm.getParameter(b -> b.name("/busy")).parameter().version());

        List<ParameterHistory> kept = new ArrayList<>();
        String token = null;
        do {
            String t = token;
            var page = ssm.getParameterHistory(b -> b.name("/busy").nextToken(t));
            kept.addAll(page.parameters());
            token = page.nextToken();
        } while (token != null);
        assertEquals(100, kept.size(), "the latest 100 versions are kept");
        assertEquals(threads * perThread - 99, kept.get(0).version());
    }
}
