import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The database side of bench/sla.sh: seeds running SLA clocks for every open ticket of a generated desk, and
 * afterwards reads what the sweep fired. Run with the project's runtime classpath (pgjdbc, H2), from the
 * project root, while Baton is stopped (an embedded H2 file is single-process).
 *
 *   seed    --url JDBC --user U --password P --window S --firings N --lead S [--burst N] [--seed 42] --out FILE
 *           Replaces every SLA clock, firing, pause and SLA outbox message with: one default SLA policy "Bench SLA
 *           (bench/sla.sh)" on the 24x7 calendar (warnings at 75 and 90 %), and for each open ticket a RUNNING
 *           FIRST_RESPONSE clock (4 h) and a RESOLUTION clock (24 h), started in the past. N of them (picked at
 *           random) have their next threshold inside the window [W, W + S), W = now + lead: spread uniformly
 *           (or, with --burst, all at W), cycling 75 %, 90 %, breach; the earlier thresholds of those passed
 *           before now (fired_percent says so, as if a sweep had fired them). The others have their 75 % warning
 *           after the window (spread over the next hours), nothing fired yet. Every row is what TargetClock.scheduled
 *           works out on a 24x7 calendar (business time = wall time): due_at = started_at + target, next_fire_at =
 *           started_at + percent x target. tickets.sla_due_at (the queues' order, which the sweep neither reads nor
 *           writes) is left as it is. Writes W and the sizes to FILE as shell variables.
 *   report  --url JDBC --user U --password P --state FILE [--burst]
 *           Prints firings in the window and their lateness (fired_at - fires_at), thresholds not fired, duplicate
 *           firings, outbox messages and duplicate messages per recipient, how late the last notice of each firing was
 *           written (outbox.created_at), and the longest stretches without a firing.
 *
 * The clocks are inserted with SQL rather than by ticket events (which is how Baton makes them): the rows are the
 * same, the benchmark measures the sweep, not the clock starts.
 */
public class SlaBench {

    static final String CALENDAR_24X7 = "00000000-0000-0000-0000-000000000247";
    static final String POLICY_NAME = "Bench SLA (bench/sla.sh)";
    static final long HOUR = 3_600_000L;

    public static void main(String[] args) throws Exception {
        if (args.length == 0) throw new IllegalArgumentException("seed or report");
        Map<String, String> o = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            if (!args[i].startsWith("--")) throw new IllegalArgumentException("unexpected " + args[i]);
            boolean flag = i + 1 >= args.length || args[i + 1].startsWith("--");
            o.put(args[i].substring(2), flag ? "true" : args[++i]);
        }
        switch (args[0]) {
            case "seed" -> seed(o);
            case "report" -> report(o);
            default -> throw new IllegalArgumentException("seed or report");
        }
    }

    static Connection connect(Map<String, String> o) throws SQLException {
        String url = o.get("url");
        Properties p = new Properties();
        p.setProperty("user", o.getOrDefault("user", ""));
        p.setProperty("password", o.getOrDefault("password", ""));
        if (url.startsWith("jdbc:postgresql:")) p.setProperty("reWriteBatchedInserts", "true");
        return DriverManager.getConnection(url, p);
    }

    // ------------------------------------------------------------------ seed

    static void seed(Map<String, String> o) throws Exception {
        long windowMs = Long.parseLong(o.getOrDefault("window", "600")) * 1000;
        int firings = Integer.parseInt(o.getOrDefault("firings", "30000"));
        int burst = Integer.parseInt(o.getOrDefault("burst", "0"));
        long leadMs = Long.parseLong(o.getOrDefault("lead", "700")) * 1000;
        SplittableRandom r = new SplittableRandom(Long.parseLong(o.getOrDefault("seed", "42")));
        boolean pg = o.get("url").startsWith("jdbc:postgresql:");
        int inWindow = burst > 0 ? burst : firings;

        try (Connection c = connect(o)) {
            c.setAutoCommit(false);
            long t = System.nanoTime();
            List<UUID> open = new ArrayList<>();
            List<String> types = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select id from tickets where is_open order by id")) {
                while (rs.next()) open.add(rs.getObject(1, UUID.class));
            }
            int clocks = open.size() * 2;
            if (inWindow > clocks) throw new IllegalArgumentException(inWindow + " firings but only " + clocks + " clocks (2 per open ticket)");

            // Targets long enough that the earlier thresholds of a clock firing in the window passed before now
            // (the smallest step, 90 % -> breach, is a tenth of the target) and its next one falls after the window.
            long span = leadMs + windowMs + 10 * 60_000L;
            long frMs = Math.max(4 * HOUR, ceilHours(span * 12)); // 10 % > span, with room
            long resMs = 6 * frMs;

            try (Statement s = c.createStatement()) {
                s.executeUpdate("delete from sla_firings");
                s.executeUpdate("delete from sla_clock_pauses");
                s.executeUpdate("delete from sla_clocks");
                s.executeUpdate("delete from outbox where kind = 'STAFF_NOTIFICATION' and payload like '{\"template\":\"SLA_%'");
                s.executeUpdate("delete from sla_policies where name = '" + POLICY_NAME + "'");
                try (ResultSet rs = s.executeQuery("select name from sla_policies where scope_key = 'DEFAULT'")) {
                    if (rs.next()) throw new IllegalStateException("the database has another default SLA policy: " + rs.getString(1));
                }
            }
            c.commit();
            // the window opens lead seconds from here: only the inserts below and Baton's start eat into it
            long now = System.currentTimeMillis() / 1000 * 1000;
            long w = now + leadMs, wEnd = w + windowMs;
            UUID policy = new UUID(0xbe9c4L, 0x51a0L);
            try (PreparedStatement p = c.prepareStatement("""
                    insert into sla_policies (id, kind, scope_key, name, organization_id, support_group_id, calendar_id,
                        warning_percents, pause_on, version, created_at, updated_at)
                    values (?, 'SLA', 'DEFAULT', ?, null, null, ?, '75,90', 'CUSTOMER', 0, ?, ?)""")) {
                p.setObject(1, policy);
                p.setString(2, POLICY_NAME);
                p.setObject(3, UUID.fromString(CALENDAR_24X7));
                p.setObject(4, ts(now));
                p.setObject(5, ts(now));
                p.executeUpdate();
            }
            try (PreparedStatement p = c.prepareStatement(
                    "insert into sla_targets (policy_id, ticket_type, priority, metric, duration_seconds, calendar_id) values (?, ?, ?, ?, ?, null)")) {
                for (String type : List.of("INCIDENT", "SERVICE_REQUEST", "PROBLEM", "OPERATIONAL_TASK")) {
                    for (String prio : List.of("P1", "P2", "P3", "P4", "PLANNED")) {
                        for (String[] m : new String[][] {{"FIRST_RESPONSE", "" + frMs / 1000}, {"RESOLUTION", "" + resMs / 1000}}) {
                            p.setObject(1, policy);
                            p.setString(2, type);
                            p.setString(3, prio);
                            p.setString(4, m[0]);
                            p.setLong(5, Long.parseLong(m[1]));
                            p.addBatch();
                        }
                    }
                }
                p.executeBatch();
            }

            // clock k: ticket k / 2, FIRST_RESPONSE when k is even; the first inWindow of a shuffled order fire in the window
            int[] order = new int[clocks];
            for (int i = 0; i < clocks; i++) order[i] = i;
            for (int i = clocks - 1; i > 0; i--) {
                int j = r.nextInt(i + 1);
                int x = order[i]; order[i] = order[j]; order[j] = x;
            }
            int[] steps = {75, 90, 100};
            long[] fired = new long[4];
            try (PreparedStatement p = c.prepareStatement("""
                    insert into sla_clocks (id, ticket_id, metric, cycle, policy_id, support_group_id, calendar_id, target_seconds,
                        promised_at, started_at, state, due_at, fired_percent, next_fire_at, next_fire_percent, breached_at, met_at,
                        stopped_at, stop_reason, version)
                    values (?, ?, ?, 1, ?, null, ?, ?, null, ?, 'RUNNING', ?, ?, ?, ?, null, null, null, null, 0)""")) {
                int batch = 0;
                for (int i = 0; i < clocks; i++) {
                    int k = order[i];
                    boolean fr = k % 2 == 0;
                    long target = fr ? frMs : resMs;
                    long fireAt;
                    int percent;
                    if (i < inWindow) {
                        // uniformly over the window, to the microsecond; a burst: all at W
                        fireAt = burst > 0 ? w : w + (long) ((i + 0.5) * windowMs / inWindow);
                        percent = steps[i % 3];
                    } else {
                        // the 75 % warning after the window: between 10 minutes after it and just before 75 % of the
                        // target from now, so that the clock started in the past
                        long from = wEnd + 10 * 60_000L, to = now + target * 3 / 4 - 60_000L;
                        fireAt = from + r.nextLong(to - from);
                        percent = 75;
                    }
                    long started = fireAt - target * percent / 100;
                    int firedPercent = percent == 75 ? 0 : percent == 90 ? 75 : 90;
                    fired[percent == 75 ? 0 : percent == 90 ? 1 : 2] += i < inWindow ? 1 : 0;
                    p.setObject(1, new UUID(r.nextLong(), r.nextLong()));
                    p.setObject(2, open.get(k / 2));
                    p.setString(3, fr ? "FIRST_RESPONSE" : "RESOLUTION");
                    p.setObject(4, policy);
                    p.setObject(5, UUID.fromString(CALENDAR_24X7));
                    p.setLong(6, target / 1000);
                    p.setObject(7, ts(started));
                    p.setObject(8, ts(started + target));
                    p.setInt(9, firedPercent);
                    p.setObject(10, ts(fireAt));
                    p.setInt(11, percent);
                    p.addBatch();
                    if (++batch == 2000) {
                        p.executeBatch();
                        batch = 0;
                    }
                }
                p.executeBatch();
            }
            c.commit();
            c.setAutoCommit(true);
            if (pg) {
                try (Statement s = c.createStatement()) {
                    s.execute("vacuum analyze sla_clocks");
                }
            }
            long seededAt = System.currentTimeMillis();
            String state = String.join("\n",
                    "SEED_AT_MS=" + now, "SEEDED_AT_MS=" + seededAt, "WINDOW_START_MS=" + w, "WINDOW_END_MS=" + wEnd,
                    "EXPECTED=" + inWindow, "CLOCKS=" + clocks, "OPEN_TICKETS=" + open.size(),
                    "FR_TARGET_S=" + frMs / 1000, "RES_TARGET_S=" + resMs / 1000,
                    "EXP_75=" + fired[0], "EXP_90=" + fired[1], "EXP_100=" + fired[2], "");
            Files.writeString(Path.of(o.get("out")), state);
            System.out.printf(Locale.ROOT, "   %,d running clocks for %,d open tickets (FIRST_RESPONSE %d h, RESOLUTION %d h, warnings 75,90 %%)"
                            + " in %.1f s; %,d thresholds due in the window (%,d at 75 %%, %,d at 90 %%, %,d breaches)%s%n",
                    clocks, open.size(), frMs / HOUR, resMs / HOUR, (System.nanoTime() - t) / 1e9, inWindow, fired[0], fired[1], fired[2],
                    burst > 0 ? ", all at the same instant" : String.format(Locale.ROOT, ", %.1f/s", inWindow * 1000.0 / windowMs));
        }
    }

    static long ceilHours(long ms) {
        return (ms + HOUR - 1) / HOUR * HOUR;
    }

    // ------------------------------------------------------------------ report

    static void report(Map<String, String> o) throws Exception {
        Map<String, String> st = new HashMap<>();
        for (String line : Files.readAllLines(Path.of(o.get("state")))) {
            int eq = line.indexOf('=');
            if (eq > 0) st.put(line.substring(0, eq), line.substring(eq + 1));
        }
        long w = Long.parseLong(st.get("WINDOW_START_MS")), wEnd = Long.parseLong(st.get("WINDOW_END_MS"));
        long seedAt = Long.parseLong(st.get("SEED_AT_MS"));
        int expected = Integer.parseInt(st.get("EXPECTED"));
        boolean burst = o.containsKey("burst");

        try (Connection c = connect(o)) {
            OffsetDateTime since = ts(seedAt);
            // the notices of each firing: the last one written (outbox.created_at, just before the batch commits)
            Map<String, Long> written = new HashMap<>();
            try (PreparedStatement p = c.prepareStatement("""
                    select aggregate_id, subject, max(created_at) from outbox
                     where kind = 'STAFF_NOTIFICATION' and created_at >= ? group by aggregate_id, subject""")) {
                p.setObject(1, since);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        String key = noticeKey(rs.getObject(1, UUID.class), rs.getString(2));
                        if (key != null) written.merge(key, micros(rs, 3), Math::max);
                    }
                }
            }
            List<long[]> rows = new ArrayList<>(); // fires_at, fired_at (µs), percent, last notice written (µs, 0 none)
            int before = 0, after = 0;
            try (PreparedStatement p = c.prepareStatement("""
                    select f.fires_at, f.fired_at, f.percent, c.ticket_id, c.metric from sla_firings f join sla_clocks c on c.id = f.clock_id
                     order by f.fired_at""")) {
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        long firesAt = micros(rs, 1), firedAt = micros(rs, 2);
                        int percent = rs.getInt(3);
                        String label = rs.getString(5).equals("FIRST_RESPONSE") ? "First response" : "Resolution";
                        Long notice = written.get(rs.getObject(4, UUID.class) + "|" + label + "|" + percent);
                        if (firesAt < w * 1000) before++;
                        else if (firesAt >= wEnd * 1000 && !burst) after++;
                        else rows.add(new long[] {firesAt, firedAt, percent, notice == null ? 0 : notice});
                    }
                }
            }
            long[] late = new long[rows.size()];
            int[] byPercent = new int[3];
            long lastFired = 0;
            for (int i = 0; i < late.length; i++) {
                late[i] = rows.get(i)[1] - rows.get(i)[0];
                int pc = (int) rows.get(i)[2];
                byPercent[pc == 75 ? 0 : pc == 90 ? 1 : 2]++;
                lastFired = Math.max(lastFired, rows.get(i)[1]);
            }
            long[] sorted = late.clone();
            Arrays.sort(sorted);
            long over1s = Arrays.stream(late).filter(x -> x > 1_000_000).count();
            long[] noticeLate = rows.stream().filter(x -> x[3] > 0).mapToLong(x -> x[3] - x[0]).sorted().toArray();
            long silent = rows.stream().filter(x -> x[3] == 0).count();

            long stillDue = one(c, "select count(*) from sla_clocks where next_fire_at < ?", ts(burst ? w + 1 : wEnd));
            long dupFirings = one(c, "select count(*) from (select clock_id, percent from sla_firings group by clock_id, percent having count(*) > 1) d");
            long outbox = one(c, "select count(*) from outbox where kind = 'STAFF_NOTIFICATION' and created_at >= ?", since);
            long dupOutbox = one(c, """
                    select count(*) from (select aggregate_id, recipient, subject from outbox
                     where kind = 'STAFF_NOTIFICATION' and created_at >= ? group by aggregate_id, recipient, subject having count(*) > 1) d""", since);
            long timeline = one(c, "select count(*) from ticket_events where kind = 'SERVICE_LEVEL' and occurred_at >= ?", since);

            String unit = burst ? "the burst" : "the window";
            System.out.printf(Locale.ROOT, "   firings in %s: %,d of %,d due (%,d warnings at 75 %%, %,d at 90 %%, %,d breaches)%n",
                    unit, rows.size(), expected, byPercent[0], byPercent[1], byPercent[2]);
            System.out.printf(Locale.ROOT, "   lateness (fired_at - fires_at): p50 %s  p95 %s  p99 %s  max %s; later than 1 s: %,d (%.2f %%)%n",
                    ms(pct(sorted, 50)), ms(pct(sorted, 95)), ms(pct(sorted, 99)), ms(sorted.length == 0 ? 0 : sorted[sorted.length - 1]),
                    over1s, sorted.length == 0 ? 0 : 100.0 * over1s / sorted.length);
            System.out.printf(Locale.ROOT, "   notices written (last outbox message of a firing - fires_at): p50 %s  p95 %s  p99 %s  max %s; firings without a notice: %,d%n",
                    ms(pct(noticeLate, 50)), ms(pct(noticeLate, 95)), ms(pct(noticeLate, 99)),
                    ms(noticeLate.length == 0 ? 0 : noticeLate[noticeLate.length - 1]), silent);
            if (burst && !rows.isEmpty()) {
                System.out.printf(Locale.ROOT, "   burst drained in %s (last firing - the instant), %.0f firings/s%n",
                        ms(lastFired - w * 1000), rows.size() / Math.max(1e-3, (lastFired - w * 1000) / 1e6));
            }
            System.out.printf(Locale.ROOT, "   not fired by the end (lost): %,d (due clocks still scheduled: %,d); fired outside %s: %,d before, %,d after%n",
                    Math.max(0, expected - rows.size()), stillDue, unit, before, after);
            System.out.printf(Locale.ROOT, "   duplicate firings (clock, percent): %,d; duplicate outbox messages (ticket, recipient, subject): %,d%n",
                    dupFirings, dupOutbox);
            System.out.printf(Locale.ROOT, "   outbox messages written: %,d (%.1f per firing); timeline entries: %,d%n",
                    outbox, rows.isEmpty() ? 0 : (double) outbox / rows.size(), timeline);
            if (!burst && !rows.isEmpty()) gaps(rows, w);
        }
    }

    /** The longest stretches in which thresholds were due but none fired (a sweep that stood still). */
    static void gaps(List<long[]> rows, long w) {
        List<long[]> gaps = new ArrayList<>(); // start (µs since W), length (µs)
        long prev = rows.getFirst()[1];
        for (long[] row : rows) {
            if (row[1] - prev > 1_000_000) gaps.add(new long[] {prev - w * 1000, row[1] - prev});
            prev = row[1];
        }
        if (gaps.isEmpty()) {
            System.out.println("   no stretch over 1 s without a firing");
            return;
        }
        gaps.sort((a, b) -> Long.compare(b[1], a[1]));
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(6, gaps.size()); i++) {
            sb.append(i == 0 ? "" : ", ").append(ms(gaps.get(i)[1])).append(" at +").append(String.format(Locale.ROOT, "%.1f s", gaps.get(i)[0] / 1e6));
        }
        long total = gaps.stream().mapToLong(g -> g[1]).sum();
        System.out.printf(Locale.ROOT, "   stretches over 1 s without a firing: %d, %.1f s in all; longest: %s%n", gaps.size(), total / 1e6, sb);
    }

    static final Pattern SUBJECT = Pattern.compile("^[^:]+: (.+?) target (?:(\\d+)% used|breached)");

    /** ticket|target label|percent of an SLA notice's subject ("INC-1: Resolution target 75% used: due ..."), or null. */
    static String noticeKey(UUID ticket, String subject) {
        Matcher m = SUBJECT.matcher(subject);
        if (!m.find()) return null;
        return ticket + "|" + m.group(1) + "|" + (m.group(2) == null ? "100" : m.group(2));
    }

    static long one(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) p.setObject(i + 1, params[i]);
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static OffsetDateTime ts(long epochMs) {
        return Instant.ofEpochMilli(epochMs).atOffset(ZoneOffset.UTC);
    }

    static long micros(ResultSet rs, int column) throws SQLException {
        Instant i = rs.getObject(column, OffsetDateTime.class).toInstant();
        return i.getEpochSecond() * 1_000_000 + i.getNano() / 1000;
    }

    static long pct(long[] sorted, double p) {
        if (sorted.length == 0) return 0;
        int i = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    static String ms(long micros) {
        return micros >= 10_000_000 ? String.format(Locale.ROOT, "%.1f s", micros / 1e6) : String.format(Locale.ROOT, "%d ms", micros / 1000);
    }
}
