package dev.hangar.lambda;

import dev.hangar.core.http.AwsHttpRequest;
import dev.hangar.core.http.AwsHttpResponse;
import dev.hangar.core.http.HttpHandler;
import dev.hangar.lambda.domain.CodePackage;
import dev.hangar.lambda.domain.LambdaFunction;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Serves the deployment packages GetFunction's Code.Location points at:
 * GET {@value #PREFIX}&lt;account&gt;/&lt;region&gt;/&lt;function&gt;/&lt;upload id&gt;.zip. Every path segment is
 * checked against its strict form, so no request can name a file outside the stored packages.
 */
public final class CodeDownloads implements HttpHandler {

    public static final String PREFIX = "/_hangar-lambda/code/";
    private static final Pattern PATH = Pattern.compile(
            "^" + Pattern.quote(PREFIX) + "(\\d{12})/([a-z]{2}(?:-[a-z]+)+-\\d)/([a-zA-Z0-9-_]{1,64})/"
                    + "([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\\.zip$");

    private final Path functionsRoot;
    private final Executor workers;

    CodeDownloads(Path functionsRoot, Executor workers) {
        this.functionsRoot = functionsRoot;
        this.workers = workers;
    }

    static String token(LambdaRegion region, LambdaFunction function, CodePackage code) {
        return region.account() + "/" + region.region() + "/" + function.name() + "/"
                + code.packageFile().getParent().getFileName() + ".zip";
    }

    @Override
    public CompletableFuture<AwsHttpResponse> handle(AwsHttpRequest request) {
        Matcher m = PATH.matcher(request.path());
        if (!"GET".equals(request.method()) || !m.matches()) {
            return CompletableFuture.completedFuture(AwsHttpResponse.of(404, "text/plain", "Not Found".getBytes()));
        }
        Path file = functionsRoot.resolve(m.group(1)).resolve(m.group(2)).resolve(m.group(3)).resolve(m.group(4))
                .resolve("package.zip");
        return CompletableFuture.supplyAsync(() -> {
            try {
                return AwsHttpResponse.of(200, "application/zip", Files.readAllBytes(file));
            } catch (IOException e) {
                return AwsHttpResponse.of(404, "text/plain", "Not Found".getBytes());
            }
        }, workers);
    }
}
