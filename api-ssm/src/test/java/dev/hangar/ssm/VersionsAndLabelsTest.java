package dev.hangar.ssm;

import dev.hangar.testsupport.junit.HangarExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.GetParameterHistoryResponse;
import software.amazon.awssdk.services.ssm.model.GetParametersResponse;
import software.amazon.awssdk.services.ssm.model.InvalidNextTokenException;
import software.amazon.awssdk.services.ssm.model.LabelParameterVersionResponse;
import software.amazon.awssdk.services.ssm.model.Parameter;
import software.amazon.awssdk.services.ssm.model.ParameterHistory;
import software.amazon.awssdk.services.ssm.model.ParameterMaxVersionLimitExceededException;
import software.amazon.awssdk.services.ssm.model.ParameterNotFoundException;
import software.amazon.awssdk.services.ssm.model.ParameterVersionLabelLimitExceededException;
import software.amazon.awssdk.services.ssm.model.ParameterVersionNotFoundException;
import software.amazon.awssdk.services.ssm.model.UnlabelParameterVersionResponse;
import software.amazon.awssdk.services.ssm.model.ValidationException;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Versions, selectors, labels and history with the real SsmClient. */
class VersionsAndLabelsTest {

    @RegisterExtension
    static final HangarExtension hangar = HangarExtension.builder().service(SsmService::new).resetBetweenTests()
            .build();
    static SsmClient ssm;

    @BeforeAll
    static void client() {
        ssm = hangar.client(SsmClient.class);
    }

    private static void versions(String name, int n) {
        for (int i = 1; i <= n; i++) {
            int v = i;
            ssm.putParameter(b -> b.name(name).value("v" + v).type("String").overwrite(v > 1));
        }
    }

    @Test
    void selectorsNameVersionsAndLabels() {
        versions("/cfg/mode", 3);
        Parameter v2 = ssm.getParameter(b -> b.name("/cfg/mode:2")).parameter();
        assertEquals("v2", v2.value());
        assertEquals(2L, v2.version());
        assertEquals(":2", v2.selector());

        LabelParameterVersionResponse labelled = ssm.labelParameterVersion(b -> b.name("/cfg/mode")
                .parameterVersion(1L).labels("prod", "stable"));
        assertEquals(1L, labelled.parameterVersion());
        assertTrue(labelled.invalidLabels().isEmpty());
        Parameter prod = ssm.getParameter(b -> b.name("/cfg/mode:prod")).parameter();
        assertEquals("v1", prod.value());
        assertEquals(":prod", prod.selector());

        ParameterVersionNotFoundException noVersion = assertThrows(ParameterVersionNotFoundException.class,
                () -> ssm.getParameter(b -> b.name("/cfg/mode:9")));
        assertEquals("Systems Manager could not find version 9 of /cfg/mode. Verify the version and try again.",
                noVersion.awsErrorDetails().errorMessage());
        assertThrows(ParameterNotFoundException.class, () -> ssm.getParameter(b -> b.name("/cfg/mode:nolabel")));
        ParameterNotFoundException missing = assertThrows(ParameterNotFoundException.class,
                () -> ssm.getParameter(b -> b.name("/cfg/nothing")));
        assertEquals("ParameterNotFound", missing.awsErrorDetails().errorCode());
        assertEquals("Parameter /cfg/nothing not found.", missing.awsErrorDetails().errorMessage());

        // by ARN too, with or without a selector; another account's ARN names nothing here
        String arn = "arn:aws:ssm:us-east-1:000000000000:parameter/cfg/mode";
        assertEquals("v3", ssm.getParameter(b -> b.name(arn)).parameter().value());
        assertEquals("/cfg/mode", ssm.getParameter(b -> b.name(arn + ":2")).parameter().name());
        assertEquals("v1", ssm.getParameter(b -> b.name(arn + ":prod")).parameter().value());
        assertThrows(ParameterNotFoundException.class, () -> ssm.getParameter(b -> b
                .name("arn:aws:ssm:us-east-1:111111111111:parameter/cfg/mode")));

        GetParametersResponse many = ssm.getParameters(b -> b.names("/cfg/mode", "/cfg/mode:1", "/cfg/mode:stable",
                "/cfg/nothing", "/cfg/mode:7"));
        assertEquals(List.of("v3", "v1", "v1"), many.parameters().stream().map(Parameter::value).toList());
        assertEquals(List.of("/cfg/nothing", "/cfg/mode:7"), many.invalidParameters());
        ValidationException eleven = assertThrows(ValidationException.class, () -> ssm.getParameters(b -> b.names(
                IntStream.range(0, 11).mapToObj(i -> "/n" + i).toList())));
        assertTrue(eleven.getMessage().contains("at 'names' failed to satisfy constraint: Member must have length "
                + "less than or equal to 10"), eleven.getMessage());
    }

    @Test
    void labelsMoveAndFollowTheirRules() {
        versions("/svc/flag", 2);
        // no version: the latest; a label moves from the version that had it
        ssm.labelParameterVersion(b -> b.name("/svc/flag").parameterVersion(1L).labels("live"));
        LabelParameterVersionResponse moved = ssm.labelParameterVersion(b -> b.name("/svc/flag").labels("live",
                "1st", "awsLabel", "SSMx", "bad label", "ok.label_2-x"));
        assertEquals(2L, moved.parameterVersion());
        assertEquals(List.of("1st", "awsLabel", "SSMx", "bad label"), moved.invalidLabels());
        assertEquals("v2", ssm.getParameter(b -> b.name("/svc/flag:live")).parameter().value());

        List<ParameterHistory> history = ssm.getParameterHistory(b -> b.name("/svc/flag")).parameters();
        assertEquals(List.of(), history.get(0).labels());
        assertEquals(List.of("live", "ok.label_2-x"), history.get(1).labels());

        assertThrows(ParameterVersionNotFoundException.class, () -> ssm.labelParameterVersion(b -> b
                .name("/svc/flag").parameterVersion(5L).labels("x")));
        assertThrows(ParameterNotFoundException.class, () -> ssm.labelParameterVersion(b -> b
                .name("/svc/none").labels("x")));

        List<String> nine = IntStream.range(0, 9).mapToObj(i -> "l" + i).toList();
        ParameterVersionLabelLimitExceededException limit = assertThrows(
                ParameterVersionLabelLimitExceededException.class,
                () -> ssm.labelParameterVersion(b -> b.name("/svc/flag").parameterVersion(2L).labels(nine)));
        assertTrue(limit.getMessage().startsWith("A parameter version can have maximum 10 labels."));
        ValidationException tooLong = assertThrows(ValidationException.class, () -> ssm.labelParameterVersion(b -> b
                .name("/svc/flag").labels("x".repeat(101))));
        assertTrue(tooLong.getMessage().contains("at 'labels' failed to satisfy constraint"), tooLong.getMessage());

        UnlabelParameterVersionResponse unlabelled = ssm.unlabelParameterVersion(b -> b.name("/svc/flag")
                .parameterVersion(2L).labels("live", "elsewhere"));
        assertEquals(List.of("live"), unlabelled.removedLabels());
        assertEquals(List.of("elsewhere"), unlabelled.invalidLabels());
        assertThrows(ParameterNotFoundException.class, () -> ssm.getParameter(b -> b.name("/svc/flag:live")));
        assertThrows(ParameterVersionNotFoundException.class, () -> ssm.unlabelParameterVersion(b -> b
                .name("/svc/flag").parameterVersion(3L).labels("x")));
    }

    @Test
    void historyPagesAndDecrypts() {
        for (int i = 1; i <= 5; i++) {
            int v = i;
            ssm.putParameter(b -> b.name("/h/secret").value("s" + v).type("SecureString").overwrite(v > 1));
        }
        List<ParameterHistory> all = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            String t = token;
            GetParameterHistoryResponse page = ssm.getParameterHistory(b -> b.name("/h/secret").withDecryption(true)
                    .maxResults(2).nextToken(t));
            all.addAll(page.parameters());
            token = page.nextToken();
            pages++;
        } while (token != null);
        assertEquals(3, pages);
        assertEquals(List.of("s1", "s2", "s3", "s4", "s5"), all.stream().map(ParameterHistory::value).toList());
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), all.stream().map(ParameterHistory::version).toList());
        assertEquals("alias/aws/ssm", all.get(0).keyId());

        ParameterHistory hidden = ssm.getParameterHistory(b -> b.name("/h/secret")).parameters().get(0);
        assertTrue(hidden.value().startsWith("AQICAH"));
        assertThrows(InvalidNextTokenException.class, () -> ssm.getParameterHistory(b -> b.name("/h/secret")
                .nextToken("forged")));
        assertThrows(ParameterNotFoundException.class, () -> ssm.getParameterHistory(b -> b.name("/h/none")));
        assertThrows(ValidationException.class, () -> ssm.getParameterHistory(b -> b.name("/h/secret")
                .maxResults(51)));
    }

    @Test
    void aHundredVersionsAreKeptAndALabelledOldestBlocksThe101st() {
        versions("/many", 100);
        assertEquals(101L, ssm.putParameter(b -> b.name("/many").value("v101").overwrite(true)).version());
        assertThrows(ParameterVersionNotFoundException.class, () -> ssm.getParameter(b -> b.name("/many:1")));
        assertEquals("v2", ssm.getParameter(b -> b.name("/many:2")).parameter().value());

        ssm.labelParameterVersion(b -> b.name("/many").parameterVersion(2L).labels("keep"));
        ParameterMaxVersionLimitExceededException blocked = assertThrows(
                ParameterMaxVersionLimitExceededException.class,
                () -> ssm.putParameter(b -> b.name("/many").value("v102").overwrite(true)));
        assertEquals("You attempted to create a new version of /many by calling the PutParameter API with the "
                + "overwrite flag. Version 2, the oldest version, can't be deleted because it has a label associated "
                + "with it. Move the label to another version of the parameter, and try again.",
                blocked.awsErrorDetails().errorMessage());
        assertEquals(101L, ssm.getParameter(b -> b.name("/many")).parameter().version());

        ssm.labelParameterVersion(b -> b.name("/many").parameterVersion(50L).labels("keep"));
        assertEquals(102L, ssm.putParameter(b -> b.name("/many").value("v102").overwrite(true)).version());
        assertEquals(50L, ssm.getParameter(b -> b.name("/many:keep")).parameter().version());
    }
}
