#!/usr/bin/env node
// Writes each service's facts (success status and required top-level input members of every operation) as a Java
// source file, read from the AWS SDK for JavaScript v3 client packages named in targets.json. Run it through
// scripts/generate-service-facts.sh, which installs exactly those package versions into a temporary directory;
// see docs/service-facts.md.
//
//   node tools/service-facts/generate.mjs --packages DIR [--check]
//
// DIR holds node_modules/ with the pinned clients. --check writes nothing and exits 1 when a committed file
// differs from what would be written.
//
// What is read, from each client's schemas (the static arrays @smithy/core's NormalizedSchema reads):
//   operation  [9, namespace, name, traits, input, output]: traits (an object, or a bit set translateTraits reads)
//              hold http = [method, uri, code] on REST protocols; no http trait (awsJson, query, rpcv2Cbor) means 200
//   structure  [3, namespace, name, traits, memberNames, memberSchemas, requiredCount?]: the code generator lists
//              the required members first, so the first requiredCount names are the required ones
//   member     [schema, traits]; the httpResponseCode trait (bit 5 of a numeric trait set) marks an output member
//              that carries the status itself (Lambda's Invoke and DeleteFunction)

import { createRequire } from "node:module";
import { readFileSync, writeFileSync, existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, "..", "..");
const TARGETS = path.join(HERE, "targets.json");
/** A class-file string constant holds at most 65535 bytes; longer tables are split into parts joined at run time. */
const MAX_PART = 60000;

function parseArgs(argv) {
    const args = { packages: null, check: false };
    for (let i = 0; i < argv.length; i++) {
        if (argv[i] === "--packages") {
            args.packages = argv[++i];
        } else if (argv[i] === "--check") {
            args.check = true;
        } else {
            fail(`unknown argument ${argv[i]}`);
        }
    }
    if (!args.packages) {
        fail("usage: generate.mjs --packages DIR [--check]");
    }
    return args;
}

function fail(message) {
    console.error(`[service-facts] ${message}`);
    process.exit(2);
}

/** The client module, loaded from DIR/node_modules, after checking it is the pinned version. */
function loadClient(packagesDir, npm, version) {
    const manifest = path.join(packagesDir, "node_modules", ...npm.split("/"), "package.json");
    if (!existsSync(manifest)) {
        fail(`${npm} is not installed in ${packagesDir}`);
    }
    const installed = JSON.parse(readFileSync(manifest, "utf8")).version;
    if (installed !== version) {
        fail(`${npm} ${installed} is installed, targets.json pins ${version}`);
    }
    const require = createRequire(manifest);
    const client = require(npm);
    const schema = createRequire(require.resolve(npm))("@smithy/core/schema");
    return { client, schema };
}

const isStatic = (s) => Array.isArray(s) && s.length >= 5;

/** Every operation of the client: name, success status, required input members, output status members. */
function readOperations(npm, client, { deref, translateTraits, NormalizedSchema }) {
    const operations = [];
    for (const [exported, schema] of Object.entries(client)) {
        if (!exported.endsWith("$") || !isStatic(schema) || schema[0] !== 9) {
            continue;
        }
        const [, , name, traits, input, output] = schema;
        if (exported !== `${name}$`) {
            fail(`${npm}: operation ${name} exported as ${exported}`);
        }
        operations.push({
            name,
            status: successStatus(npm, name, translateTraits(traits)),
            required: requiredMembers(npm, name, deref(input)),
            statusMembers: statusMembers(npm, name, deref(output), NormalizedSchema),
        });
    }
    if (operations.length === 0) {
        fail(`${npm}: no operation schemas found (has the schema format changed?)`);
    }
    operations.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    return operations;
}

function successStatus(npm, operation, traits) {
    if (!traits.http) {
        return 200;
    }
    const code = traits.http[2];
    if (!Number.isInteger(code) || code < 200 || code > 299) {
        fail(`${npm}: ${operation}'s http trait ${JSON.stringify(traits.http)} has no 2xx code`);
    }
    return code;
}

function requiredMembers(npm, operation, input) {
    if (input === "unit") {
        return [];
    }
    if (!isStatic(input) || input[0] !== 3) {
        fail(`${npm}: ${operation}'s input is not a structure schema`);
    }
    const names = input[4];
    const count = input[6] ?? 0;
    if (!Number.isInteger(count) || count < 0 || count > names.length) {
        fail(`${npm}: ${operation}'s input ${input[2]} has required count ${count} of ${names.length} members`);
    }
    return names.slice(0, count);
}

/** Output members bound to the response status (httpResponseCode): the handler may set the status through them. */
function statusMembers(npm, operation, output, NormalizedSchema) {
    if (output === "unit" || output === undefined) {
        return [];
    }
    const members = [];
    for (const [member, schema] of NormalizedSchema.of(output).structIterator()) {
        if (schema.getMergedTraits().httpResponseCode) {
            members.push(member);
        }
    }
    return members;
}

/** targets.json's "omit" (operations left out) and "overrides" (statuses AWS answers otherwise), each with its why. */
function applyOverrides(service, operations) {
    const applied = [];
    for (const [name, because] of Object.entries(service.omit ?? {})) {
        const at = operations.findIndex((o) => o.name === name);
        if (at < 0) {
            fail(`${service.npm}: omit names ${name}, which the schema does not have`);
        }
        if (typeof because !== "string" || !because) {
            fail(`${service.npm}: omit of ${name} says no why`);
        }
        operations.splice(at, 1);
        applied.push(`${name}: left out, because ${because}`);
    }
    const overrides = service.overrides ?? {};
    for (const [name, override] of Object.entries(overrides)) {
        const op = operations.find((o) => o.name === name);
        if (!op) {
            fail(`${service.npm}: override names ${name}, which the schema does not have`);
        }
        if (!override.because) {
            fail(`${service.npm}: override of ${name} says no "because"`);
        }
        if (override.status !== undefined) {
            if (override.status === op.status) {
                fail(`${service.npm}: override of ${name} sets status ${op.status}, which the schema already says`);
            }
            applied.push(`${name}: status ${override.status} where the schema says ${op.status}, because ${override.because}`);
            op.status = override.status;
        }
    }
    return applied;
}

function table(operations) {
    return operations.map((op) => `${op.name} ${op.status}${op.required.length ? " " + op.required.join(",") : ""}`);
}

/** The table as text-block constants, each within the class-file limit. */
function parts(lines) {
    const chunks = [];
    let current = [];
    let size = 0;
    for (const line of lines) {
        if (size + line.length + 1 > MAX_PART && current.length) {
            chunks.push(current);
            current = [];
            size = 0;
        }
        current.push(line);
        size += line.length + 1;
    }
    chunks.push(current);
    return chunks;
}

function textBlock(lines, indent) {
    const pad = " ".repeat(indent);
    return `"""\n${lines.map((l) => pad + l).join("\n")}\n${pad}"""`;
}

/** Words wrapped into Javadoc lines of at most WIDTH columns. */
function wrap(text, width = 116 - " * ".length) {
    const lines = [];
    let line = "";
    for (const word of text.split(/\s+/).filter(Boolean)) {
        if (line && line.length + 1 + word.length > width) {
            lines.push(line);
            line = word;
        } else {
            line = line ? `${line} ${word}` : word;
        }
    }
    if (line) {
        lines.push(line);
    }
    return lines;
}

function javaSource(service, output, operations, overrides) {
    const lines = table(operations);
    const nonDefault = operations.filter((o) => o.status !== 200).length;
    const withRequired = operations.filter((o) => o.required.length).length;
    const statusNotes = operations.filter((o) => o.statusMembers.length)
        .map((o) => `${o.name} (${o.statusMembers.join(", ")})`);
    const doc = wrap(`The service facts of ${service.title}: for each of its ${operations.length} operations, the HTTP`
        + " status AWS answers on success and the top-level input members it requires, in the model's order, spelled"
        + ` as the SDK for Java's SdkField.memberName() spells them. ${nonDefault} operations answer other than 200;`
        + ` ${withRequired} require members.`);
    if (statusNotes.length) {
        doc.push("", ...wrap(`<p>The output carries the status itself (httpResponseCode) in ${statusNotes.join(", ")};`
            + " the status here is the one answered when the handler leaves that member unset."));
    }
    if (overrides.length) {
        doc.push("", "<p>Where this differs from the schema (tools/service-facts/targets.json):", "<ul>");
        for (const o of overrides) {
            doc.push(...wrap(`<li>${o}</li>`));
        }
        doc.push("</ul>");
    }
    const chunks = parts(lines);
    let body;
    if (chunks.length === 1) {
        body = `    public static final ServiceFacts FACTS = ServiceFacts.of(${textBlock(chunks[0], 12)});\n`;
    } else {
        const names = chunks.map((_, i) => `PART_${i + 1}`);
        body = chunks.map((chunk, i) => `    private static final String ${names[i]} = ${textBlock(chunk, 12)};\n\n`).join("")
            + `    public static final ServiceFacts FACTS = ServiceFacts.of(String.join("", ${names.join(", ")}));\n`;
    }
    return `// Generated by tools/service-facts/generate.mjs from ${service.npm} ${service.version}. Do not edit:
// regenerate with scripts/generate-service-facts.sh (pins in tools/service-facts/targets.json; docs/service-facts.md).
package ${output.javaPackage};

import dev.hangar.core.service.ServiceFacts;

/**
${doc.map((l) => (l ? ` * ${l}` : " *")).join("\n")}
 */
public final class ${output.className} {

${body}
    private ${output.className}() {
    }
}
`;
}

function outputPath(output) {
    return path.join(ROOT, output.module, output.sources, ...output.javaPackage.split("."), `${output.className}.java`);
}

function main() {
    const args = parseArgs(process.argv.slice(2));
    const packagesDir = path.resolve(args.packages);
    const { services } = JSON.parse(readFileSync(TARGETS, "utf8"));
    let stale = 0;
    for (const service of services) {
        const { client, schema } = loadClient(packagesDir, service.npm, service.version);
        const operations = readOperations(service.npm, client, schema);
        const overrides = applyOverrides(service, operations);
        for (const output of service.outputs) {
            const file = outputPath(output);
            const source = javaSource(service, output, operations, overrides);
            const current = existsSync(file) ? readFileSync(file, "utf8") : null;
            const relative = path.relative(ROOT, file);
            if (current === source) {
                console.log(`[service-facts] ${relative}: up to date (${operations.length} operations)`);
            } else if (args.check) {
                console.error(`[service-facts] ${relative}: ${current === null ? "missing" : "differs from what "
                    + `${service.npm} ${service.version} gives`}`);
                stale++;
            } else {
                mkdirSync(path.dirname(file), { recursive: true });
                writeFileSync(file, source);
                console.log(`[service-facts] ${relative}: written (${operations.length} operations)`);
            }
        }
    }
    if (stale) {
        console.error(`[service-facts] ${stale} file(s) out of date: run scripts/generate-service-facts.sh`);
        process.exit(1);
    }
}

main();
