package dev.hangar.ssm;

import dev.hangar.testsupport.junit.HangarExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.AccessDeniedException;
import software.amazon.awssdk.services.ssm.model.HierarchyLevelLimitExceededException;
import software.amazon.awssdk.services.ssm.model.InvalidAllowedPatternException;
import software.amazon.awssdk.services.ssm.model.Parameter;
import software.amazon.awssdk.services.ssm.model.ParameterAlreadyExistsException;
import software.amazon.awssdk.services.ssm.model.ParameterMetadata;
import software.amazon.awssdk.services.ssm.model.ParameterPatternMismatchException;
import software.amazon.awssdk.services.ssm.model.ParameterTier;
import software.amazon.awssdk.services.ssm.model.ParameterType;
import software.amazon.awssdk.services.ssm.model.PutParameterResponse;
import software.amazon.awssdk.services.ssm.model.ValidationException;

import java.time.Instant;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** PutParameter with the real SsmClient: types, versions, tiers, patterns, data types and the naming rules. */
class PutParameterTest {

    @RegisterExtension
    static final HangarExtension hangar = HangarExtension.builder().service(SsmService::new).resetBetweenTests()
            .build();
    static SsmClient ssm;

    @BeforeAll
    static void client() {
        ssm = hangar.client(SsmClient.class);
    }

    @Test
    void putThenGetAndOverwriteMakeVersions() {
        Instant before = Instant.now().minusSeconds(1);
        PutParameterResponse first = ssm.putParameter(b -> b.name("/app/db/url").value("jdbc:one").type("String")
                .description("the database"));
        assertEquals(1L, first.version());
        assertEquals(ParameterTier.STANDARD, first.tier());

        Parameter got = ssm.getParameter(b -> b.name("/app/db/url")).parameter();
        assertEquals("/app/db/url", got.name());
        assertEquals("jdbc:one", got.value());
        assertEquals(ParameterType.STRING, got.type());
        assertEquals(1L, got.version());
        assertEquals("text", got.dataType());
        assertEquals("arn:aws:ssm:us-east-1:000000000000:parameter/app/db/url", got.arn());
        assertTrue(!got.lastModifiedDate().isBefore(before), got.lastModifiedDate().toString());
        assertNull(got.selector());

        ParameterAlreadyExistsException exists = assertThrows(ParameterAlreadyExistsException.class,
                () -> ssm.putParameter(b -> b.name("/app/db/url").value("jdbc:two").type("String")));
        assertEquals("The parameter already exists. To overwrite this value, set the overwrite option in the "
                + "request to true.", exists.awsErrorDetails().errorMessage());
        assertEquals("ParameterAlreadyExists", exists.awsErrorDetails().errorCode());

        // Type may be left out on overwrite; description is kept from the latest version
        assertEquals(2L, ssm.putParameter(b -> b.name("/app/db/url").value("jdbc:two").overwrite(true)).version());
        assertEquals("jdbc:two", ssm.getParameter(b -> b.name("/app/db/url")).parameter().value());
        ParameterMetadata meta = ssm.describeParameters(b -> b.parameterFilters(f -> f.key("Name")
                .values("/app/db/url"))).parameters().get(0);
        assertEquals("the database", meta.description());
        assertEquals(2L, meta.version());
        assertEquals("arn:aws:iam::000000000000:root", meta.lastModifiedUser());
        assertNull(meta.keyId());

        // a name without "/" is a top-level parameter whose ARN has no slash doubled
        ssm.putParameter(b -> b.name("plain").value("v").type("StringList"));
        assertEquals("arn:aws:ssm:us-east-1:000000000000:parameter/plain",
                ssm.getParameter(b -> b.name("plain")).parameter().arn());
    }

    @Test
    void secureStringIsOpaqueUnlessDecrypted() {
        ssm.putParameter(b -> b.name("/app/secret").value("hunter2").type(ParameterType.SECURE_STRING));
        Parameter hidden = ssm.getParameter(b -> b.name("/app/secret")).parameter();
        assertFalse(hidden.value().contains("hunter2"));
        assertTrue(hidden.value().startsWith("AQICAH"), hidden.value());
        assertEquals(hidden.value(), ssm.getParameter(b -> b.name("/app/secret")).parameter().value(),
                "the ciphertext of a version is stable");
        assertEquals("hunter2", ssm.getParameter(b -> b.name("/app/secret").withDecryption(true)).parameter().value());

        ParameterMetadata meta = ssm.describeParameters(b -> b.parameterFilters(f -> f.key("Name")
                .values("/app/secret"))).parameters().get(0);
        assertEquals("alias/aws/ssm", meta.keyId());

        ssm.putParameter(b -> b.name("/app/secret2").value("x").type("SecureString").keyId("alias/custom"));
        assertEquals("alias/custom", ssm.describeParameters(b -> b.parameterFilters(f -> f.key("KeyId")
                .values("alias/custom"))).parameters().get(0).keyId());
        // withDecryption on a plain String changes nothing
        ssm.putParameter(b -> b.name("/app/plain").value("p").type("String"));
        assertEquals("p", ssm.getParameter(b -> b.name("/app/plain").withDecryption(true)).parameter().value());
    }

    @Test
    void tiersHoldTheirSizeLimits() {
        String big = "x".repeat(4097);
        ValidationException tooBig = assertThrows(ValidationException.class,
                () -> ssm.putParameter(b -> b.name("/big").value(big).type("String")));
        assertTrue(tooBig.awsErrorDetails().errorMessage().startsWith("Standard tier parameters support a maximum "
                + "parameter value of 4096 characters."), tooBig.getMessage());
        assertEquals(ParameterTier.STANDARD,
                ssm.putParameter(b -> b.name("/fits").value("x".repeat(4096)).type("String")).tier());

        assertEquals(ParameterTier.ADVANCED,
                ssm.putParameter(b -> b.name("/big").value(big).type("String").tier("Advanced")).tier());
        assertThrows(ValidationException.class, () -> ssm.putParameter(b -> b.name("/bigger")
                .value("x".repeat(8193)).type("String").tier(ParameterTier.ADVANCED)));

        assertEquals(ParameterTier.ADVANCED, ssm.putParameter(b -> b.name("/smart").value(big).type("String")
                .tier(ParameterTier.INTELLIGENT_TIERING)).tier());
        assertEquals(ParameterTier.STANDARD, ssm.putParameter(b -> b.name("/smart-small").value("s").type("String")
                .tier(ParameterTier.INTELLIGENT_TIERING)).tier());

        ValidationException downgrade = assertThrows(ValidationException.class, () -> ssm.putParameter(b -> b
                .name("/big").value("small").overwrite(true).tier(ParameterTier.STANDARD)));
        assertTrue(downgrade.getMessage().startsWith("This parameter uses the advanced-parameter tier. You can't "
                + "downgrade"), downgrade.getMessage());
        // without a tier the overwrite stays Advanced
        assertEquals(ParameterTier.ADVANCED, ssm.putParameter(b -> b.name("/big").value("small").overwrite(true))
                .tier());
    }

    @Test
    void allowedPatternAndDataTypeAreEnforced() {
        ssm.putParameter(b -> b.name("/port").value("8080").type("String").allowedPattern("^\\d+$"));
        ParameterPatternMismatchException mismatch = assertThrows(ParameterPatternMismatchException.class,
                () -> ssm.putParameter(b -> b.name("/port").value("eighty").overwrite(true)));
        assertEquals("Parameter value, cannot be validated against allowedPattern: ^\\d+$",
                mismatch.awsErrorDetails().errorMessage());
        assertEquals(2L, ssm.putParameter(b -> b.name("/port").value("81").overwrite(true)).version());
        assertThrows(InvalidAllowedPatternException.class,
                () -> ssm.putParameter(b -> b.name("/bad-pattern").value("v").type("String").allowedPattern("(")));

        ValidationException dataType = assertThrows(ValidationException.class,
                () -> ssm.putParameter(b -> b.name("/ami").value("ami-12345678").type("String").dataType("AMI")));
        assertEquals("The following data type is not supported: AMI (Data type names are all lowercase.)",
                dataType.awsErrorDetails().errorMessage());
        ssm.putParameter(b -> b.name("/ami").value("ami-0123456789abcdef0").type("String").dataType("aws:ec2:image"));
        assertEquals("aws:ec2:image", ssm.getParameter(b -> b.name("/ami")).parameter().dataType());
        assertThrows(ValidationException.class, () -> ssm.putParameter(b -> b.name("/ami2").value("not-an-ami")
                .type("String").dataType("aws:ec2:image")));
    }

    @Test
    void requestsAwsRefusesAreRefused() {
        ValidationException noType = assertThrows(ValidationException.class,
                () -> ssm.putParameter(b -> b.name("/new").value("v")));
        assertEquals("A parameter type is required when you create a parameter.", noType.awsErrorDetails()
                .errorMessage());

        ValidationException badType = assertThrows(ValidationException.class,
                () -> ssm.putParameter(b -> b.name("/new").value("v").type("Number")));
        assertTrue(badType.getMessage().startsWith("1 validation error detected: Value 'Number' at 'type' failed to "
                + "satisfy constraint: Member must satisfy enum value set"), badType.getMessage());

        ssm.putParameter(b -> b.name("/tagged").value("v").type("String"));
        ValidationException tagsAndOverwrite = assertThrows(ValidationException.class, () -> ssm.putParameter(b -> b
                .name("/tagged").value("w").overwrite(true).tags(t -> t.key("a").value("b"))));
        assertTrue(tagsAndOverwrite.getMessage().startsWith("Invalid request: tags and overwrite can't be used "
                + "together."), tagsAndOverwrite.getMessage());

        ValidationException empty = assertThrows(ValidationException.class,
                () -> ssm.putParameter(b -> b.name("/empty").value("").type("String")));
        assertTrue(empty.getMessage().startsWith("1 validation error detected: Value at 'value' failed to satisfy "
                + "constraint: Member must have length greater than or equal to 1"), empty.getMessage());
    }

    @Test
    void namesFollowParameterStoreRules() {
        ValidationException reserved = assertThrows(ValidationException.class,
                () -> ssm.putParameter(b -> b.name("AWSthing").value("v").type("String")));
        assertEquals(ParameterNames.RESERVED, reserved.awsErrorDetails().errorMessage());
        assertThrows(ValidationException.class, () -> ssm.putParameter(b -> b.name("/ssm/x").value("v")
                .type("String")));
        AccessDeniedException awsPath = assertThrows(AccessDeniedException.class,
                () -> ssm.putParameter(b -> b.name("/aws/x").value("v").type("String")));
        assertEquals("No access to reserved parameter name: /aws/x.", awsPath.awsErrorDetails().errorMessage());

        for (String bad : new String[]{"/has space", "/bad*char", "/double//slash", "/trailing/"}) {
            ValidationException e = assertThrows(ValidationException.class,
                    () -> ssm.putParameter(b -> b.name(bad).value("v").type("String")), bad);
            assertEquals(ParameterNames.INVALID, e.awsErrorDetails().errorMessage(), bad);
        }
        ValidationException notQualified = assertThrows(ValidationException.class,
                () -> ssm.putParameter(b -> b.name("a/b").value("v").type("String")));
        assertEquals("Parameter name must be a fully qualified name.", notQualified.awsErrorDetails().errorMessage());

        // spaces at either end are removed, as AWS does
        ssm.putParameter(b -> b.name("  /trimmed  ").value("v").type("String"));
        assertEquals("/trimmed", ssm.getParameter(b -> b.name("/trimmed")).parameter().name());

        String fifteen = IntStream.rangeClosed(1, 15).mapToObj(i -> "l" + i).collect(Collectors.joining("/", "/", ""));
        ssm.putParameter(b -> b.name(fifteen).value("v").type("String"));
        HierarchyLevelLimitExceededException deep = assertThrows(HierarchyLevelLimitExceededException.class,
                () -> ssm.putParameter(b -> b.name(fifteen + "/l16").value("v").type("String")));
        assertTrue(deep.getMessage().startsWith("A hierarchy can have a maximum of 15 levels."), deep.getMessage());
    }
}
