package dev.hangar.core.protocol;

import dev.hangar.core.http.AwsHttpRequest;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.client.builder.SdkClientBuilder;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.utils.builder.SdkBuilder;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/** Real SDK v2 clients for the tests: built reflectively per service, calling operations by request class. */
final class SdkClients {

    static {
        // the SDK logs every request at DEBUG without a logback-test.xml; these tests make thousands of calls
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("software.amazon.awssdk"))
                .setLevel(ch.qos.logback.classic.Level.WARN);
    }

    private SdkClients() {
    }

    static SdkClient build(Class<?> clientInterface, URI endpoint, ExecutionInterceptor... interceptors) {
        try {
            Object builder = clientInterface.getMethod("builder").invoke(null);
            ((AwsClientBuilder<?, ?>) builder).region(Region.US_EAST_1);
            ((AwsClientBuilder<?, ?>) builder).credentialsProvider(
                    StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAHANGARTEST", "secret")));
            ((SdkClientBuilder<?, ?>) builder).endpointOverride(endpoint);
            ClientOverrideConfiguration.Builder override = ClientOverrideConfiguration.builder()
                    .retryStrategy(AwsRetryStrategy.doNotRetry());
            for (ExecutionInterceptor interceptor : interceptors) {
                override.addExecutionInterceptor(interceptor);
            }
            ((SdkClientBuilder<?, ?>) builder).overrideConfiguration(override.build());
            ((SdkSyncClientBuilder<?, ?>) builder).httpClient(UrlConnectionHttpClient.create());
            return (SdkClient) ((SdkBuilder<?, ?>) builder).build();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Calls the client method taking that request type; rethrows what the SDK threw. */
    static Object call(SdkClient client, Class<?> clientInterface, SdkRequest request) throws Throwable {
        for (Method method : clientInterface.getMethods()) {
            if (method.getParameterCount() == 1 && method.getParameterTypes()[0] == request.getClass()
                    && software.amazon.awssdk.core.SdkResponse.class.isAssignableFrom(method.getReturnType())) {
                try {
                    return method.invoke(client, request);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            }
        }
        throw new IllegalArgumentException("no client method takes " + request.getClass().getSimpleName());
    }

    /** Stops a call just before it would go on the wire, keeping the request the SDK built and signed. */
    static final class Capture implements ExecutionInterceptor {
        private AwsHttpRequest captured;

        static final class Captured extends RuntimeException {
            Captured() {
                super("captured", null, false, false);
            }
        }

        @Override
        public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
            byte[] body = new byte[0];
            // the query protocols' form body rides on the HTTP request itself, not in requestBody()
            java.util.Optional<software.amazon.awssdk.http.ContentStreamProvider> content =
                    context.requestBody().map(software.amazon.awssdk.core.sync.RequestBody::contentStreamProvider)
                            .or(() -> context.httpRequest() instanceof SdkHttpFullRequest full
                                    ? full.contentStreamProvider() : java.util.Optional.empty());
            if (content.isPresent()) {
                try (InputStream in = content.get().newStream()) {
                    body = in.readAllBytes();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            captured = toAwsHttpRequest(context.httpRequest(), body);
            throw new Captured();
        }

        AwsHttpRequest take() {
            AwsHttpRequest request = captured;
            captured = null;
            return request;
        }
    }

    /** What Hangar's server would hand the codec for that SDK request. */
    static AwsHttpRequest toAwsHttpRequest(SdkHttpRequest http, byte[] body) {
        Map<String, String> headers = new LinkedHashMap<>();
        http.headers().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
        Map<String, List<String>> query = new LinkedHashMap<>();
        StringJoiner rawQuery = new StringJoiner("&");
        http.rawQueryParameters().forEach((name, values) -> {
            query.put(name, new ArrayList<>(values));
            for (String value : values) {
                rawQuery.add(SdkHttpUtils.urlEncode(name) + (value == null ? "" : "=" + SdkHttpUtils.urlEncode(value)));
            }
        });
        // the server sees "/" where the SDK's query marshallers leave the path empty
        String path = http.encodedPath().isEmpty() ? "/" : http.encodedPath();
        return new AwsHttpRequest(http.method().name(), path, rawQuery.toString(), query, headers, body,
                "127.0.0.1");
    }
}
