#!/usr/bin/env bash
# Makes the skeleton of a new service module (docs/architecture.md, "Adding a service"):
#
#   bash scripts/new-service.sh <name> <sdk-artifact> <SdkClientClass> <protocol> [options]
#
#   name           Hangar's id of the service, as in IAM actions: secretsmanager, elbv2, stepfunctions
#   sdk-artifact   the AWS SDK for Java v2 artifact: secretsmanager, elasticloadbalancingv2, sfn
#   SdkClientClass the SDK's sync client: SecretsManagerClient, ElasticLoadBalancingV2Client, SfnClient
#   protocol       awsJson1_0 | awsJson1_1 | restJson1 | awsQuery | ec2Query | rpcv2Cbor
#   options        --target-prefix P   X-Amz-Target prefix / rpcv2Cbor service name (awsJson, rpcv2Cbor)
#                  --api-version V --xml-namespace N   (awsQuery, ec2Query)
#                  --signing-name S    when it differs from the name
#                  --path-prefix /p/   restJson path prefixes (repeatable)
#                  --npm @aws-sdk/client-x --npm-version 3.1164.0   facts source (default @aws-sdk/client-<artifact>)
#                  --java-name SecretsManager   the classes' prefix (default: the name, capitalised)
#
# It writes api-<name>/ (pom, service class with its descriptor, per account and region state, facts placeholder,
# a first test on HangarExtension), docs/<name>.md, the facts target in tools/service-facts/targets.json, and
# registers the module: parent pom modules and dependencyManagement, emulator-server's dependency and its one line in
# Services.java, and generates the facts (needs npm; NEW_SERVICE_SKIP_FACTS=1 skips). Then write handlers and run
# `mvn -pl api-<name> -am verify`.
# Refuses to overwrite an existing module.
set -euo pipefail
cd "$(dirname "$0")/.."

usage() { sed -n '2,21p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
[ $# -ge 4 ] || usage
name=$1 artifact=$2 client=$3 protocol=$4
shift 4
target_prefix="" api_version="" xml_namespace="" signing_name="" npm="@aws-sdk/client-$artifact" npm_version=3.1164.0
path_prefixes=() java_name=""
while [ $# -gt 0 ]; do
  case "$1" in
    --target-prefix) target_prefix=$2; shift 2 ;;
    --api-version) api_version=$2; shift 2 ;;
    --xml-namespace) xml_namespace=$2; shift 2 ;;
    --signing-name) signing_name=$2; shift 2 ;;
    --path-prefix) path_prefixes+=("$2"); shift 2 ;;
    --npm) npm=$2; shift 2 ;;
    --npm-version) npm_version=$2; shift 2 ;;
    --java-name) java_name=$2; shift 2 ;;
    *) echo "new-service: unknown option $1" >&2; usage ;;
  esac
done

[[ "$name" =~ ^[a-z][a-z0-9]*$ ]] || { echo "new-service: the name is lower-case letters and digits: $name" >&2; exit 2; }
[[ "$client" =~ ^[A-Z][A-Za-z0-9]*Client$ ]] || { echo "new-service: not an SDK client class: $client" >&2; exit 2; }
case "$protocol" in
  awsJson1_0) enum=AWS_JSON_1_0 ;; awsJson1_1) enum=AWS_JSON_1_1 ;; restJson1) enum=REST_JSON_1 ;;
  awsQuery) enum=AWS_QUERY ;; ec2Query) enum=EC2_QUERY ;; rpcv2Cbor) enum=RPC_V2_CBOR ;;
  *) echo "new-service: unknown protocol $protocol" >&2; usage ;;
esac
case "$protocol" in
  awsJson*|rpcv2Cbor) [ -n "$target_prefix" ] || { echo "new-service: $protocol needs --target-prefix" >&2; exit 2; } ;;
  awsQuery|ec2Query) [ -n "$api_version" ] && [ -n "$xml_namespace" ] \
    || { echo "new-service: $protocol needs --api-version and --xml-namespace" >&2; exit 2; } ;;
  restJson1) [ ${#path_prefixes[@]} -gt 0 ] || { echo "new-service: restJson1 needs --path-prefix" >&2; exit 2; } ;;
esac

module="api-$name"
[ ! -e "$module" ] || { echo "new-service: $module exists already" >&2; exit 1; }
Name="${java_name:-$(tr '[:lower:]' '[:upper:]' <<< "${name:0:1}")${name:1}}"
[[ "$Name" =~ ^[A-Z][A-Za-z0-9]*$ ]] || { echo "new-service: not a class name prefix: $Name" >&2; exit 2; }
pkg="dev.hangar.$name"
dir="$module/src/main/java/dev/hangar/$name"
testdir="$module/src/test/java/dev/hangar/$name"
sdkpkg="software.amazon.awssdk.services.$(tr -d '-' <<< "$artifact")"
mkdir -p "$dir" "$testdir"

descriptor="ServiceDescriptor.builder(\"$name\")"
[ -n "$signing_name" ] && descriptor+=".signingName(\"$signing_name\")"
descriptor+=".protocols(Protocol.$enum)"
[ -n "$target_prefix" ] && descriptor+="\n                .targetPrefix(\"$target_prefix\")"
[ -n "$api_version" ] && descriptor+="\n                .apiVersion(\"$api_version\").xmlNamespace(\"$xml_namespace\")"
if [ ${#path_prefixes[@]} -gt 0 ]; then
  quoted=$(printf '"%s", ' "${path_prefixes[@]}"); descriptor+="\n                .pathPrefixes(${quoted%, })"
fi
descriptor+="\n                .sdkClient($client.class).facts(${Name}Facts.FACTS).build()"

cat > "$module/pom.xml" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
  <modelVersion>4.0.0</modelVersion>
  <parent>
    <groupId>dev.hangar</groupId>
    <artifactId>hangar-parent</artifactId>
    <version>0.1.0-SNAPSHOT</version>
  </parent>
  <artifactId>$module</artifactId>
  <description>$name, as Hangar emulates it (docs/$name.md).</description>

  <dependencies>
    <dependency><groupId>dev.hangar</groupId><artifactId>emulator-core</artifactId></dependency>
    <dependency><groupId>software.amazon.awssdk</groupId><artifactId>$artifact</artifactId></dependency>
    <dependency><groupId>dev.hangar</groupId><artifactId>test-support</artifactId><scope>test</scope></dependency>
    <dependency><groupId>dev.hangar</groupId><artifactId>emulator-core</artifactId><type>test-jar</type><scope>test</scope></dependency>
  </dependencies>
</project>
EOF

cat > "$dir/${Name}Service.java" <<EOF
package $pkg;

import dev.hangar.core.service.AwsService;
import dev.hangar.core.service.Protocol;
import dev.hangar.core.service.RunsOn;
import dev.hangar.core.service.ServiceContext;
import dev.hangar.core.service.ServiceDescriptor;
import dev.hangar.core.state.AccountRegionStore;
import dev.hangar.core.time.HangarClock;
import $sdkpkg.$client;

/**
 * $name: its handlers are public methods shaped like $client's
 * ({@code XxxResponse xxx(RequestContext ctx, XxxRequest request)}); every other operation answers 501.
 */
@RunsOn(RunsOn.Pool.EVENT_LOOP)
public final class ${Name}Service implements AwsService {

    private final AccountRegionStore<${Name}Region> regions = new AccountRegionStore<>(${Name}Region::new);
    private final HangarClock clock;

    public ${Name}Service(ServiceContext ctx) {
        this.clock = ctx.clock();
    }

    @Override
    public ServiceDescriptor descriptor() {
        return $(printf "%b" "$descriptor");
    }

    @Override
    public void reset() {
        regions.clear();
    }
}
EOF

cat > "$dir/${Name}Region.java" <<EOF
package $pkg;

/** Everything $name holds for one account and region. */
final class ${Name}Region {

    final String account;
    final String region;

    ${Name}Region(String account, String region) {
        this.account = account;
        this.region = region;
    }
}
EOF

cat > "$dir/${Name}Facts.java" <<EOF
package $pkg;

import dev.hangar.core.service.ServiceFacts;

/** Placeholder until scripts/generate-service-facts.sh writes this service's generated facts here. */
public final class ${Name}Facts {

    public static final ServiceFacts FACTS = ServiceFacts.of("");

    private ${Name}Facts() {
    }
}
EOF

cat > "$testdir/${Name}ServiceTest.java" <<EOF
package $pkg;

import dev.hangar.core.service.BoundService;
import dev.hangar.testsupport.ServiceFactsCheck;
import dev.hangar.testsupport.junit.HangarExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import $sdkpkg.$client;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** $name as Hangar wires it, with the real SDK client (the extension fails the class if a handler does not bind). */
class ${Name}ServiceTest {

    @RegisterExtension
    static final HangarExtension hangar = HangarExtension.builder().service(${Name}Service::new).build();

    @Test
    void theServiceIsServedAndItsFactsMatchTheSdk() {
        BoundService bound = hangar.server().services().get(0);
        assertEquals("$name", bound.name());
        ServiceFactsCheck.assertMatches(bound.service().descriptor());
        hangar.client($client.class);
    }
}
EOF

cat > "docs/$name.md" <<EOF
# $name

What works, what does not yet, and which AWS texts are verified. Operation coverage is in
[coverage.md](coverage.md).

## What works

Nothing yet: every operation answers HTTP 501 "not implemented in Hangar".
EOF

python3 - "$name" "$module" "$Name" "$pkg" "$npm" "$npm_version" <<'PY'
import json, re, sys
name, module, Name, pkg, npm, version = sys.argv[1:]

def edit(path, fn):
    with open(path) as f:
        s = f.read()
    t = fn(s)
    if t == s:
        sys.exit(f"new-service: could not register {module} in {path}")
    with open(path, "w") as f:
        f.write(t)

# the parent pom: the module, before emulator-server (which depends on it), and its version
edit("pom.xml", lambda s: s.replace("    <module>emulator-server</module>",
        f"    <module>{module}</module>\n    <module>emulator-server</module>", 1))
edit("pom.xml", lambda s: s.replace("    </dependencies>\n  </dependencyManagement>",
        "      <dependency>\n        <groupId>dev.hangar</groupId>\n"
        f"        <artifactId>{module}</artifactId>\n        <version>${{project.version}}</version>\n"
        "      </dependency>\n    </dependencies>\n  </dependencyManagement>", 1))
edit("emulator-server/pom.xml", lambda s: re.sub(
        r"(<dependency><groupId>dev\.hangar</groupId><artifactId>api-[a-z0-9]+</artifactId></dependency>\n)(?!.*<artifactId>api-)",
        lambda m: m.group(1) + f"    <dependency><groupId>dev.hangar</groupId><artifactId>{module}</artifactId></dependency>\n",
        s, count=1, flags=re.S))
services = "emulator-server/src/main/java/dev/hangar/server/Services.java"
def wire(s):
    imports = list(re.finditer(r"^import dev\.hangar\.[^;]+;\n", s, flags=re.M))
    s = s[:imports[-1].end()] + f"import {pkg}.{Name}Service;\n" + s[imports[-1].end():]
    return re.sub(r"(static final List<ServiceFactory> ALL = List\.of\((?:\n\s+\w+::new,)*\n\s+\w+::new)\);",
                  lambda m: m.group(1) + f",\n            {Name}Service::new);", s, count=1)
edit(services, wire)

targets = "tools/service-facts/targets.json"
entry = ('    },\n    {\n'
         f'      "title": "{name}", "npm": "{npm}", "version": "{version}",\n'
         '      "outputs": [\n'
         f'        {{ "module": "{module}", "sources": "src/main/java", "javaPackage": "{pkg}", "className": "{Name}Facts" }}\n'
         '      ]\n    }\n  ]\n}\n')
edit(targets, lambda s: re.sub(r"    \}\n  \]\n\}\n?$", lambda m: entry, s, count=1))
json.load(open(targets))
PY

if [ "${NEW_SERVICE_SKIP_FACTS:-}" != 1 ] && command -v npm >/dev/null; then
  bash scripts/generate-service-facts.sh
else
  echo "[new-service] facts not generated: run bash scripts/generate-service-facts.sh (the first test fails until then)" >&2
fi
echo "[new-service] made $module; next: write handlers, mvn -B -ntp -pl $module -am verify, and regenerate" \
  "docs/coverage.md (CoverageDocTest's javadoc says how)" >&2
