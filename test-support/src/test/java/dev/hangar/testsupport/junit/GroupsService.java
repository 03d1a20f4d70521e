package dev.hangar.testsupport.junit;

import dev.hangar.core.service.AwsService;
import dev.hangar.core.service.Protocol;
import dev.hangar.core.service.RequestContext;
import dev.hangar.core.service.RunsOn;
import dev.hangar.core.service.ServiceContext;
import dev.hangar.core.service.ServiceDescriptor;
import dev.hangar.runtime.ContainerRuntime;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.CreateLogGroupRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.CreateLogGroupResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogGroupsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogGroupsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup;

import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * Two CloudWatch Logs operations over a set of names: a service made from a {@link ServiceContext} as the real ones
 * are (the real ones depend on this module's users, so its own tests cannot run them), which remembers what it was
 * given.
 */
@RunsOn(RunsOn.Pool.EVENT_LOOP)
public final class GroupsService implements AwsService {

    private final Set<String> groups = new ConcurrentSkipListSet<>();
    final ServiceContext context;
    /** The runtime of the ports, or null: the extension provides one only when asked to. */
    final ContainerRuntime runtime;

    public GroupsService(ServiceContext ctx) {
        this.context = ctx;
        this.runtime = ctx.ports().find(ContainerRuntime.class).orElse(null);
    }

    @Override
    public ServiceDescriptor descriptor() {
        return ServiceDescriptor.builder("logs").protocols(Protocol.AWS_JSON_1_1).targetPrefix("Logs_20140328")
                .sdkClient(CloudWatchLogsClient.class).build();
    }

    public CreateLogGroupResponse createLogGroup(RequestContext ctx, CreateLogGroupRequest request) {
        groups.add(request.logGroupName());
        return CreateLogGroupResponse.builder().build();
    }

    public DescribeLogGroupsResponse describeLogGroups(RequestContext ctx, DescribeLogGroupsRequest request) {
        return DescribeLogGroupsResponse.builder()
                .logGroups(groups.stream().map(g -> LogGroup.builder().logGroupName(g).build()).toList()).build();
    }

    @Override
    public void reset() {
        groups.clear();
    }

    /** A service with a handler whose name matches no operation: it would silently stay 501. */
    @RunsOn(RunsOn.Pool.EVENT_LOOP)
    public static final class Misnamed implements AwsService {
        public Misnamed(ServiceContext ctx) {
        }

        @Override
        public ServiceDescriptor descriptor() {
            return ServiceDescriptor.builder("logs").protocols(Protocol.AWS_JSON_1_1).targetPrefix("Logs_20140328")
                    .sdkClient(CloudWatchLogsClient.class).build();
        }

        public DescribeLogGroupsResponse describeLogGroupz(RequestContext ctx, DescribeLogGroupsRequest request) {
            return DescribeLogGroupsResponse.builder().build();
        }
    }
}
