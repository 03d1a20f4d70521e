package dev.hangar.core.resource;

import dev.hangar.core.service.AwsErrors;
import dev.hangar.core.service.AwsException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ValidationTest {

    @Test
    void oneFailure() {
        AwsException e = new Validation<>(AwsErrors::validation).range(3000, "timeout", 1, 900).error();
        assertEquals("ValidationException", e.code());
        assertEquals(400, e.status());
        assertEquals("1 validation error detected: Value '3000' at 'timeout' failed to satisfy constraint: Member must "
                + "have value less than or equal to 900", e.getMessage());
    }

    @Test
    void everyFailureAtOnceInOrder() {
        Validation<AwsException> v = new Validation<>(AwsErrors::validation)
                .range(0, "timeout", 1, 900)
                .length("x".repeat(65), "functionName", 1, 64)
                .length("", "name", 1, 64)
                .pattern("a b", "handler", Pattern.compile("[^\\s]+"), "[^\\s]+")
                .oneOf("Nope", "packageType", List.of("Image", "Zip"))
                .missing("role")
                .failWithoutValue("environment.variables", "Map keys must satisfy constraint: [...]");
        assertEquals("7 validation errors detected: "
                + "Value '0' at 'timeout' failed to satisfy constraint: Member must have value greater than or equal to 1; "
                + "Value '" + "x".repeat(65) + "' at 'functionName' failed to satisfy constraint: Member must have "
                + "length less than or equal to 64; "
                + "Value '' at 'name' failed to satisfy constraint: Member must have length greater than or equal to 1; "
                + "Value 'a b' at 'handler' failed to satisfy constraint: Member must satisfy regular expression "
                + "pattern: [^\\s]+; "
                + "Value 'Nope' at 'packageType' failed to satisfy constraint: Member must satisfy enum value set: "
                + "[Image, Zip]; "
                + "Value null at 'role' failed to satisfy constraint: Member must not be null; "
                + "Value at 'environment.variables' failed to satisfy constraint: Map keys must satisfy constraint: "
                + "[...]", v.message());
        assertThrows(AwsException.class, v::throwIfAny);
    }

    @Test
    void absentValuesAndValuesInRangePass() {
        Validation<AwsException> v = new Validation<>(AwsErrors::validation)
                .range(null, "timeout", 1, 900).range(900, "timeout", 1, 900)
                .length(null, "name", 1, 2).pattern(null, "p", Pattern.compile("x"), "x").oneOf(null, "e", List.of());
        assertFalse(v.failed());
        v.throwIfAny();
        assertThrows(IllegalStateException.class, v::error);
    }

    @Test
    void theServiceChoosesTheError() {
        IllegalArgumentException e = new Validation<>(IllegalArgumentException::new).missing("limit").error();
        assertEquals("1 validation error detected: Value null at 'limit' failed to satisfy constraint: Member must not "
                + "be null", e.getMessage());
    }

    @Test
    void missingMembersAreNamedInLowerCamelCase() {
        assertEquals("1 validation error detected: Value null at 'functionName' failed to satisfy constraint: Member "
                + "must not be null", AwsErrors.missingMember("FunctionName").getMessage());
    }
}
