package org.baton.sla;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.baton.calendar.BusinessTime;
import org.jspecify.annotations.Nullable;

/** The words and facts that service-level entries and notices carry. */
final class Texts {

    private Texts() {}

    static String name(TargetClock clock) {
        String name = clock.target().label();
        return clock.target() == ServiceTarget.NEXT_UPDATE && clock.cycle() > 1 ? name + " #" + clock.cycle() : name;
    }

    /**
     * "Resolution target met with 2 h 10 min of business time to spare (5 h 50 min of 8 h used)." The instants are in
     * the entry's details, to be shown in each reader's time zone; the text names none.
     */
    static String outcome(TargetClock clock, BusinessTime calendar) {
        Instant at = clock.stoppedAt() == null ? clock.metAt() : clock.stoppedAt();
        Duration used = at == null ? Duration.ZERO : clock.used(calendar, at);
        String usage = " (" + duration(used) + " of " + duration(clock.amount()) + " business time used)";
        if (clock.breachedAt() != null) {
            Duration late = used.minus(clock.amount());
            return name(clock) + " target breached: met " + (late.isPositive() ? duration(late) + " of business time late" : "late")
                    + usage + ".";
        }
        Duration spare = clock.amount().minus(used);
        return name(clock) + " target met" + (spare.isPositive() ? " with " + duration(spare) + " of business time to spare" : "")
                + usage + ".";
    }

    static String cancelled(TargetClock clock, String reason) {
        return name(clock) + " clock stopped (" + reason.toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + "); not measured further.";
    }

    static String breached(TargetClock clock) {
        return name(clock) + " target breached: its " + duration(clock.amount()) + " of business time ran out.";
    }

    static String warning(TargetClock clock, int percent) {
        Duration left = clock.amount().minus(clock.amount().multipliedBy(percent).dividedBy(100));
        return name(clock) + " target " + percent + "% used: " + duration(left) + " of business time left.";
    }

    static Map<String, @Nullable Object> details(TargetClock clock, BusinessTime calendar, Instant now) {
        Map<String, @Nullable Object> d = new LinkedHashMap<>();
        d.put("target", clock.target().name());
        d.put("cycle", clock.cycle());
        d.put("outcome", clock.outcome());
        d.put("businessTime", clock.amount().toString());
        d.put("calendarId", clock.calendarId().toString());
        d.put("startedAt", clock.startedAt().toString());
        d.put("dueAt", text(clock.dueAt()));
        d.put("metAt", text(clock.metAt()));
        d.put("breachedAt", text(clock.breachedAt()));
        d.put("used", clock.used(calendar, now).toString());
        List<Map<String, @Nullable String>> pauses = clock.pauses().stream().map(p -> {
            Map<String, @Nullable String> m = new LinkedHashMap<>();
            m.put("pausedAt", p.pausedAt().toString());
            m.put("resumedAt", text(p.resumedAt()));
            return m;
        }).toList();
        d.put("pauses", pauses);
        return d;
    }

    static @Nullable String text(@Nullable Instant instant) {
        return instant == null ? null : instant.toString();
    }

    static String instant(@Nullable Instant instant) {
        return instant == null ? "—" : instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** "3 h 5 min", "45 min", "20 s", "2 d 1 h" in business time. */
    static String duration(Duration d) {
        long seconds = Math.abs(d.toSeconds());
        String sign = d.isNegative() ? "−" : "";
        long days = seconds / 86_400;
        long hours = seconds % 86_400 / 3600;
        long minutes = seconds % 3600 / 60;
        StringBuilder out = new StringBuilder(sign);
        if (days > 0) {
            out.append(days).append(" d ");
        }
        if (hours > 0) {
            out.append(hours).append(" h ");
        }
        if (minutes > 0 || (days == 0 && hours == 0 && seconds >= 60)) {
            out.append(minutes).append(" min ");
        }
        if (days == 0 && hours == 0 && minutes == 0) {
            out.append(seconds).append(" s ");
        }
        return out.toString().strip();
    }
}
