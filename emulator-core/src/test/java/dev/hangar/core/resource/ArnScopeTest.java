package dev.hangar.core.resource;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArnScopeTest {

    private static final ArnScope LOGS = ArnScope.of("logs", "us-east-1", "000000000000");

    @Test
    void buildsInTheArnsOwnOrder() {
        assertEquals("arn:aws:logs:us-east-1:000000000000:log-group:/a/b:*", LOGS.arn("log-group:/a/b:*"));
        assertEquals("arn:aws:ecs:eu-west-1:111122223333:cluster/c",
                ArnScope.of("ecs", "eu-west-1", "111122223333").arn("cluster/c"));
    }

    @Test
    void parsesTheFivePartsAndKeepsTheResourceWhole() {
        Arn arn = Arn.parse("arn:aws:logs:us-east-1:000000000000:log-group:x:log-stream:y");
        assertEquals(new Arn("aws", "logs", "us-east-1", "000000000000", "log-group:x:log-stream:y"), arn);
        assertEquals("arn:aws:logs:us-east-1:000000000000:log-group:x:log-stream:y", arn.toString());
        assertEquals("", Arn.parse("arn:aws:iam::000000000000:").resource());
        assertNull(Arn.parse("arn:aws:logs:us-east-1"));
        assertNull(Arn.parse("not-an-arn"));
        assertNull(Arn.parse(null));
    }

    @Test
    void knowsItsOwnArns() {
        assertEquals("log-group:g", LOGS.resourceOf("arn:aws:logs:us-east-1:000000000000:log-group:g"));
        assertEquals("g", LOGS.resourceOf("arn:aws:logs:us-east-1:000000000000:log-group:g", "log-group:"));
        assertNull(LOGS.resourceOf("arn:aws:logs:us-east-1:000000000000:destination:d", "log-group:"));
        assertNull(LOGS.resourceOf("arn:aws:logs:eu-west-1:000000000000:log-group:g"), "another region");
        assertNull(LOGS.resourceOf("arn:aws:logs:us-east-1:111122223333:log-group:g"), "another account");
        assertNull(LOGS.resourceOf("arn:aws:ecs:us-east-1:000000000000:log-group:g"), "another service");
        assertNull(LOGS.resourceOf("arn:aws-cn:logs:us-east-1:000000000000:log-group:g"), "another partition");
        assertTrue(LOGS.contains(Arn.parse(LOGS.arn("x"))));
        assertFalse(LOGS.contains(null));
    }
}
