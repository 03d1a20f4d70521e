package dev.hangar.junit5;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ecs.EcsClient;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The builder's settings reach Hangar; a malformed one fails the start naming the variable. */
class SettingsTest {

    @RegisterExtension
    static final HangarExtension hangar = HangarExtension.builder()
            .env("HANGAR_DEFAULT_ACCOUNT", "123456789012").build();

    @Test
    void aSettingReachesHangar(EcsClient ecs, HangarInfo info) {
        assertEquals("123456789012", info.account());
        assertEquals("arn:aws:ecs:us-east-1:123456789012:cluster/mine",
                ecs.createCluster(b -> b.clusterName("mine")).cluster().clusterArn());
    }

    @Test
    void aMalformedSettingFailsTheStartWithItsName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RunningHangar.start(new Settings(Map.of("HANGAR_TIME_SCALE", "fast"), false, false)));
        assertEquals("HANGAR_TIME_SCALE must be a number, got 'fast'", e.getMessage());
    }

    @Test
    void anAnnotationEntryWithoutEqualsIsRefused() {
        @HangarTest(env = "HANGAR_PORT")
        class Annotated {
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Settings.of(Annotated.class.getAnnotation(HangarTest.class)));
        assertEquals("@HangarTest env entry 'HANGAR_PORT' is not NAME=value", e.getMessage());
    }
}
