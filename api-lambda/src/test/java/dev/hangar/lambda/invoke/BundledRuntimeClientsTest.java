package dev.hangar.lambda.invoke;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The runtime clients packaged with Hangar are the ones lambda-runtimes/ holds (copied in, so they can drift). */
class BundledRuntimeClientsTest {

    @Test
    void thePackagedClientsMatchLambdaRuntimes() throws Exception {
        BundledRuntimeClients packaged = new BundledRuntimeClients(null);
        for (Map.Entry<String, String> client : BundledRuntimeClients.FILES.entrySet()) {
            Path source = DockerHarness.REPO.resolve("lambda-runtimes").resolve(client.getKey()).resolve(client.getValue());
            Path unpacked = packaged.folderFor(client.getKey()).resolve(client.getValue());
            assertEquals(Files.readString(source), Files.readString(unpacked), client.getValue()
                    + " changed in lambda-runtimes: copy it to api-lambda/src/main/resources/dev/hangar/lambda/invoke/"
                    + "runtime-clients/" + client.getKey() + "/");
        }
    }
}
