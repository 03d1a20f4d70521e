package dev.hangar.ssm;

import dev.hangar.core.service.AwsService;
import dev.hangar.core.service.Protocol;
import dev.hangar.core.service.ServiceContext;
import dev.hangar.core.service.ServiceDescriptor;
import dev.hangar.core.state.AccountRegionStore;
import dev.hangar.core.time.HangarClock;
import software.amazon.awssdk.services.ssm.SsmClient;

import java.util.List;

/**
 * AWS Systems Manager Parameter Store, in memory: parameters with their versions, labels and tags, per account and
 * region, handled by one object per concern ({@link ParameterHandlers}, {@link ParameterSearchHandlers},
 * {@link LabelHandlers}, {@link TagHandlers}). SecureString values are kept as given (Hangar has no KMS): see
 * docs/ssm.md. Every other Systems Manager operation answers 501.
 */
public final class SsmService implements AwsService {

    private final AccountRegionStore<SsmRegion> regions = new AccountRegionStore<>(SsmRegion::new);
    private final List<Object> handlers;

    public SsmService(ServiceContext ctx) {
        this(ctx.clock());
    }

    /** @param clock a version's LastModifiedDate is on it */
    private SsmService(HangarClock clock) {
        this.handlers = List.of(new ParameterHandlers(regions, clock), new ParameterSearchHandlers(regions),
                new LabelHandlers(regions), new TagHandlers(regions));
    }

    @Override
    public ServiceDescriptor descriptor() {
        return ServiceDescriptor.builder("ssm").protocols(Protocol.AWS_JSON_1_1)
                .targetPrefix("AmazonSSM")
                .sdkClient(SsmClient.class).facts(SsmFacts.FACTS).build();
    }

    @Override
    public List<Object> handlers() {
        return handlers;
    }

    @Override
    public void reset() {
        regions.clear();
    }
}
