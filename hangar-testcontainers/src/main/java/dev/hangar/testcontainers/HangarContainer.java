package dev.hangar.testcontainers;

import com.github.dockerjava.api.command.InspectContainerResponse;
import org.rnorth.ducttape.ratelimits.RateLimiterBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.BindMode;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.output.Slf4jLogConsumer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Hangar, the local AWS compute emulator (ECS, Lambda, CloudWatch Logs), as a Testcontainers container.
 * <p>
 * It runs the image {@code hangar/hangar:<this module's version>} with the engine's Docker socket mounted, so that
 * Hangar starts task and function containers as siblings on the same engine ("container mode", docs/docker.md), and
 * is ready once {@code /_hangar/health} answers. Point SDK clients at {@link #getEndpoint()} with
 * {@link #getRegion()} and the static credentials {@link #getAccessKey()} / {@link #getSecretKey()}:
 * <pre>{@code
 * try (HangarContainer hangar = new HangarContainer()) {
 *     hangar.start();
 *     EcsClient ecs = EcsClient.builder()
 *             .endpointOverride(hangar.getEndpoint())
 *             .region(Region.of(hangar.getRegion()))
 *             .credentialsProvider(StaticCredentialsProvider.create(
 *                     AwsBasicCredentials.create(hangar.getAccessKey(), hangar.getSecretKey())))
 *             .build();
 * }
 * }</pre>
 * A LocalStack Testcontainers user changes the class name: {@link #getEndpointOverride(String)}, {@code getRegion},
 * {@code getAccessKey} and {@code getSecretKey} are shaped like LocalStack's. Hangar's settings are environment
 * variables (docs/configuration.md): the common ones have typed helpers ({@link #withDefaultRegion},
 * {@link #withLogLevel}, {@link #withTimeScale}, {@link #withLambdaImage}), every other one goes through
 * {@link #withEnv(String, String)}. Hangar's output is forwarded to SLF4J (logger {@code dev.hangar.container}).
 * {@code withReuse(true)} works as for any container (nothing random is added to the container's configuration).
 */
public class HangarContainer extends GenericContainer<HangarContainer> {

    /** Hangar's port inside the container (AWS API calls, data plane, /_hangar admin endpoints). */
    public static final int PORT = 4566;
    /** The image's repository; the tag defaults to {@link HangarVersion#current()}. */
    public static final String IMAGE = "hangar/hangar";
    /** Hangar's health endpoint, answered 200 once it listens. */
    public static final String HEALTH_PATH = "/_hangar/health";

    private static final DockerImageName DEFAULT_IMAGE = DockerImageName.parse(IMAGE);
    private static final String SOCKET = "/var/run/docker.sock";
    private static final String DEFAULT_REGION = "us-east-1";
    private static final Logger log = LoggerFactory.getLogger(HangarContainer.class);
    /** How long a stop lets Hangar remove the task and function containers it started (docker stop's grace). */
    private static final int STOP_GRACE_SECONDS = 10;

    private String region = DEFAULT_REGION;

    /** {@code hangar/hangar:<this module's version>}. */
    public HangarContainer() {
        this(DEFAULT_IMAGE.withTag(HangarVersion.current()));
    }

    /** @param image e.g. {@code "hangar/hangar:latest"} */
    public HangarContainer(String image) {
        this(DockerImageName.parse(image));
    }

    /** @param image a Hangar image, or one declared compatible with {@code hangar/hangar} */
    public HangarContainer(DockerImageName image) {
        super(image);
        image.assertCompatibleWith(DEFAULT_IMAGE);
        withExposedPorts(PORT);
        // the engine's socket as the engine's host sees it (Docker Desktop and rootless engines differ from the path
        // the client uses): Hangar drives the same engine that runs it
        withFileSystemBind(DockerClientFactory.instance().getRemoteDockerUnixSocketPath(), SOCKET, BindMode.READ_WRITE);
        // asked every 50 ms rather than Testcontainers' once a second: Hangar answers about half a second after start
        waitingFor(Wait.forHttp(HEALTH_PATH).forPort(PORT).forStatusCode(200)
                .withRateLimiter(RateLimiterBuilder.newBuilder().withRate(20, TimeUnit.SECONDS)
                        .withConstantThroughput().build())
                .withStartupTimeout(Duration.ofSeconds(60)));
        withLogConsumer(new Slf4jLogConsumer(LoggerFactory.getLogger("dev.hangar.container"))
                .withSeparateOutputStreams());
    }

    /** Hangar's URL as the test JVM reaches it, e.g. {@code http://localhost:32771}. */
    public URI getEndpoint() {
        return URI.create("http://" + getHost() + ":" + getMappedPort(PORT));
    }

    /**
     * The endpoint for one service's client. Every service Hangar emulates answers on the same port, so this is
     * {@link #getEndpoint()} whatever the service; it exists so that code written for LocalStack's
     * {@code getEndpointOverride(Service)} ports with a name change.
     *
     * @param service e.g. "ecs", "lambda", "logs" (not used)
     */
    public URI getEndpointOverride(String service) {
        return getEndpoint();
    }

    /** The region clients should sign for: HANGAR_DEFAULT_REGION as set by {@link #withDefaultRegion}, else us-east-1. */
    public String getRegion() {
        return region;
    }

    /** An access key id Hangar accepts: any non-12-digit id maps to the default account (000000000000). */
    public String getAccessKey() {
        return "test";
    }

    /** Hangar does not check signatures; any secret works. */
    public String getSecretKey() {
        return "test";
    }

    /** HANGAR_DEFAULT_REGION: the region of unsigned requests and of what {@link #getRegion()} returns. */
    public HangarContainer withDefaultRegion(String region) {
        this.region = region;
        return withEnv("HANGAR_DEFAULT_REGION", region);
    }

    /** HANGAR_DEFAULT_ACCOUNT: the 12-digit account of keys that name none. */
    public HangarContainer withDefaultAccount(String account) {
        return withEnv("HANGAR_DEFAULT_ACCOUNT", account);
    }

    /** HANGAR_LOG_LEVEL: TRACE, DEBUG, INFO, WARN or ERROR. */
    public HangarContainer withLogLevel(String level) {
        return withEnv("HANGAR_LOG_LEVEL", level.toUpperCase(Locale.ROOT));
    }

    /** HANGAR_TIME_SCALE: Hangar's timers (keep-alives, retry delays, reported timestamps) run this many times faster. */
    public HangarContainer withTimeScale(double scale) {
        return withEnv("HANGAR_TIME_SCALE", scale == Math.rint(scale) ? Long.toString((long) scale) : Double.toString(scale));
    }

    /**
     * HANGAR_LAMBDA_IMAGE_&lt;RUNTIME&gt;: the image functions of a runtime run in (default: AWS's public base image).
     *
     * @param runtime a Lambda runtime id, e.g. "python3.12"
     * @param image   an image the engine has or can pull, e.g. "public.ecr.aws/lambda/python:3.12"
     */
    public HangarContainer withLambdaImage(String runtime, String image) {
        return withEnv("HANGAR_LAMBDA_IMAGE_" + runtime.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_"), image);
    }

    /**
     * Stops Hangar with a grace period before Testcontainers removes its container, so that Hangar's own shutdown
     * removes the task and function containers it started on the engine.
     */
    @Override
    protected void containerIsStopping(InspectContainerResponse containerInfo) {
        try {
            getDockerClient().stopContainerCmd(getContainerId()).withTimeout(STOP_GRACE_SECONDS).exec();
        } catch (RuntimeException e) {
            log.debug("Graceful stop of Hangar container {} failed: {}", getContainerId(), e.getMessage());
        }
    }
}
