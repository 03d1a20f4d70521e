package dev.hangar.core.protocol;

import dev.hangar.core.http.AwsHttpResponse;
import dev.hangar.core.service.AwsErrors;
import dev.hangar.core.service.AwsException;
import dev.hangar.core.service.ServiceDescriptor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.SdkRequest;

import java.io.File;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every modelled exception of every service, thrown by a handler and written by our codec, must come out of the real
 * SDK client as that same exception class, with its message, its HTTP status and its extra members.
 */
class ErrorRoundTripTest extends PerServiceRoundTrips {

    private static final Map<String, int[]> COUNTS = new ConcurrentHashMap<>();
    private static CannedHttpServer server;

    @BeforeAll
    static void start() {
        server = new CannedHttpServer();
    }

    @AfterAll
    static void stop() {
        server.close();
        new TreeMap<>(COUNTS).forEach((service, c) -> System.out.printf(
                "error round trip %-13s %3d modelled exceptions, %3d passed%n", service, c[0], c[1]));
    }

    @Test
    void statusesComeFromTheServiceModels() {
        assertEquals(404, status(TestServices.LAMBDA, software.amazon.awssdk.services.lambda.model
                .ResourceNotFoundException.builder().message("Function not found").build()));
        assertEquals(429, status(TestServices.LAMBDA, software.amazon.awssdk.services.lambda.model
                .TooManyRequestsException.builder().message("Rate Exceeded.").build()));
        assertEquals(409, status(TestServices.LAMBDA, software.amazon.awssdk.services.lambda.model
                .ResourceConflictException.builder().message("x").build()));
        assertEquals(500, status(TestServices.LAMBDA, software.amazon.awssdk.services.lambda.model
                .ServiceException.builder().message("x").build()));
        assertEquals(404, status(TestServices.EKS, software.amazon.awssdk.services.eks.model
                .ResourceNotFoundException.builder().message("x").build()));
        assertEquals(401, status(TestServices.APIGATEWAY, software.amazon.awssdk.services.apigateway.model
                .UnauthorizedException.builder().message("x").build()));
        assertEquals(400, status(TestServices.ECS, software.amazon.awssdk.services.ecs.model
                .ClusterNotFoundException.builder().message("Cluster not found.").build()));
        assertEquals(500, status(TestServices.ECS, software.amazon.awssdk.services.ecs.model
                .ServerException.builder().message("x").build()));
        assertEquals(400, status(TestServices.APPRUNNER, software.amazon.awssdk.services.apprunner.model
                .ResourceNotFoundException.builder().message("x").build()));
        assertEquals(404, status(TestServices.CLOUDWATCH, software.amazon.awssdk.services.cloudwatch.model
                .ResourceNotFoundException.builder().message("x").build()));
        assertEquals(429, status(TestServices.CLOUDWATCH, software.amazon.awssdk.services.cloudwatch.model
                .ConcurrentModificationException.builder().message("x").build()));
        assertEquals(500, status(TestServices.CLOUDWATCH, software.amazon.awssdk.services.cloudwatch.model
                .InternalServiceException.builder().message("x").build()));
    }

    @Test
    void lambdaErrorBodiesSayWhoIsAtFault() {
        ServiceModel model = ServiceModel.of(TestServices.LAMBDA);
        AwsHttpResponse response = Codecs.forProtocol(TestServices.LAMBDA.protocol()).writeError(model,
                software.amazon.awssdk.services.lambda.model.ResourceNotFoundException.builder()
                        .message("Function not found: arn:aws:lambda:us-east-1:000000000000:function:f").build(), "test-request");
        assertEquals(404, response.status());
        assertEquals("ResourceNotFoundException", response.headers().get("X-Amzn-ErrorType"));
        assertEquals("{\"Type\":\"User\",\"message\":\"Function not found: arn:aws:lambda:us-east-1:000000000000:"
                + "function:f\"}", new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void hangarErrorsAndCrashesReachTheSdk() throws Throwable {
        for (ServiceDescriptor descriptor : TestServices.ALL) {
            ServiceModel model = ServiceModel.of(descriptor);
            ProtocolCodec codec = Codecs.forProtocol(descriptor.protocol());
            AwsServiceException notImplemented = callExpectingError(descriptor, model,
                    codec.writeError(model, AwsErrors.notImplemented(descriptor.name(), "Foo"), "test-request"));
            assertEquals(501, notImplemented.statusCode());
            assertEquals("NotImplemented", notImplemented.awsErrorDetails().errorCode());
            assertEquals("not implemented in Hangar: " + descriptor.name() + ":Foo",
                    notImplemented.awsErrorDetails().errorMessage());

            AwsServiceException crash = callExpectingError(descriptor, model,
                    codec.writeError(model, new IllegalStateException("boom"), "test-request"));
            assertEquals(500, crash.statusCode());
            assertEquals("InternalFailure", crash.awsErrorDetails().errorCode());
            assertEquals("Hangar internal error: java.lang.IllegalStateException: boom",
                    crash.awsErrorDetails().errorMessage());

            AwsServiceException withExtras = callExpectingError(descriptor, model, codec.writeError(model,
                    new AwsException("ThrottlingException", 429, true, "Rate exceeded", Map.of("Reason", "Why")), "test-request"));
            assertEquals(429, withExtras.statusCode());
            assertEquals("ThrottlingException", withExtras.awsErrorDetails().errorCode());
            assertEquals("Rate exceeded", withExtras.awsErrorDetails().errorMessage());
        }
    }

    private static int status(ServiceDescriptor descriptor, Throwable error) {
        return Codecs.forProtocol(descriptor.protocol()).writeError(ServiceModel.of(descriptor), error, "test-request").status();
    }

    @Override
    List<DynamicTest> roundTrips(ServiceDescriptor descriptor) {
        ServiceModel model = ServiceModel.of(descriptor);
        ProtocolCodec codec = Codecs.forProtocol(descriptor.protocol());
        int[] counts = COUNTS.computeIfAbsent(descriptor.name(), k -> new int[2]);
        List<DynamicTest> tests = new ArrayList<>();
        for (Class<?> exceptionClass : modelledExceptions(descriptor.sdkClient())) {
            counts[0]++;
            tests.add(DynamicTest.dynamicTest(exceptionClass.getSimpleName(), () -> {
                AwsServiceException.Builder builder =
                        (AwsServiceException.Builder) exceptionClass.getMethod("builder").invoke(null);
                builder.message("Boom: " + exceptionClass.getSimpleName() + " \u00e9 \"quoted\"");
                SdkPojo thrown = new SampleValues().fill((SdkPojo) builder);
                AwsHttpResponse wire = codec.writeError(model, (Throwable) thrown, "test-request");
                AwsServiceException read = callExpectingError(descriptor, model, wire);
                assertInstanceOf(exceptionClass, read, () -> "read " + read + " from " + wire.headers() + " "
                        + new String(wire.body(), java.nio.charset.StandardCharsets.UTF_8));
                if (wire.status() == 401) {
                    // HttpURLConnection drops the body of a 401 that lacks WWW-Authenticate: check our bytes instead
                    assertTrue(new String(wire.body(), java.nio.charset.StandardCharsets.UTF_8)
                            .contains("Boom: " + exceptionClass.getSimpleName()));
                } else {
                    assertEquals(((Throwable) thrown).getMessage(), read.awsErrorDetails().errorMessage());
                }
                assertEquals(wire.status(), read.statusCode());
                Integer modelled = model.errorStatus(exceptionClass.getSimpleName());
                if (modelled != null) {
                    assertEquals(modelled, read.statusCode());
                }
                for (SdkField<?> field : thrown.sdkFields()) {
                    assertEquals(field.getValueOrDefault(thrown), field.getValueOrDefault(read), field.memberName());
                }
                synchronized (counts) {
                    counts[1]++;
                }
            }));
        }
        return tests;
    }

    private static AwsServiceException callExpectingError(ServiceDescriptor descriptor, ServiceModel model,
                                                          AwsHttpResponse wire) throws Throwable {
        OperationModel operation = model.operations().iterator().next();
        SdkRequest request = (SdkRequest) new SampleValues().fill(operation.requestClass());
        SdkClient client = SdkClients.build(descriptor.sdkClient(), server.endpoint());
        try (client) {
            synchronized (server) {
                server.answer(wire);
                SdkClients.call(client, descriptor.sdkClient(), request);
            }
        } catch (AwsServiceException expected) {
            return expected;
        }
        return fail("the SDK accepted an error response: " + wire.status());
    }

    /** The service's modelled exceptions: the concrete subclasses of its base exception in its model package. */
    static List<Class<?>> modelledExceptions(Class<?> clientInterface) throws RuntimeException {
        List<Class<?>> found = new ArrayList<>();
        String modelPath = clientInterface.getPackageName().replace('.', '/') + "/model/";
        try (JarFile jar = new JarFile(new File(clientInterface.getProtectionDomain().getCodeSource().getLocation()
                .toURI()))) {
            Enumeration<JarEntry> entries = jar.entries();
            while (entries.hasMoreElements()) {
                String name = entries.nextElement().getName();
                if (name.startsWith(modelPath) && name.endsWith("Exception.class") && name.indexOf('$') < 0) {
                    Class<?> type = Class.forName(name.substring(0, name.length() - 6).replace('/', '.'));
                    if (AwsServiceException.class.isAssignableFrom(type) && !Modifier.isAbstract(type.getModifiers())
                            && type.getSuperclass() != AwsServiceException.class) {
                        found.add(type);
                    }
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        found.sort(java.util.Comparator.comparing(Class::getName));
        return found;
    }
}
