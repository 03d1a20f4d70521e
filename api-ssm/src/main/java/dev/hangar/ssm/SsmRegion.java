package dev.hangar.ssm;

import dev.hangar.ssm.domain.ParameterRecord;

import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The parameters of one account and region, sorted by name. Creating and deleting a parameter hold this object's
 * lock, so that a put of a new name and a delete of it are ordered; everything inside one parameter holds the
 * parameter's own lock.
 */
final class SsmRegion {

    private final SsmArns arns;
    private final ConcurrentNavigableMap<String, ParameterRecord> parameters = new ConcurrentSkipListMap<>();

    SsmRegion(String account, String region) {
        this.arns = new SsmArns(region, account);
    }

    SsmArns arns() {
        return arns;
    }

    ConcurrentNavigableMap<String, ParameterRecord> parameters() {
        return parameters;
    }

    /** The parameter, if it has a version (a record being created has none yet). */
    ParameterRecord find(String name) {
        ParameterRecord record = name == null ? null : parameters.get(name);
        return record == null || record.latest() == null ? null : record;
    }

    /** A parameter by name, or by its ARN (GetParameter, GetParameters and GetParameterHistory take either). */
    ParameterRecord findByNameOrArn(String nameOrArn) {
        if (nameOrArn == null || !nameOrArn.startsWith("arn:")) {
            return find(nameOrArn);
        }
        for (String name : arns.names(nameOrArn)) {
            ParameterRecord record = find(name);
            if (record != null) {
                return record;
            }
        }
        return null;
    }

    ParameterRecord require(String name) {
        ParameterRecord record = findByNameOrArn(name);
        if (record == null) {
            throw SsmErrors.notFound(name);
        }
        return record;
    }

    synchronized ParameterRecord findOrCreate(String name) {
        return parameters.computeIfAbsent(name, ParameterRecord::new);
    }

    /** Drops a record a failed first put left without versions. */
    synchronized void dropIfEmpty(ParameterRecord record) {
        if (record.latest() == null || record.deleted()) {
            parameters.remove(record.name(), record);
        }
    }

    synchronized boolean remove(String name) {
        ParameterRecord record = parameters.get(name);
        if (record == null || record.latest() == null) {
            return false;
        }
        record.markDeleted();
        return parameters.remove(name, record);
    }
}
