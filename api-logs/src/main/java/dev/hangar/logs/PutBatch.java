package dev.hangar.logs;

import dev.hangar.core.resource.Constraints;
import dev.hangar.logs.domain.StoredEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.RejectedLogEventsInfo;

import java.util.List;

/**
 * PutLogEvents' rules for one batch: the hard limits fail the whole request; events too far in the past or the
 * future are skipped and reported in rejectedLogEventsInfo, as AWS does. Because a batch must be chronological,
 * the rejected events are always a prefix (too old, expired) and a suffix (too new) of it.
 */
record PutBatch(int acceptedFrom, int acceptedTo, RejectedLogEventsInfo rejected) {

    static final int MAX_EVENTS = 10_000;
    static final int MAX_BATCH_BYTES = 1_048_576;
    static final long MAX_AGE_MILLIS = 14L * 24 * 3600 * 1000;
    static final long MAX_FUTURE_MILLIS = 2L * 3600 * 1000;
    static final long MAX_SPAN_MILLIS = 24L * 3600 * 1000;

    static PutBatch check(List<InputLogEvent> events, Integer retentionInDays, long now) {
        if (events.isEmpty()) {
            throw LogsErrors.validation().fail("[]", "logEvents", Constraints.minLength(1)).error();
        }
        if (events.size() > MAX_EVENTS) {
            throw LogsErrors.validation().failWithoutValue("logEvents", Constraints.maxLength(MAX_EVENTS)).error();
        }
        long bytes = 0;
        for (int i = 0; i < events.size(); i++) {
            InputLogEvent event = events.get(i);
            String member = "logEvents." + (i + 1) + ".member";
            if (event.timestamp() == null) {
                throw LogsErrors.validation().missing(member + ".timestamp").error();
            }
            if (event.message() == null) {
                throw LogsErrors.validation().missing(member + ".message").error();
            }
            if (event.message().isEmpty()) {
                throw LogsErrors.validation().fail("", member + ".message", Constraints.minLength(1)).error();
            }
            bytes += StoredEvent.utf8Length(event.message()) + StoredEvent.OVERHEAD_BYTES;
            if (i > 0 && event.timestamp() < events.get(i - 1).timestamp()) {
                throw LogsErrors.invalidParameter(
                        "Log events in a single PutLogEvents request must be in chronological order.");
            }
        }
        if (bytes > MAX_BATCH_BYTES) {
            throw LogsErrors.invalidParameter("Upload too large: " + bytes + " bytes exceeds limit of "
                    + MAX_BATCH_BYTES);
        }

        long tooOldBefore = now - MAX_AGE_MILLIS;
        long expiredBefore = retentionInDays == null ? Long.MIN_VALUE : now - retentionInDays * 86_400_000L;
        long tooNewAfter = now + MAX_FUTURE_MILLIS;
        int tooOldEnd = 0;
        while (tooOldEnd < events.size() && events.get(tooOldEnd).timestamp() < tooOldBefore) {
            tooOldEnd++;
        }
        int expiredEnd = tooOldEnd;
        while (expiredEnd < events.size() && events.get(expiredEnd).timestamp() < expiredBefore) {
            expiredEnd++;
        }
        int tooNewStart = events.size();
        while (tooNewStart > expiredEnd && events.get(tooNewStart - 1).timestamp() > tooNewAfter) {
            tooNewStart--;
        }
        if (tooNewStart > expiredEnd
                && events.get(tooNewStart - 1).timestamp() - events.get(expiredEnd).timestamp() > MAX_SPAN_MILLIS) {
            throw LogsErrors.invalidParameter(
                    "The batch of log events in a single PutLogEvents request cannot span more than 24 hours.");
        }

        RejectedLogEventsInfo rejected = null;
        if (tooOldEnd > 0 || expiredEnd > tooOldEnd || tooNewStart < events.size()) {
            RejectedLogEventsInfo.Builder info = RejectedLogEventsInfo.builder();
            if (tooOldEnd > 0) {
                info.tooOldLogEventEndIndex(tooOldEnd);
            }
            if (expiredEnd > tooOldEnd) {
                info.expiredLogEventEndIndex(expiredEnd);
            }
            if (tooNewStart < events.size()) {
                info.tooNewLogEventStartIndex(tooNewStart);
            }
            rejected = info.build();
        }
        return new PutBatch(expiredEnd, tooNewStart, rejected);
    }
}
