package dev.hangar.secretsmanager;

import dev.hangar.core.service.AwsService;
import dev.hangar.core.service.Protocol;
import dev.hangar.core.service.ServiceContext;
import dev.hangar.core.service.ServiceDescriptor;
import dev.hangar.core.state.AccountRegionStore;
import dev.hangar.core.time.HangarClock;
import dev.hangar.secretsmanager.domain.SecretRecord;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import java.util.List;

/**
 * AWS Secrets Manager, in memory: secrets, their versions and staging labels, tags, scheduled deletion on Hangar's
 * clock, handled by one object per concern ({@link SecretHandlers}, {@link ValueHandlers}, {@link ListingHandlers},
 * {@link BatchHandlers}, {@link TagHandlers}, {@link PasswordHandlers}). Handlers only touch memory, so they run on
 * the event loop. Other services read secrets through the in-process client ({@code ctx.calls()}, GetSecretValue),
 * as on AWS.
 */
public final class SecretsManagerService implements AwsService {

    private final AccountRegionStore<SecretsManagerRegion> regions =
            new AccountRegionStore<>(SecretsManagerRegion::new);
    private final List<Object> handlers;

    /** As Hangar makes it: dates, and the end of recovery windows, on Hangar's clock. */
    public SecretsManagerService(ServiceContext ctx) {
        HangarClock clock = ctx.clock();
        this.handlers = List.of(new SecretHandlers(regions, clock), new ValueHandlers(regions, clock),
                new ListingHandlers(regions), new BatchHandlers(regions, clock), new TagHandlers(regions, clock),
                new PasswordHandlers());
    }

    @Override
    public ServiceDescriptor descriptor() {
        return ServiceDescriptor.builder("secretsmanager").protocols(Protocol.AWS_JSON_1_1)
                .targetPrefix("secretsmanager")
                .sdkClient(SecretsManagerClient.class).facts(SecretsManagerFacts.FACTS).build();
    }

    @Override
    public List<Object> handlers() {
        return handlers;
    }

    @Override
    public void reset() {
        regions.all().forEach(region -> region.all().forEach(SecretRecord::cancelPurge));
        regions.clear();
    }
}
