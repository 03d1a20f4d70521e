package dev.hangar.ssm;

import dev.hangar.testsupport.junit.HangarExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.DescribeParametersRequest;
import software.amazon.awssdk.services.ssm.model.DescribeParametersResponse;
import software.amazon.awssdk.services.ssm.model.GetParametersByPathRequest;
import software.amazon.awssdk.services.ssm.model.GetParametersByPathResponse;
import software.amazon.awssdk.services.ssm.model.InvalidFilterKeyException;
import software.amazon.awssdk.services.ssm.model.InvalidFilterOptionException;
import software.amazon.awssdk.services.ssm.model.InvalidFilterValueException;
import software.amazon.awssdk.services.ssm.model.InvalidNextTokenException;
import software.amazon.awssdk.services.ssm.model.Parameter;
import software.amazon.awssdk.services.ssm.model.ParameterMetadata;
import software.amazon.awssdk.services.ssm.model.ParameterStringFilter;
import software.amazon.awssdk.services.ssm.model.ParametersFilterKey;
import software.amazon.awssdk.services.ssm.model.ValidationException;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** GetParametersByPath and DescribeParameters: hierarchy, filters and paging, with the real SsmClient. */
class PathAndDescribeTest {

    @RegisterExtension
    static final HangarExtension hangar = HangarExtension.builder().service(SsmService::new).resetBetweenTests()
            .build();
    static SsmClient ssm;

    @BeforeAll
    static void client() {
        ssm = hangar.client(SsmClient.class);
    }

    @BeforeEach
    void tree() {
        put("/app/a", "String", "1");
        put("/app/b", "SecureString", "2");
        put("/app/sub/c", "StringList", "3,4");
        put("/app/sub/deep/d", "String", "5");
        put("/apple", "String", "no");
        put("/other/x", "String", "x");
        put("top", "String", "t");
        ssm.putParameter(b -> b.name("/app/sub/k").value("k").type("SecureString").keyId("alias/mine")
                .tier("Advanced").tags(t -> t.key("team").value("blue")));
    }

    private static void put(String name, String type, String value) {
        ssm.putParameter(b -> b.name(name).value(value).type(type));
    }

    private static List<String> byPath(Consumer<GetParametersByPathRequest.Builder> request) {
        return ssm.getParametersByPath(request).parameters().stream().map(Parameter::name).toList();
    }

    private static List<String> describe(Consumer<DescribeParametersRequest.Builder> request) {
        List<String> names = new ArrayList<>();
        String token = null;
        do {
            String t = token;
            DescribeParametersResponse page = ssm.describeParameters(b -> {
                request.accept(b);
                b.nextToken(t);
            });
            page.parameters().stream().map(ParameterMetadata::name).forEach(names::add);
            token = page.nextToken();
        } while (token != null);
        return names;
    }

    @Test
    void pathOneLevelAndRecursive() {
        assertEquals(List.of("/app/a", "/app/b"), byPath(b -> b.path("/app")));
        assertEquals(List.of("/app/a", "/app/b"), byPath(b -> b.path("/app/")));
        assertEquals(List.of("/app/a", "/app/b", "/app/sub/c", "/app/sub/deep/d", "/app/sub/k"),
                byPath(b -> b.path("/app").recursive(true)));
        assertEquals(List.of("/apple", "top"), byPath(b -> b.path("/")));
        assertEquals(List.of(), byPath(b -> b.path("/nothing/here").recursive(true)));

        GetParametersByPathResponse secure = ssm.getParametersByPath(b -> b.path("/app").withDecryption(true));
        assertEquals("2", secure.parameters().get(1).value());
        assertTrue(ssm.getParametersByPath(b -> b.path("/app")).parameters().get(1).value().startsWith("AQICAH"));

        ValidationException noSlash = assertThrows(ValidationException.class,
                () -> ssm.getParametersByPath(b -> b.path("app")));
        assertTrue(noSlash.getMessage().startsWith("The parameter doesn't meet the parameter name requirements."));
    }

    @Test
    void pathFiltersAndLabels() {
        assertEquals(List.of("/app/b", "/app/sub/k"), byPath(b -> b.path("/app").recursive(true)
                .parameterFilters(f -> f.key("Type").values("SecureString"))));
        assertEquals(List.of("/app/sub/k"), byPath(b -> b.path("/app").recursive(true)
                .parameterFilters(f -> f.key("KeyId").option("BeginsWith").values("alias/m"))));

        ssm.putParameter(b -> b.name("/app/a").value("1b").overwrite(true));
        ssm.labelParameterVersion(b -> b.name("/app/a").parameterVersion(1L).labels("old"));
        List<Parameter> labelled = ssm.getParametersByPath(b -> b.path("/app").recursive(true)
                .parameterFilters(f -> f.key("Label").values("old"))).parameters();
        assertEquals(1, labelled.size());
        assertEquals("1", labelled.get(0).value());
        assertEquals(1L, labelled.get(0).version());

        InvalidFilterKeyException name = assertThrows(InvalidFilterKeyException.class,
                () -> ssm.getParametersByPath(b -> b.path("/app").parameterFilters(f -> f.key("Name").values("x"))));
        assertEquals("The following filter key is not valid: Name. Valid filter keys include: [Type, KeyId, Label].",
                name.awsErrorDetails().errorMessage());
        assertThrows(InvalidFilterOptionException.class, () -> ssm.getParametersByPath(b -> b.path("/app")
                .parameterFilters(f -> f.key("Label").option("BeginsWith").values("o"))));
        assertThrows(InvalidFilterValueException.class, () -> ssm.getParametersByPath(b -> b.path("/app")
                .parameterFilters(f -> f.key("Type"))));
        ValidationException badKey = assertThrows(ValidationException.class, () -> ssm.getParametersByPath(b -> b
                .path("/app").parameterFilters(f -> f.key("Colour").values("x"))));
        assertTrue(badKey.getMessage().startsWith("1 validation error detected: Value 'Colour' at "
                + "'parameterFilters.1.member.key' failed to satisfy constraint: Member must satisfy regular "
                + "expression pattern"), badKey.getMessage());
    }

    @Test
    void pathPagingWalksEverythingOnce() {
        for (int i = 0; i < 13; i++) {
            put(String.format("/paged/p%02d", i), "String", "v" + i);
        }
        List<String> names = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            String t = token;
            GetParametersByPathResponse page = ssm.getParametersByPath(b -> b.path("/paged").maxResults(5)
                    .nextToken(t));
            assertTrue(page.parameters().size() <= 5);
            page.parameters().forEach(p -> names.add(p.name()));
            token = page.nextToken();
            pages++;
        } while (token != null);
        assertEquals(3, pages);
        assertEquals(13, names.size());
        assertEquals("/paged/p00", names.get(0));
        assertEquals("/paged/p12", names.get(12));
        assertEquals(10, ssm.getParametersByPath(b -> b.path("/paged")).parameters().size(), "the default is 10");

        String first = ssm.getParametersByPath(b -> b.path("/paged").maxResults(5)).nextToken();
        assertThrows(InvalidNextTokenException.class, () -> ssm.getParametersByPath(b -> b.path("/app")
                .maxResults(5).nextToken(first)), "a token is bound to its path");
        ValidationException eleven = assertThrows(ValidationException.class,
                () -> ssm.getParametersByPath(b -> b.path("/paged").maxResults(11)));
        assertTrue(eleven.getMessage().contains("'maxResults' failed to satisfy constraint: Member must have value "
                + "less than or equal to 10"), eleven.getMessage());
    }

    @Test
    void describeWithParameterFilters() {
        assertEquals(8, describe(b -> b.maxResults(3)).size());
        assertEquals(List.of("/app/a"), describe(b -> b.parameterFilters(f -> f.key("Name").values("/app/a"))));
        assertEquals(List.of("top"), describe(b -> b.parameterFilters(f -> f.key("Name").values("/top"))));
        assertEquals(List.of("/app/a", "/app/b", "/app/sub/c", "/app/sub/deep/d", "/app/sub/k", "/apple"),
                describe(b -> b.parameterFilters(f -> f.key("Name").option("BeginsWith").values("/app"))));
        assertEquals(List.of("/app/sub/c", "/app/sub/deep/d", "/app/sub/k"),
                describe(b -> b.parameterFilters(f -> f.key("Name").option("Contains").values("sub"))));
        assertEquals(List.of("/app/sub/c", "/app/sub/k"),
                describe(b -> b.parameterFilters(f -> f.key("Path").values("/app/sub"))));
        assertEquals(List.of("/app/sub/c", "/app/sub/deep/d", "/app/sub/k"),
                describe(b -> b.parameterFilters(f -> f.key("Path").option("Recursive").values("/app/sub"))));
        assertEquals(List.of("/app/sub/k"), describe(b -> b.parameterFilters(f -> f.key("Tier").values("Advanced"))));
        assertEquals(List.of("/app/sub/k"), describe(b -> b.parameterFilters(f -> f.key("tag:team").values("blue"))));
        assertEquals(List.of("/app/sub/k"), describe(b -> b.parameterFilters(f -> f.key("tag:team"))));
        assertEquals(List.of(), describe(b -> b.parameterFilters(f -> f.key("tag:team").values("red"))));
        assertEquals(List.of("/app/b", "/app/sub/k"), describe(b -> b.parameterFilters(
                ParameterStringFilter.builder().key("Type").values("SecureString").build(),
                ParameterStringFilter.builder().key("Path").option("Recursive").values("/").build())));

        ParameterMetadata k = ssm.describeParameters(b -> b.parameterFilters(f -> f.key("KeyId")
                .values("alias/mine"))).parameters().get(0);
        assertEquals("/app/sub/k", k.name());
        assertEquals("arn:aws:ssm:us-east-1:000000000000:parameter/app/sub/k", k.arn());
        assertEquals("Advanced", k.tierAsString());

        assertThrows(InvalidFilterKeyException.class, () -> ssm.describeParameters(b -> b.parameterFilters(f -> f
                .key("Label").values("x"))));
        assertThrows(InvalidFilterKeyException.class, () -> ssm.describeParameters(b -> b.parameterFilters(
                ParameterStringFilter.builder().key("Type").values("String").build(),
                ParameterStringFilter.builder().key("Type").values("SecureString").build())));
        assertThrows(InvalidFilterOptionException.class, () -> ssm.describeParameters(b -> b.parameterFilters(f -> f
                .key("Path").option("Equals").values("/app"))));
        assertThrows(InvalidFilterOptionException.class, () -> ssm.describeParameters(b -> b.parameterFilters(f -> f
                .key("Type").values("Number"))));
        assertThrows(ValidationException.class, () -> ssm.describeParameters(b -> b.parameterFilters(f -> f
                .key("Path").values("/aws/service"))));
        assertThrows(ValidationException.class, () -> ssm.describeParameters(b -> b.maxResults(51)));
    }

    @Test
    void describeWithLegacyFilters() {
        assertEquals(List.of("/app/a", "/app/b", "/app/sub/c", "/app/sub/deep/d", "/app/sub/k", "/apple"),
                describe(b -> b.filters(f -> f.key(ParametersFilterKey.NAME).values("/app"))));
        assertEquals(List.of("/app/sub/c"), describe(b -> b.filters(f -> f.key("Type").values("StringList"))));
        assertEquals(List.of("/app/b"), describe(b -> b.filters(f -> f.key("KeyId").values("alias/aws/ssm"))));
        ValidationException both = assertThrows(ValidationException.class, () -> ssm.describeParameters(b -> b
                .filters(f -> f.key("Type").values("String"))
                .parameterFilters(f -> f.key("Type").values("String"))));
        assertEquals("You can use either Filters or ParameterFilters in a single request.",
                both.awsErrorDetails().errorMessage());
        assertThrows(ValidationException.class, () -> ssm.describeParameters(b -> b.filters(f -> f.key("Tier")
                .values("Standard"))));
    }
}
