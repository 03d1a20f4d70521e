package dev.hangar.ssm;

import dev.hangar.core.service.AwsService;
import dev.hangar.core.service.Protocol;
import dev.hangar.core.service.RunsOn;
import dev.hangar.core.service.ServiceContext;
import dev.hangar.core.service.ServiceDescriptor;
import dev.hangar.core.state.AccountRegionStore;
import dev.hangar.core.time.HangarClock;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * ssm: its handlers are public methods shaped like SsmClient's
 * ({@code XxxResponse xxx(RequestContext ctx, XxxRequest request)}); every other operation answers 501.
 */
@RunsOn(RunsOn.Pool.EVENT_LOOP)
public final class SsmService implements AwsService {

    private final AccountRegionStore<SsmRegion> regions = new AccountRegionStore<>(SsmRegion::new);
    private final HangarClock clock;

    public SsmService(ServiceContext ctx) {
        this.clock = ctx.clock();
    }

    @Override
    public ServiceDescriptor descriptor() {
        return ServiceDescriptor.builder("ssm").protocols(Protocol.AWS_JSON_1_1)
                .targetPrefix("AmazonSSM")
                .sdkClient(SsmClient.class).facts(SsmFacts.FACTS).build();
    }

    @Override
    public void reset() {
        regions.clear();
    }
}
