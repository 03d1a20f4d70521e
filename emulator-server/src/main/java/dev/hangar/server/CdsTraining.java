package dev.hangar.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * The class-data-sharing training run (HANGAR_CDS_TRAINING=1, used by scripts/start.sh): Hangar serves a few typical
 * requests to itself and exits, so that the JVM's archive holds the classes a real start and first requests load.
 */
final class CdsTraining {

    private static final String[][] ECS_CALLS = {
            {"CreateCluster", "{\"clusterName\":\"cds\"}"},
            {"ListClusters", "{}"},
            {"DescribeClusters", "{\"clusters\":[\"cds\"]}"},
            {"RegisterTaskDefinition", "{\"family\":\"cds\",\"containerDefinitions\":[{\"name\":\"a\",\"image\":\"busybox\","
                    + "\"memory\":64,\"portMappings\":[{\"containerPort\":80}],\"environment\":[{\"name\":\"A\",\"value\":\"1\"}]}]}"},
            {"DescribeTaskDefinition", "{\"taskDefinition\":\"cds\"}"},
            {"ListTaskDefinitions", "{}"},
            {"ListTasks", "{\"cluster\":\"cds\"}"},
            {"DescribeTasks", "{\"cluster\":\"cds\",\"tasks\":[\"none\"]}"},
            {"DeleteCluster", "{\"cluster\":\"nope\"}"},
    };

    private CdsTraining() {
    }

    static void run(HangarConfig config) throws Exception {
        Hangar hangar = Hangar.start(config);
        try {
            URI endpoint = hangar.server().endpoint();
            for (int round = 0; round < 3; round++) {
                call(endpoint.resolve("/_hangar/health"), null, null);
                for (String[] call : ECS_CALLS) {
                    call(endpoint.resolve("/"), "AmazonEC2ContainerServiceV20141113." + call[0], call[1]);
                }
            }
        } finally {
            hangar.close();
        }
    }

    private static void call(URI uri, String target, String body) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
        if (body != null) {
            connection.setRequestMethod("POST");
            connection.setDoOutput(true);
            connection.setRequestProperty("Content-Type", "application/x-amz-json-1.1");
            connection.setRequestProperty("X-Amz-Target", target);
            connection.setRequestProperty("Authorization", "AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/ecs/"
                    + "aws4_request, SignedHeaders=host, Signature=0");
            try (OutputStream out = connection.getOutputStream()) {
                out.write(body.getBytes(StandardCharsets.UTF_8));
            }
        }
        int status = connection.getResponseCode();
        try (InputStream in = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
            if (in != null) {
                in.readAllBytes();
            }
        }
    }
}
