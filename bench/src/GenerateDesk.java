import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * Fills a Baton database with a realistic service desk: organizations with mail domains, customers,
 * staff, support groups, a million tickets with their timelines, and three bench accounts with API
 * tokens. Run by bench/generate-desk.sh (see there for the options), from the project root, with the
 * project's runtime classpath (pgjdbc, H2, Flyway).
 *
 * Deterministic: the same --seed, --now and sizes give the same rows (ids, numbers, texts, times).
 * PostgreSQL is loaded with COPY, H2 with batches of multi-row INSERTs; one transaction per chunk of
 * tickets (with their events). A producer thread generates chunks while the main thread writes them.
 */
public class GenerateDesk {

    static final long MIN = 60_000L, HOUR = 3_600_000L, DAY = 86_400_000L;

    // ------------------------------------------------------------------ options
    String db = "postgresql", url, user, password;
    int nTickets = 1_000_000, nOpen = 100_000, nCustomers = 50_000, nAgents = 200, nOrgs = 20;
    long seed = 42;
    long now;
    int chunkTickets = 5_000;
    Path repo = Path.of("").toAbsolutePath();
    Path tokensFile;
    boolean pg;
    boolean fkChecks;
    boolean keepIndexes; // keep the plain secondary indexes during the ticket load (slower); else dropped and made again
    boolean compact = true; // H2: SHUTDOWN COMPACT at the end (the bulk load leaves the file about 3x its data) // keep the foreign-key checks on during the ticket load (slower); else verified afterwards

    public static void main(String[] args) throws Exception {
        new GenerateDesk().run(args);
    }

    void parse(String[] args) {
        String nowArg = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String v = i + 1 < args.length ? args[i + 1] : null;
            switch (a) {
                case "--db" -> { db = v; i++; }
                case "--url" -> { url = v; i++; }
                case "--user" -> { user = v; i++; }
                case "--password" -> { password = v; i++; }
                case "--tickets" -> { nTickets = Integer.parseInt(v); i++; }
                case "--open" -> { nOpen = Integer.parseInt(v); i++; }
                case "--customers" -> { nCustomers = Integer.parseInt(v); i++; }
                case "--agents" -> { nAgents = Integer.parseInt(v); i++; }
                case "--orgs" -> { nOrgs = Integer.parseInt(v); i++; }
                case "--seed" -> { seed = Long.parseLong(v); i++; }
                case "--now" -> { nowArg = v; i++; }
                case "--chunk" -> { chunkTickets = Integer.parseInt(v); i++; }
                case "--repo" -> { repo = Path.of(v).toAbsolutePath(); i++; }
                case "--tokens-file" -> { tokensFile = Path.of(v); i++; }
                case "--fk-checks" -> fkChecks = true;
                case "--keep-indexes" -> keepIndexes = true;
                case "--no-compact" -> compact = false;
                default -> throw new IllegalArgumentException("unknown option " + a);
            }
        }
        pg = switch (db) {
            case "postgresql" -> true;
            case "h2" -> false;
            default -> throw new IllegalArgumentException("--db must be postgresql or h2");
        };
        if (url == null) {
            url = pg ? "jdbc:postgresql://127.0.0.1:5432/baton_bench"
                    : "jdbc:h2:file:./target/bench-h2/baton;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        }
        if (user == null) user = pg ? "postgres" : "sa";
        if (password == null) password = "";
        if (tokensFile == null) tokensFile = repo.resolve("bench/.tokens");
        if (nOpen > nTickets || nTickets < 1 || nCustomers < nOrgs || nOrgs < 1 || nAgents < 10) {
            throw new IllegalArgumentException("need tickets >= 1, open <= tickets, customers >= orgs >= 1, agents >= 10");
        }
        // the anchor of all times; default: now, to the hour (fix it with --now for byte-identical runs)
        now = nowArg != null ? Instant.parse(nowArg).toEpochMilli()
                : Instant.now().truncatedTo(ChronoUnit.HOURS).toEpochMilli();
    }

    // ------------------------------------------------------------------ randomness
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    SplittableRandom rng(long stream, long i) {
        return new SplittableRandom(mix(seed * 0x9E3779B97F4A7C15L + stream * 0xD1B54A32D192ED03L + i));
    }

    static UUID uuid(SplittableRandom r) {
        long hi = (r.nextLong() & ~0xF000L) | 0x4000L;
        long lo = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(hi, lo);
    }

    static <T> T pick(SplittableRandom r, T[] a) {
        return a[r.nextInt(a.length)];
    }

    /** Index into cumulative weights. */
    static int weighted(SplittableRandom r, double[] cum) {
        double u = r.nextDouble() * cum[cum.length - 1];
        int i = Arrays.binarySearch(cum, u);
        return i >= 0 ? Math.min(i + 1, cum.length - 1) : -i - 1;
    }

    static double[] cumulative(double... w) {
        double[] c = new double[w.length];
        double s = 0;
        for (int i = 0; i < w.length; i++) c[i] = s += w[i];
        return c;
    }

    // ------------------------------------------------------------------ row buffers
    /** A table's column list. */
    record Table(String name, String... columns) {
        String copySql() { return "copy " + name + " (" + String.join(", ", columns) + ") from stdin"; }
    }

    static final Table ORGS = new Table("organizations", "id", "name", "code", "shared_ticket_visibility", "active", "created_at", "version");
    static final Table DOMAINS = new Table("organization_mail_domains", "domain", "organization_id");
    static final Table GROUPS = new Table("support_groups", "id", "name", "kind", "description", "email", "serves_all_organizations", "active", "created_at", "version");
    static final Table GROUP_ORGS = new Table("support_group_organizations", "support_group_id", "organization_id");
    static final Table USERS = new Table("users", "id", "username", "username_key", "email", "email_key", "display_name", "role",
            "organization_id", "phone", "location", "time_zone", "password_hash", "active", "created_at", "last_sign_in_at", "version");
    static final Table MEMBERS = new Table("support_group_members", "support_group_id", "user_id");
    static final Table TOKENS = new Table("api_tokens", "id", "user_id", "name", "token_prefix", "token_hash", "created_at", "expires_at");
    static final Table TICKETS = new Table("tickets", "id", "number", "type", "status", "is_open", "pending_reason", "impact", "urgency",
            "priority", "organization_id", "requester_id", "requester_name", "requester_location", "requester_contact", "channel",
            "category", "subject", "description", "owner_id", "working_group_id", "assignee_id", "handoff_eta", "handed_off",
            "ownership_transferred", "reopened", "first_contact_resolved", "resolution_code", "resolution_notes",
            "expected_restoration_at", "restoration_unknown_reason", "next_update_due_at", "last_status_update_at", "due_at",
            "created_by", "created_at", "updated_at", "resolved_at", "closed_at", "version");
    static final Table EVENTS = new Table("ticket_events", "ticket_id", "kind", "visibility", "actor_id", "actor_name", "occurred_at", "body", "details");

    static final long NULL_TS = Long.MIN_VALUE;

    /** Rows of one table, buffered: COPY text for PostgreSQL, value arrays for H2. */
    static abstract class Rows {
        final Table table;
        long count;
        Rows(Table table) { this.table = table; }
        abstract Rows uuid(UUID v);
        abstract Rows str(String v);
        abstract Rows bool(boolean v);
        abstract Rows num(long v);
        abstract Rows ts(long epochMs); // NULL_TS for null
        abstract Rows nul();
        abstract void end();
        abstract void write(Connection c) throws SQLException, IOException;
    }

    static final class CopyRows extends Rows {
        final StringBuilder sb = new StringBuilder(1 << 16);
        boolean first = true;
        CopyRows(Table t) { super(t); }
        private StringBuilder sep() {
            if (!first) sb.append('\t');
            first = false;
            return sb;
        }
        Rows uuid(UUID v) { if (v == null) return nul(); sep().append(v); return this; }
        Rows str(String v) {
            if (v == null) return nul();
            sep();
            for (int i = 0, n = v.length(); i < n; i++) {
                char ch = v.charAt(i);
                switch (ch) {
                    case '\\' -> sb.append("\\\\");
                    case '\t' -> sb.append("\\t");
                    case '\n' -> sb.append("\\n");
                    case '\r' -> sb.append("\\r");
                    default -> sb.append(ch);
                }
            }
            return this;
        }
        Rows bool(boolean v) { sep().append(v ? 't' : 'f'); return this; }
        Rows num(long v) { sep().append(v); return this; }
        Rows ts(long ms) { if (ms == NULL_TS) return nul(); appendTs(sep(), ms); return this; }
        Rows nul() { sep().append("\\N"); return this; }
        void end() { sb.append('\n'); first = true; count++; }
        void write(Connection c) throws SQLException, IOException {
            if (count == 0) return;
            byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
            CopyManager cm = c.unwrap(PGConnection.class).getCopyAPI();
            CopyIn in = cm.copyIn(table.copySql());
            try {
                for (int off = 0; off < bytes.length; off += 1 << 20) {
                    in.writeToCopy(bytes, off, Math.min(1 << 20, bytes.length - off));
                }
                in.endCopy();
            } finally {
                if (in.isActive()) in.cancelCopy();
            }
        }
    }

    static void appendTs(StringBuilder sb, long ms) {
        long day = Math.floorDiv(ms, DAY);
        long rest = ms - day * DAY;
        LocalDate d = LocalDate.ofEpochDay(day);
        sb.append(d.getYear()).append('-');
        two(sb, d.getMonthValue()).append('-');
        two(sb, d.getDayOfMonth()).append(' ');
        two(sb, (int) (rest / HOUR)).append(':');
        two(sb, (int) (rest / MIN % 60)).append(':');
        two(sb, (int) (rest / 1000 % 60)).append('.');
        int milli = (int) (rest % 1000);
        sb.append((char) ('0' + milli / 100)).append((char) ('0' + milli / 10 % 10)).append((char) ('0' + milli % 10));
        sb.append("+00");
    }

    static StringBuilder two(StringBuilder sb, int v) {
        return sb.append((char) ('0' + v / 10)).append((char) ('0' + v % 10));
    }

    static final class BatchRows extends Rows {
        static final int ROWS_PER_STATEMENT = 50;
        final List<Object[]> rows = new ArrayList<>();
        Object[] cur;
        int col;
        BatchRows(Table t) { super(t); }
        private Rows put(Object v) {
            if (cur == null) cur = new Object[table.columns().length];
            cur[col++] = v;
            return this;
        }
        Rows uuid(UUID v) { return put(v); }
        Rows str(String v) { return put(v); }
        Rows bool(boolean v) { return put(v); }
        Rows num(long v) { return put(v); }
        Rows ts(long ms) { return put(ms == NULL_TS ? null : OffsetDateTime.ofInstant(Instant.ofEpochMilli(ms), ZoneOffset.UTC)); }
        Rows nul() { return put(null); }
        void end() {
            if (col != table.columns().length) throw new IllegalStateException(table.name() + ": " + col + " values");
            rows.add(cur); cur = null; col = 0; count++;
        }
        String insertSql(int nRows) {
            StringBuilder sb = new StringBuilder("insert into ").append(table.name()).append(" (")
                    .append(String.join(", ", table.columns())).append(") values ");
            String one = "(" + "?, ".repeat(table.columns().length - 1) + "?)";
            for (int i = 0; i < nRows; i++) sb.append(i == 0 ? "" : ", ").append(one);
            return sb.toString();
        }
        void write(Connection c) throws SQLException {
            int n = rows.size(), full = n / ROWS_PER_STATEMENT;
            if (full > 0) {
                try (PreparedStatement ps = c.prepareStatement(insertSql(ROWS_PER_STATEMENT))) {
                    for (int s = 0; s < full; s++) {
                        int p = 1;
                        for (int r = s * ROWS_PER_STATEMENT; r < (s + 1) * ROWS_PER_STATEMENT; r++) {
                            for (Object v : rows.get(r)) ps.setObject(p++, v);
                        }
                        ps.addBatch();
                        if (s % 20 == 19) ps.executeBatch();
                    }
                    ps.executeBatch();
                }
            }
            int rest = n - full * ROWS_PER_STATEMENT;
            if (rest > 0) {
                try (PreparedStatement ps = c.prepareStatement(insertSql(rest))) {
                    int p = 1;
                    for (int r = full * ROWS_PER_STATEMENT; r < n; r++) {
                        for (Object v : rows.get(r)) ps.setObject(p++, v);
                    }
                    ps.executeUpdate();
                }
            }
        }
    }

    Rows rows(Table t) {
        return pg ? new CopyRows(t) : new BatchRows(t);
    }

    /** Rows of several tables written in one transaction, in the order given. */
    final class Batch {
        final Map<Table, Rows> byTable = new LinkedHashMap<>();
        Batch(Table... tables) { for (Table t : tables) byTable.put(t, rows(t)); }
        Rows of(Table t) { return byTable.get(t); }
        void write(Connection c) throws SQLException, IOException {
            for (Rows r : byTable.values()) {
                r.write(c);
                counts.merge(r.table.name(), r.count, Long::sum);
            }
            c.commit();
        }
    }

    final Map<String, Long> counts = new LinkedHashMap<>();

    // ------------------------------------------------------------------ reference data
    static final String[] FIRST = {"Anna", "Ben", "Chloe", "David", "Emma", "Felix", "Grace", "Hugo", "Isla", "Jack", "Karin", "Liam",
        "Maya", "Noah", "Olivia", "Pavel", "Quinn", "Rosa", "Sam", "Tara", "Umar", "Vera", "Will", "Xenia", "Yusuf", "Zoe", "Amir",
        "Bianca", "Carlos", "Daria", "Erik", "Fatima", "George", "Hannah", "Ivan", "Julia", "Kenji", "Lena", "Marco", "Nina", "Oscar",
        "Priya", "Rafael", "Sofia", "Tomas", "Ursula", "Victor", "Wen", "Yara", "Zain", "Alice", "Bruno", "Clara", "Diego", "Elena",
        "Farid", "Greta", "Henrik", "Ingrid", "Jonas", "Leila", "Mateo", "Nora", "Omar", "Paula", "Ruth", "Stefan", "Tess"};
    static final String[] LAST = {"Andersen", "Berg", "Costa", "Dubois", "Evans", "Fischer", "Garcia", "Hansen", "Ivanova", "Jensen",
        "Kowalski", "Larsen", "Martin", "Nakamura", "Okafor", "Petrov", "Quinn", "Rossi", "Schmidt", "Tanaka", "Usman", "Varga",
        "Weber", "Xu", "Young", "Zimmermann", "Ahmed", "Brown", "Chen", "Dahl", "Eriksen", "Ferreira", "Gomez", "Huber", "Ito",
        "Johansson", "Kim", "Lopez", "Meyer", "Novak", "Olsen", "Patel", "Reyes", "Silva", "Thomas", "Utley", "Vogel", "Walsh",
        "Yilmaz", "Zhou", "Bauer", "Clarke", "Dimitrov", "Engel", "Fox", "Green", "Horvat", "Iqbal", "Keller", "Lindqvist"};
    static final String[] ORG_NAMES = {"Northwind Traders", "Contoso Pharma", "Fabrikam Logistics", "Tailspin Airlines", "Woodgrove Bank",
        "Litware Software", "Adventure Works Cycles", "Alpine Ski House", "Coho Winery", "Fourth Coffee", "Graphic Design Institute",
        "Humongous Insurance", "Lamna Healthcare", "Margie's Travel", "Proseware Labs", "Relecloud Media", "Trey Research",
        "Wide World Importers", "Blue Yonder Airlines", "City Power & Light", "Southridge Video", "Lucerne Publishing", "Wingtip Toys",
        "VanArsdel Foods"};
    static final String[] ZONES = {"Europe/London", "Europe/Berlin", "Europe/Paris", "America/New_York", "America/Chicago",
        "Europe/Stockholm", "Asia/Singapore", "Australia/Sydney"};
    static final String[] CITIES = {"London", "Berlin", "Paris", "New York", "Chicago", "Stockholm", "Singapore", "Sydney"};
    static final String[] APPS = {"SAP", "Salesforce", "Teams", "Outlook", "Excel", "Jira", "Confluence", "Workday", "AutoCAD", "Zoom",
        "the CRM", "the HR portal", "the expenses app", "Power BI", "Citrix"};
    static final String[] SHARES = {"\\\\fs01\\finance", "\\\\fs02\\projects", "\\\\fs01\\hr", "\\\\fs03\\marketing", "\\\\fs02\\legal"};
    static final String[] FLOORS = {"1st", "2nd", "3rd", "4th", "5th", "ground"};

    record Template(String category, String[] subjects) {}

    static final Template[] INCIDENT = {
        new Template("Network", new String[] {"VPN drops every few minutes", "No network on desk port {desk}", "Wi-Fi very slow in meeting room {room}",
            "Cannot reach the intranet from the {city} office", "Remote desktop keeps timing out", "Wi-Fi not connecting on the {floor} floor"}),
        new Template("Hardware", new String[] {"Laptop will not power on", "Docking station not detecting monitors", "Keyboard keys not responding",
            "Laptop battery drains within an hour", "Blue screen after docking", "Monitor flickering", "Laptop fan very loud and hot"}),
        new Template("Printing", new String[] {"Printer on {floor} floor offline", "Print jobs stuck in the queue", "Scanner does not send to email",
            "Printer reports a paper jam but there is none", "Printing in black and white only"}),
        new Template("Email", new String[] {"Outlook keeps asking for my password", "Cannot send mail to external addresses",
            "Shared mailbox missing from Outlook", "Calendar invites not arriving", "Mailbox full warning", "Emails stuck in the outbox"}),
        new Template("Access", new String[] {"Account locked out", "Password reset not working", "MFA prompt never arrives",
            "Cannot open {share}", "Lost access to {app} after role change", "Badge does not open the {floor} floor door"}),
        new Template("Software", new String[] {"{app} crashes on start", "{app} very slow since the update", "Excel freezes when opening large files",
            "Teams audio cuts out in calls", "Certificate error when opening {app}", "{app} shows a licence error"}),
        new Template("Telephony", new String[] {"Desk phone has no dial tone", "Voicemail not working", "Mobile phone does not sync mail",
            "Calls to the hotline drop after a minute"}),
        new Template("Security", new String[] {"Suspicious email with an attachment", "Clicked a phishing link by mistake", "Antivirus alert on my laptop",
            "Lost laptop on the train"}),
    };
    static final double[] INCIDENT_CAT = cumulative(18, 17, 10, 14, 16, 15, 4, 6);
    static final Template[] REQUEST = {
        new Template("Hardware request", new String[] {"New laptop for starter {name}", "Second monitor for home office", "Replacement headset",
            "Docking station for new desk", "Laptop upgrade: 32 GB memory for {name}"}),
        new Template("Access request", new String[] {"Access to {share}", "Add me to the {city} distribution list", "VPN access for contractor {name}",
            "Admin rights to install software", "Access to {app} for {name}"}),
        new Template("Software request", new String[] {"Install {app} on my laptop", "Licence for {app}", "Upgrade {app} to the latest version",
            "Install Visio for {name}"}),
        new Template("Onboarding", new String[] {"Onboarding: new starter {name} on {date}", "Offboarding: leaver {name} on {date}",
            "Name change for {name}", "Move {name} to the {city} team"}),
        new Template("Procurement", new String[] {"Quote for 10 laptops", "Order toner for the {floor} floor printer", "Mobile phone for new sales rep {name}",
            "Renew {app} subscription"}),
        new Template("Facilities", new String[] {"Move my desk to the {floor} floor", "Set up the display in meeting room {room}",
            "Conference phone for room {room}"}),
    };
    static final double[] REQUEST_CAT = cumulative(25, 30, 20, 12, 8, 5);
    static final Template[] PROBLEM = {
        new Template("Problem", new String[] {"Recurring VPN disconnects for remote staff", "Intermittent mail delivery delays",
            "Printers lose network after firmware update", "{app} memory leak slows laptops down", "Wi-Fi roaming failures in building B",
            "Repeated account lockouts after password change", "Docking stations drop monitors after BIOS update"}),
    };
    static final Template[] OPS = {
        new Template("Maintenance", new String[] {"Monthly patching: server group {n}", "Weekly backup restore test", "Renew TLS certificate for {app}",
            "Disk space check on file servers", "Firewall rule review", "Monthly bandwidth report", "Quarterly access review for {org}",
            "Rotate service account passwords", "Test UPS failover in the {city} office"}),
    };
    static final String[] DESC_OPEN = {"Since this morning {subjectLower}.", "It started after lunch today.", "This has happened three times this week.",
        "Several colleagues see the same.", "Only me as far as I know.", "I restarted twice already, no change.",
        "It worked fine yesterday.", "Urgent: I have a customer presentation this afternoon."};
    static final String[] DESC_REQ = {"Please arrange this by {date}.", "Approved by my manager.", "Cost centre {n}.",
        "Let me know if you need anything else from me.", "Same setup as the rest of the team, please."};
    static final String[] AGENT_REPLY = {"Hi {first}, thanks for reporting this. Could you restart your laptop and let me know if it persists?",
        "Hi {first}, I have applied a fix on our side. Please try again and tell me if it works.",
        "Hi {first}, could you send a screenshot of the error message?",
        "Hi {first}, I will connect remotely at 2 pm, please leave your laptop on.",
        "Hi {first}, this is with our specialist team now; they will contact you directly.",
        "Hi {first}, your request is approved and has been ordered. Delivery is expected within 5 working days.",
        "Hi {first}, we are aware of the issue and are working on it."};
    static final String[] CUSTOMER_REPLY = {"It happened again just now.", "Thanks, I will try that.", "Screenshot attached.",
        "Any update on this please?", "I am out of office tomorrow, please call my mobile.", "That worked, thank you!"};
    static final String[] INTERNAL = {"Checked the logs: repeated authentication failures from the VPN gateway.",
        "Known issue with driver version 31.0; rolling back.", "Waiting on vendor case {n}.",
        "Spoke to the user by phone; will remote in after lunch.", "Same as a ticket last week, probably the same cause.",
        "Reset the switch port; link is up again, monitoring.", "Stock check: two laptops in the {city} store."};
    static final String[] STATUS_UPDATE = {"Update: engineers are still investigating; next update within the hour.",
        "Update: a workaround is in place, root cause analysis continues.", "Update: the vendor has confirmed the fault and is working on a fix.",
        "Update: the fix is being rolled out to all sites."};
    static final String[] NOTES_FIXED = {"Replaced the faulty docking station.", "Reset the VPN profile and reissued the certificate.",
        "Reinstalled the application and cleared the cache.", "Replaced the toner and cleared the queue.", "Rebooted the access point; stable since.",
        "Updated the driver to the current version."};
    static final String[] NOTES_WORKAROUND = {"Use web mail until the client update is rolled out.", "Print to the 2nd floor printer meanwhile.",
        "Connect by cable until the access point is replaced."};
    static final String[] NOTES_NFF = {"Could not reproduce; the user confirmed it works now.", "No fault found on the device after testing."};
    static final String[] NOTES_USER = {"Caps lock was on; password accepted after correction.", "Explained how to add the shared mailbox.",
        "Wrong printer selected; set the default printer."};
    static final String[] NOTES_FULFILLED = {"Laptop delivered and set up.", "Access granted.", "Software installed and licensed.",
        "Order placed and delivered.", "Done as requested.", "Task completed, report attached."};
    static final String[] CANCEL_NOTES = {"Raised by mistake.", "Duplicate of an earlier ticket.", "No longer needed.", "Requester left the company."};

    // ------------------------------------------------------------------ the desk
    UUID[] orgId;
    String[] orgName, orgDomain, orgZone, orgCity;
    double[] orgCum;
    int[][] orgCustomers;

    UUID[] custId;
    String[] custName, custFirst, custEmail, custLoc, custPhone;
    int[] custOrg;

    record Staff(UUID id, String name, String role) {}
    final List<Staff> staff = new ArrayList<>();
    Staff[] agents; // AGENT and TEAM_LEAD: owners of tickets
    Staff[] coordinators;

    record Group(UUID id, String name, String kind, boolean servesAll, boolean[] orgs, List<Staff> members) {}
    final List<Group> groups = new ArrayList<>();
    Group serviceDesk;

    final Map<String, Integer> usernames = new HashMap<>();

    String username(String first, String last) {
        String base = (first + "." + last).toLowerCase().replace("'", "");
        int n = usernames.merge(base, 1, Integer::sum);
        return n == 1 ? base : base + n;
    }

    void buildDirectory(Batch b) {
        SplittableRandom r = rng(1, 0);
        long epoch = now - 3 * 365 * DAY;
        orgId = new UUID[nOrgs]; orgName = new String[nOrgs]; orgDomain = new String[nOrgs]; orgZone = new String[nOrgs]; orgCity = new String[nOrgs];
        double[] w = new double[nOrgs];
        for (int o = 0; o < nOrgs; o++) {
            orgId[o] = uuid(r);
            String base = ORG_NAMES[o % ORG_NAMES.length];
            orgName[o] = o < ORG_NAMES.length ? base : base + " " + (o / ORG_NAMES.length + 1);
            String initials = Arrays.stream(base.split("[ &']+")).filter(s -> !s.isEmpty()).map(s -> s.substring(0, 1)).reduce("", String::concat);
            String code = (initials + String.format("%02d", o + 1)).toUpperCase();
            orgDomain[o] = orgName[o].toLowerCase().replaceAll("[^a-z0-9]", "") + ".example";
            orgZone[o] = ZONES[o % ZONES.length];
            orgCity[o] = CITIES[o % CITIES.length];
            w[o] = 1 / Math.pow(o + 1, 0.7);
            b.of(ORGS).uuid(orgId[o]).str(orgName[o]).str(code).bool(r.nextInt(4) == 0).bool(true).ts(epoch + r.nextLong(30 * DAY)).num(0).end();
            b.of(DOMAINS).str(orgDomain[o]).uuid(orgId[o]).end();
            if (r.nextInt(3) == 0) b.of(DOMAINS).str(code.toLowerCase() + "-mail.example").uuid(orgId[o]).end();
        }
        orgCum = cumulative(w);

        // customers, spread over the organizations by weight
        custId = new UUID[nCustomers]; custName = new String[nCustomers]; custFirst = new String[nCustomers]; custEmail = new String[nCustomers];
        custLoc = new String[nCustomers]; custPhone = new String[nCustomers]; custOrg = new int[nCustomers];
        int[] perOrg = new int[nOrgs];
        for (int c = 0; c < nCustomers; c++) {
            int o = c < nOrgs ? c : weighted(r, orgCum); // every organization has at least one
            custOrg[c] = o; perOrg[o]++;
            String first = pick(r, FIRST), last = pick(r, LAST);
            String un = username(first, last);
            custId[c] = uuid(r);
            custFirst[c] = first;
            custName[c] = first + " " + last;
            custEmail[c] = un + "@" + orgDomain[o];
            custLoc[c] = r.nextInt(5) == 0 ? "Home office" : orgCity[o] + ", building " + (char) ('A' + r.nextInt(3)) + ", " + pick(r, FLOORS) + " floor";
            custPhone[c] = "+1 555 01" + (10 + r.nextInt(90)) + " " + (1000 + r.nextInt(9000));
            long created = epoch + r.nextLong(3 * 365 * DAY - 30 * DAY);
            b.of(USERS).uuid(custId[c]).str(un).str(un).str(custEmail[c]).str(custEmail[c]).str(custName[c]).str("CUSTOMER")
                    .uuid(orgId[o]).str(custPhone[c]).str(custLoc[c]).str(orgZone[o]).nul().bool(r.nextInt(50) != 0).ts(created)
                    .ts(r.nextInt(3) == 0 ? created + r.nextLong(now - created) : NULL_TS).num(0).end();
        }
        orgCustomers = new int[nOrgs][];
        for (int o = 0; o < nOrgs; o++) orgCustomers[o] = new int[perOrg[o]];
        int[] fill = new int[nOrgs];
        for (int c = 0; c < nCustomers; c++) orgCustomers[custOrg[c]][fill[custOrg[c]]++] = c;

        // staff
        int admins = Math.max(1, nAgents / 100), coords = Math.max(1, nAgents / 20), leads = Math.max(1, nAgents / 12);
        for (int s = 0; s < nAgents; s++) {
            String role = s < admins ? "ADMIN" : s < admins + coords ? "COORDINATOR" : s < admins + coords + leads ? "TEAM_LEAD" : "AGENT";
            String first = pick(r, FIRST), last = pick(r, LAST);
            String un = username(first, last);
            Staff st = new Staff(uuid(r), first + " " + last, role);
            staff.add(st);
            long created = epoch + r.nextLong(2 * 365 * DAY);
            b.of(USERS).uuid(st.id()).str(un).str(un).str(un + "@desk.example").str(un + "@desk.example").str(st.name()).str(role)
                    .nul().str("+1 555 0199 " + (1000 + s)).str(pick(r, CITIES) + " service desk").str(pick(r, ZONES)).nul().bool(true)
                    .ts(created).ts(now - r.nextLong(3 * DAY)).num(0).end();
        }
        agents = staff.stream().filter(s -> s.role().equals("AGENT") || s.role().equals("TEAM_LEAD")).toArray(Staff[]::new);
        coordinators = staff.stream().filter(s -> s.role().equals("COORDINATOR")).toArray(Staff[]::new);

        // support groups
        Object[][] defs = {
            {"Service Desk", "SERVICE_DESK", "First line: phone, mail and portal, every customer.", "all"},
            {"Service Desk Premium", "SERVICE_DESK", "First line for the premium contracts.", "top"},
            {"Field Services North", "FIELD_SERVICES", "Desk-side support, northern sites.", "even"},
            {"Field Services South", "FIELD_SERVICES", "Desk-side support, southern sites.", "odd"},
            {"Network Operations", "NETWORK", "LAN, Wi-Fi, VPN and firewalls.", "all"},
            {"Procurement", "PROCUREMENT", "Hardware and licence orders.", "all"},
            {"HR Systems", "HR", "Joiners, movers and leavers.", "all"},
            {"Vendor Liaison", "VENDOR_LIAISON", "Cases with third-party vendors.", "all"},
            {"Identity and Access", "OTHER", "Accounts, MFA and permissions.", "all"},
            {"Workplace Applications", "OTHER", "Office, collaboration and line-of-business apps.", "all"},
            {"Security Operations", "OTHER", "Security incidents and phishing.", "all"},
        };
        for (Object[] d : defs) {
            String scope = (String) d[3];
            boolean all = scope.equals("all");
            boolean[] serves = new boolean[nOrgs];
            for (int o = 0; o < nOrgs; o++) {
                serves[o] = all || (scope.equals("top") && o < Math.max(1, nOrgs / 4)) || (scope.equals("even") && o % 2 == 0)
                        || (scope.equals("odd") && o % 2 == 1);
            }
            Group g = new Group(uuid(r), (String) d[0], (String) d[1], all, serves, new ArrayList<>());
            groups.add(g);
            String mail = g.name().toLowerCase().replace(' ', '-') + "@desk.example";
            b.of(GROUPS).uuid(g.id()).str(g.name()).str(g.kind()).str((String) d[2]).str(mail).bool(all).bool(true).ts(epoch).num(0).end();
            if (!all) {
                for (int o = 0; o < nOrgs; o++) if (serves[o]) b.of(GROUP_ORGS).uuid(g.id()).uuid(orgId[o]).end();
            }
        }
        serviceDesk = groups.get(0);
        // members: every agent in one primary group (a third of them on the service desk), a fifth in a second one
        double[] groupCum = cumulative(34, 8, 8, 8, 9, 4, 4, 4, 7, 9, 5);
        for (Staff a : agents) {
            int g1 = weighted(r, groupCum);
            groups.get(g1).members().add(a);
            if (r.nextInt(5) == 0) {
                int g2 = weighted(r, groupCum);
                if (g2 != g1) groups.get(g2).members().add(a);
            }
        }
        for (Staff c : coordinators) serviceDesk.members().add(c);
        for (Group g : groups) {
            if (g.members().isEmpty()) g.members().add(agents[r.nextInt(agents.length)]);
            for (Staff m : g.members()) b.of(MEMBERS).uuid(g.id()).uuid(m.id()).end();
        }
    }

    // ------------------------------------------------------------------ bench accounts
    final Map<String, String> tokenLines = new LinkedHashMap<>();
    static final int BENCH_AGENTS = 16;

    void benchAccounts(Batch b) throws Exception {
        SplittableRandom r = rng(2, 0);
        // bench-agent-2 ... bench-agent-16 after the first three, so that those keep their ids and tokens: the load's client
        // threads act as 16 agents (bench/tickets.sh --agents), as 16 people at a desk would
        List<String[]> defs = new ArrayList<>(List.of(new String[] {"bench-agent", "Bench Agent", "AGENT"},
                new String[] {"bench-coordinator", "Bench Coordinator", "COORDINATOR"}, new String[] {"bench-customer", "Bench Customer", "CUSTOMER"}));
        for (int n = 2; n <= BENCH_AGENTS; n++) defs.add(new String[] {"bench-agent-" + n, "Bench Agent " + n, "AGENT"});
        for (String[] d : defs) {
            UUID id = uuid(r);
            boolean customer = d[2].equals("CUSTOMER");
            String email = d[0] + "@" + (customer ? orgDomain[0] : "desk.example");
            b.of(USERS).uuid(id).str(d[0]).str(d[0]).str(email).str(email).str(d[1]).str(d[2]).uuid(customer ? orgId[0] : null)
                    .str("").str("").str("UTC").nul().bool(true).ts(now - DAY).ts(NULL_TS).num(0).end();
            if (!customer) b.of(MEMBERS).uuid(serviceDesk.id()).uuid(id).end();
            // the token: deterministic from the seed, so a regenerated desk has the same tokens
            byte[] secret = MessageDigest.getInstance("SHA-256").digest(("baton-bench:" + seed + ":" + d[0]).getBytes(StandardCharsets.UTF_8));
            String token = "baton_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
            String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
            b.of(TOKENS).uuid(uuid(r)).uuid(id).str("bench").str(token.substring(0, 12)).str(hash).ts(now - DAY).ts(NULL_TS).end();
            String key = d[0].toUpperCase().replace('-', '_');
            tokenLines.put(key + "_TOKEN", token);
            tokenLines.put(key + "_ID", id.toString());
        }
        tokenLines.put("BENCH_CUSTOMER_ORG_ID", orgId[0].toString());
        tokenLines.put("SERVICE_DESK_GROUP_ID", serviceDesk.id().toString());
    }

    // ------------------------------------------------------------------ tickets
    long[] created;      // creation time of ticket k (time order)
    byte[] type;         // 0 INCIDENT, 1 SERVICE_REQUEST, 2 PROBLEM, 3 OPERATIONAL_TASK
    boolean[] open;
    int[] number;
    static final String[] TYPES = {"INCIDENT", "SERVICE_REQUEST", "PROBLEM", "OPERATIONAL_TASK"};
    static final String[] PREFIX = {"INC-", "REQ-", "PRB-", "OPS-"};
    final int[] nextNumber = {1001, 1001, 1001, 1001};

    void planTickets() {
        int n = nTickets;
        created = new long[n];
        long span = 730 * DAY;
        double[] hourCum = cumulative(1, 0.5, 0.5, 0.5, 0.5, 1, 3, 8, 14, 14, 12, 10, 8, 11, 12, 10, 8, 5, 3, 2, 1.5, 1, 1, 1);
        for (int i = 0; i < n; i++) {
            SplittableRandom r = rng(3, i);
            // volume grows by half over the two years: density ~ (1 + 0.5 x), x in [0,1]
            double u = r.nextDouble();
            double x = (-1 + Math.sqrt(1 + 2 * 0.5 * u * (1 + 0.25))) / 0.5; // inverse CDF of (1+0.5x)/1.25
            long t = now - span + (long) (x * span);
            long day = Math.floorDiv(t, DAY);
            int dow = (int) Math.floorMod(day + 3, 7); // 0 = Monday
            if (dow >= 5 && r.nextInt(10) < 8) day -= (dow - 4); // most weekend tickets move to Friday
            t = day * DAY + weighted(r, hourCum) * HOUR + r.nextLong(HOUR);
            created[i] = Math.max(now - span + r.nextLong(HOUR), Math.min(t, now - MIN * (1 + r.nextInt(30))));
        }
        Arrays.sort(created);
        type = new byte[n];
        number = new int[n];
        double[] typeCum = cumulative(60, 30, 2, 8);
        double[] keys = new double[n];
        for (int k = 0; k < n; k++) {
            SplittableRandom r = rng(4, k);
            type[k] = (byte) weighted(r, typeCum);
            number[k] = nextNumber[type[k]]++;
            // open tickets mostly recent: weighted sampling without replacement (Efraimidis-Spirakis)
            double ageDays = (now - created[k]) / (double) DAY;
            double w = Math.exp(-ageDays / 30) + 0.02 + (type[k] == 2 ? 0.3 : 0);
            keys[k] = Math.log(r.nextDouble()) / w;
        }
        open = new boolean[n];
        if (nOpen > 0) {
            double[] sorted = keys.clone();
            Arrays.sort(sorted);
            double threshold = sorted[n - nOpen];
            int count = 0;
            for (int k = 0; k < n && count < nOpen; k++) {
                if (keys[k] >= threshold) { open[k] = true; count++; }
            }
        }
    }

    record Ev(String kind, String visibility, UUID actor, String actorName, String body, String details) {}

    /** Writes ticket k and its events. */
    void ticket(int k, Rows t, Rows e) {
        SplittableRandom r = rng(5, k);
        int ty = type[k];
        boolean isOps = ty == 3, isReq = ty == 1, isPrb = ty == 2;
        long c0 = created[k];
        long age = now - c0;
        UUID id = uuid(r);

        // requester and organization
        int org, cust = -1;
        if (isOps) {
            org = weighted(r, orgCum);
        } else {
            org = weighted(r, orgCum);
            int[] members = orgCustomers[org];
            cust = members[(int) (members.length * Math.pow(r.nextDouble(), 1.6))]; // some people raise many tickets
        }

        // channel
        String channel;
        if (isOps) channel = "SCHEDULE";
        else if (isPrb) channel = r.nextInt(4) == 0 ? "MONITORING" : "PORTAL";
        else {
            int x = r.nextInt(100);
            channel = x < 25 ? "PHONE" : x < 55 ? "EMAIL" : x < 85 ? "PORTAL" : x < 88 ? "API" : x < 95 ? (isReq ? "PORTAL" : "MONITORING") : "WALK_IN";
        }
        boolean agentCreated = channel.equals("PHONE") || channel.equals("WALK_IN");

        // impact, urgency, priority
        String impact = null, urgency = null, priority;
        if (isOps) {
            priority = "PLANNED";
        } else {
            int iu = r.nextInt(100), uu = r.nextInt(100);
            int im = isPrb ? (iu < 25 ? 0 : iu < 70 ? 1 : 2) : (iu < 8 ? 0 : iu < 38 ? 1 : 2);
            int ur = uu < 20 ? 0 : uu < 65 ? 1 : 2;
            String[] lv = {"HIGH", "MEDIUM", "LOW"};
            impact = lv[im]; urgency = lv[ur];
            int s = im + ur; // 0 -> P1, 1 -> P2, 2 -> P3, 3,4 -> P4
            priority = s == 0 ? "P1" : s == 1 ? "P2" : s == 2 ? "P3" : "P4";
        }
        boolean urgent = priority.equals("P1") || priority.equals("P2");

        // texts
        Template tpl = switch (ty) {
            case 0 -> INCIDENT[weighted(r, INCIDENT_CAT)];
            case 1 -> REQUEST[weighted(r, REQUEST_CAT)];
            case 2 -> PROBLEM[0];
            default -> OPS[0];
        };
        String subject = fill(pick(r, tpl.subjects()), r, org, c0);
        String description = isOps ? "Scheduled task. Follow the runbook and attach the evidence."
                : fill(pick(r, isReq ? DESC_REQ : DESC_OPEN), r, org, c0) + (r.nextBoolean() ? " " + fill(pick(r, isReq ? DESC_REQ : DESC_OPEN), r, org, c0) : "")
                        + (cust >= 0 ? "\n\n" + custName[cust] + "\n" + custPhone[cust] : "");
        if (description.contains("{subjectLower}")) description = description.replace("{subjectLower}", subject.toLowerCase());

        // status
        String status, pendingReason = null;
        boolean isOpen = open[k];
        if (isOpen) {
            double ageDays = age / (double) DAY;
            double pNew = ageDays < 1 ? 0.5 : ageDays < 3 ? 0.3 : ageDays < 14 ? 0.08 : 0.02;
            if (agentCreated || isOps && r.nextInt(3) > 0) pNew = 0; // an agent who creates a ticket owns it
            double u = r.nextDouble();
            if (u < pNew) status = "NEW";
            else {
                double v = r.nextDouble();
                if (isPrb && v < 0.35) status = "KNOWN_ERROR";
                else if (isOps) status = v < 0.6 ? "ASSIGNED" : "IN_PROGRESS";
                else {
                    double pendingShare = ageDays > 30 ? 0.45 : 0.25;
                    status = v < pendingShare ? "PENDING" : v < pendingShare + 0.35 ? "IN_PROGRESS" : "ASSIGNED";
                }
            }
            if (isOps && status.equals("IN_PROGRESS") && r.nextInt(10) == 0) status = "PENDING";
            if (status.equals("PENDING")) { // the pending reasons of each type's lifecycle
                int p = r.nextInt(100);
                pendingReason = isReq ? (p < 40 ? "CUSTOMER" : p < 65 ? "THIRD_PARTY" : "APPROVAL")
                        : ty == 0 ? (p < 60 ? "CUSTOMER" : "THIRD_PARTY") : "THIRD_PARTY";
            }
        } else {
            status = r.nextInt(100) < 5 ? "CANCELLED" : "CLOSED"; // RESOLVED decided below from the times
        }

        // people
        Staff owner = null;
        boolean cancelledNew = status.equals("CANCELLED") && !agentCreated && r.nextBoolean();
        if (!status.equals("NEW") && !cancelledNew) {
            owner = (agentCreated || r.nextInt(10) < 7) && !serviceDesk.members().isEmpty()
                    ? serviceDesk.members().get(r.nextInt(serviceDesk.members().size())) : agents[r.nextInt(agents.length)];
            if (!owner.role().equals("AGENT") && !owner.role().equals("TEAM_LEAD")) owner = agents[r.nextInt(agents.length)];
        }
        UUID createdBy = agentCreated ? owner.id() : cust >= 0 && !channel.equals("MONITORING") ? custId[cust] : null;
        String creatorName = agentCreated ? owner.name() : cust >= 0 && !channel.equals("MONITORING") ? custName[cust]
                : isOps ? "Baton scheduler" : "Monitoring";

        // hand-off to a specialist group
        boolean handedOff = owner != null && !status.equals("CANCELLED") && r.nextInt(100) < (isOpen ? 30 : 12);
        Group group = null;
        Staff assignee = null;
        if (handedOff) {
            group = groupFor(tpl.category(), org, r);
            if (group == null) handedOff = false;
            else if (r.nextInt(10) < 8) assignee = group.members().get(r.nextInt(group.members().size()));
        }

        // times
        long resolvedAt = NULL_TS, closedAt = NULL_TS, end;
        String resolutionCode = null, resolutionNotes = null;
        boolean fcr = false;
        if (!isOpen) {
            if (status.equals("CANCELLED")) {
                closedAt = c0 + Math.min(age - MIN, 5 * MIN + r.nextLong(3 * DAY));
                resolutionNotes = pick(r, CANCEL_NOTES);
                end = closedAt;
            } else {
                double medianH = switch (priority) { case "P1" -> 4; case "P2" -> 12; case "P3" -> 40; case "P4" -> 90; default -> 72; };
                if (agentCreated && r.nextInt(100) < 35) medianH = 0.3; // solved on the call
                long dur = (long) (medianH * HOUR * Math.exp(r.nextGaussian()));
                dur = Math.max(5 * MIN, Math.min(dur, age - MIN));
                if (dur >= age) dur = age / 2;
                resolvedAt = c0 + dur;
                fcr = agentCreated && dur < 30 * MIN && !handedOff;
                long closeAfter = r.nextInt(100) < 35 ? 10 * MIN + r.nextLong(DAY) : 5 * DAY; // customer confirms, or auto-close
                if (resolvedAt + closeAfter > now) { status = "RESOLVED"; end = resolvedAt + r.nextLong(MIN); } // then the notification
                else { closedAt = resolvedAt + closeAfter; end = closedAt; }
                // resolution codes of each type's lifecycle
                if (isReq) {
                    int x = r.nextInt(100);
                    resolutionCode = x < 90 ? "FULFILLED" : x < 95 ? "WITHDRAWN" : x < 98 ? "REJECTED" : "DUPLICATE";
                    resolutionNotes = x < 90 ? pick(r, NOTES_FULFILLED) : x < 95 ? "Withdrawn by the requester." : x < 98
                            ? "Not approved by the budget holder." : "Duplicate of an earlier request.";
                } else if (isOps) {
                    int x = r.nextInt(100);
                    resolutionCode = x < 88 ? "COMPLETED" : x < 96 ? "COMPLETED_WITH_ISSUES" : "SKIPPED";
                    resolutionNotes = x < 88 ? pick(r, NOTES_FULFILLED) : x < 96 ? "Done; two servers needed a second reboot."
                            : "Skipped: change freeze this week.";
                } else if (isPrb) {
                    int x = r.nextInt(100);
                    resolutionCode = x < 60 ? "ROOT_CAUSE_REMOVED" : x < 85 ? "WORKAROUND_ACCEPTED" : "NO_ACTION";
                    resolutionNotes = x < 60 ? "Firmware fixed by the vendor and rolled out to all sites." : x < 85
                            ? "The documented workaround is accepted; no permanent fix planned." : "No action: the affected system is being retired.";
                } else {
                    int x = r.nextInt(100);
                    if (x < 62) { resolutionCode = "FIXED"; resolutionNotes = pick(r, NOTES_FIXED); }
                    else if (x < 75) { resolutionCode = "WORKAROUND"; resolutionNotes = pick(r, NOTES_WORKAROUND); }
                    else if (x < 88) { resolutionCode = "NO_FAULT_FOUND"; resolutionNotes = pick(r, NOTES_NFF); }
                    else if (x < 97) { resolutionCode = "USER_ERROR"; resolutionNotes = pick(r, NOTES_USER); }
                    else { resolutionCode = "DUPLICATE"; resolutionNotes = "Duplicate of an earlier incident."; }
                }
            }
        } else {
            // the last change of an open ticket: some time after creation, before now
            end = c0 + (long) (age * Math.pow(r.nextDouble(), 0.7));
            if (status.equals("NEW")) end = c0 + Math.min(age, (long) (r.nextDouble() * 4 * HOUR));
        }

        // timeline, in the shapes the ticket module writes (kinds, visibility, body, details JSON)
        List<Ev> ev = new ArrayList<>(6);
        String reqFirst = cust >= 0 ? custFirst[cust] : "team";
        ev.add(new Ev("CREATED", "PUBLIC", createdBy, creatorName, subject,
                "{\"type\":\"" + TYPES[ty] + "\",\"priority\":\"" + priority + "\",\"impact\":" + jstr(impact) + ",\"urgency\":"
                        + jstr(urgency) + ",\"channel\":\"" + channel + "\",\"category\":" + jstr(tpl.category()) + "}"));
        Staff actor = owner != null ? owner : coordinators.length > 0 ? coordinators[r.nextInt(coordinators.length)] : agents[0];
        String prev = owner != null ? "ASSIGNED" : "NEW";
        if (owner != null) { // staff who create a ticket own it at once; otherwise someone assigns it
            Staff by = agentCreated ? owner : r.nextInt(3) == 0 && coordinators.length > 0 ? coordinators[r.nextInt(coordinators.length)] : owner;
            if (!agentCreated) {
                ev.add(new Ev("OWNER_ASSIGNED", "PUBLIC", by.id(), by.name(), owner.name() + " owns this ticket.",
                        "{\"changes\":{\"owner\":{\"before\":null,\"after\":\"" + owner.id() + "\"}}}"));
            }
        }
        // problems and operational tasks reach pending, known error and resolved only through in progress
        boolean working = status.equals("IN_PROGRESS") || status.equals("KNOWN_ERROR")
                || (status.equals("PENDING") && (isPrb || isOps || r.nextBoolean()))
                || ((status.equals("RESOLVED") || status.equals("CLOSED")) && (isPrb || isOps || (!fcr && r.nextInt(100) < 15)));
        if (working) {
            ev.add(statusChanged(actor, prev, "IN_PROGRESS", null, null));
            prev = "IN_PROGRESS";
        }
        // extras in the middle
        long handoffEtaAt = NULL_TS;
        List<Ev> extras = new ArrayList<>(3);
        if (handedOff) {
            long eta = Math.max(c0 + HOUR, handoffEtaOf(isOpen, r, resolvedAt, end));
            extras.add(new Ev("HANDED_OFF", "INTERNAL", actor.id(), actor.name(), "Over to " + group.name() + " for the fix.",
                    "{\"changes\":{\"workingGroup\":{\"before\":null,\"after\":" + jstr(group.name()) + "},\"assignee\":{\"before\":null,\"after\":"
                            + jstr(assignee != null ? assignee.name() : null) + "}},\"groupId\":\"" + group.id() + "\",\"assigneeId\":"
                            + jstr(assignee != null ? assignee.id().toString() : null) + ",\"need\":\"" + needFor(group.kind()) + "\",\"eta\":\""
                            + Instant.ofEpochMilli(eta) + "\"}"));
            handoffEtaAt = eta;
        }
        if (urgent && !status.equals("NEW") && !status.equals("CANCELLED") && r.nextInt(3) > 0) {
            long nextAt = end + (r.nextInt(100) < 10 ? -HOUR : 2 * HOUR);
            extras.add(new Ev("STATUS_UPDATE", "PUBLIC", actor.id(), actor.name(), pick(r, STATUS_UPDATE),
                    "{\"expectedRestorationAt\":null,\"restorationUnknownReason\":\"Waiting for the vendor's diagnosis.\",\"nextUpdateAt\":\""
                            + Instant.ofEpochMilli(nextAt) + "\"}"));
        }
        int more = r.nextInt(100) < (isOpen ? 60 : 85) ? 0 : r.nextInt(100) < 75 ? 1 : 2;
        for (int j = 0; j < more; j++) {
            int x = r.nextInt(10);
            if (owner == null || x < 3) {
                if (cust >= 0) extras.add(new Ev("COMMENT", "PUBLIC", custId[cust], custName[cust], pick(r, CUSTOMER_REPLY), null));
                else extras.add(new Ev("INTERNAL_NOTE", "INTERNAL", actor.id(), actor.name(), fill(pick(r, INTERNAL), r, org, c0), null));
            } else if (x < 7) {
                extras.add(new Ev("COMMENT", "PUBLIC", actor.id(), actor.name(), pick(r, AGENT_REPLY).replace("{first}", reqFirst), null));
            } else {
                extras.add(new Ev("INTERNAL_NOTE", "INTERNAL", actor.id(), actor.name(), fill(pick(r, INTERNAL), r, org, c0), null));
            }
        }
        String recipient = cust >= 0 ? custEmail[cust] : null;
        List<Ev> tail = new ArrayList<>(2);
        switch (status) {
            case "NEW" -> {
                tail.add(notified("RECEIVED", recipient, "We have received your " + TYPES[ty].toLowerCase().replace('_', ' ') + " \""
                        + subject + "\" as " + PREFIX[ty] + number[k] + ". An agent will take it shortly."));
                if (cust >= 0 && extras.isEmpty()) extras.add(new Ev("COMMENT", "PUBLIC", custId[cust], custName[cust], pick(r, CUSTOMER_REPLY), null));
            }
            case "PENDING" -> {
                if (pendingReason.equals("CUSTOMER")) {
                    tail.add(new Ev("COMMENT", "PUBLIC", actor.id(), actor.name(), "Hi " + reqFirst + ", could you confirm when you are available so we can continue?", null));
                }
                tail.add(statusChanged(actor, prev, "PENDING", null, pendingReason));
            }
            case "KNOWN_ERROR" -> tail.add(statusChanged(actor, prev, "KNOWN_ERROR", "Root cause found; workaround documented.", null));
            case "RESOLVED", "CLOSED" -> {
                tail.add(new Ev("RESOLVED", "PUBLIC", actor.id(), actor.name(), resolutionNotes,
                        "{\"resolutionCode\":\"" + resolutionCode + "\",\"firstContactResolved\":" + fcr + "}"));
                if (status.equals("CLOSED")) {
                    boolean confirmed = closedAt - resolvedAt < 5 * DAY && cust >= 0;
                    tail.add(new Ev("CLOSED", "PUBLIC", confirmed ? custId[cust] : null, confirmed ? custName[cust] : "Baton",
                            confirmed ? "Confirmed by the requester." : "Closed automatically 5 days after resolution.", null));
                } else {
                    tail.add(notified("RESOLVED", recipient, "Your ticket " + PREFIX[ty] + number[k] + " is resolved: " + resolutionNotes
                            + " If it is not fixed for you, reply to reopen it; otherwise it will be closed."));
                }
            }
            case "CANCELLED" -> {
                if (extras.isEmpty()) extras.add(new Ev("INTERNAL_NOTE", "INTERNAL", actor.id(), actor.name(), resolutionNotes, null));
                tail.add(statusChanged(actor, prev, "CANCELLED", resolutionNotes, null));
                tail.add(new Ev("CLOSED", "PUBLIC", actor.id(), actor.name(), resolutionNotes, null));
            }
            default -> { }
        }
        while (ev.size() + extras.size() + tail.size() > 6 && !extras.isEmpty()) extras.remove(extras.size() - 1);
        while (ev.size() + extras.size() + tail.size() < 3) {
            extras.add(new Ev("INTERNAL_NOTE", "INTERNAL", actor.id(), actor.name(), fill(pick(r, INTERNAL), r, org, c0), null));
        }
        ev.addAll(extras);
        ev.addAll(tail);

        // times of the events: the first at creation, the last at `end`, the rest in between, in order
        int ne = ev.size();
        long[] at = new long[ne];
        at[0] = c0;
        if (ne > 1) {
            at[ne - 1] = Math.max(end, c0);
            long span = at[ne - 1] - c0;
            for (int j = 1; j < ne - 1; j++) at[j] = c0 + (long) (span * r.nextDouble());
            Arrays.sort(at, 1, ne - 1);
            if ((status.equals("CLOSED") || status.equals("RESOLVED")) && ne >= 3) { // RESOLVED at resolvedAt, the rest before it
                at[ne - 2] = resolvedAt;
                long sp = resolvedAt - c0;
                for (int j = 1; j < ne - 2; j++) at[j] = c0 + (long) (sp * r.nextDouble());
                Arrays.sort(at, 1, ne - 2);
            }
        }
        long lastStatusUpdate = NULL_TS;
        for (int j = 0; j < ne; j++) {
            Ev x = ev.get(j);
            if (x.kind().equals("STATUS_UPDATE")) lastStatusUpdate = at[j];
            e.uuid(id).str(x.kind()).str(x.visibility()).uuid(x.actor()).str(x.actorName()).ts(at[j]).str(x.body()).str(x.details()).end();
        }
        long updatedAt = at[ne - 1];

        // follow-ups of open tickets
        long handoffEta = NULL_TS, nextUpdate = NULL_TS, expectedRestoration = NULL_TS, dueAt = NULL_TS;
        String restorationUnknown = null;
        if (handedOff) handoffEta = handoffEtaAt;
        if (isOpen && !status.equals("NEW") && (urgent || handedOff || r.nextInt(10) == 0)) {
            nextUpdate = r.nextInt(100) < 10 ? now - r.nextLong(2 * DAY) : now + MIN + r.nextLong(urgent ? 8 * HOUR : 3 * DAY);
            if (nextUpdate < updatedAt) nextUpdate = updatedAt + HOUR;
        }
        if (isOpen && ty == 0 && urgent) {
            if (r.nextBoolean()) expectedRestoration = now + HOUR + r.nextLong(DAY);
            else if (r.nextInt(3) == 0) restorationUnknown = "Waiting for the vendor's diagnosis.";
        }
        if (isOps) dueAt = c0 + DAY + r.nextLong(14 * DAY);
        else if (isReq && r.nextBoolean()) dueAt = c0 + 5 * DAY;

        String requesterName = cust >= 0 ? custName[cust] : "Scheduled task";
        String requesterLoc = cust >= 0 ? custLoc[cust] : "";
        String contact = cust < 0 ? "" : channel.equals("PHONE") ? custPhone[cust] : custEmail[cust];
        t.uuid(id).str(PREFIX[ty] + number[k]).str(TYPES[ty]).str(status).bool(isOpen).str(pendingReason).str(impact).str(urgency)
                .str(priority).uuid(orgId[org]).uuid(cust >= 0 ? custId[cust] : null).str(requesterName).str(requesterLoc).str(contact)
                .str(channel).str(tpl.category()).str(subject).str(description)
                .uuid(owner != null ? owner.id() : null).uuid(group != null ? group.id() : null).uuid(assignee != null ? assignee.id() : null)
                .ts(handoffEta).bool(handedOff).bool(owner != null && r.nextInt(100) < 5).bool(!isOpen && r.nextInt(100) < 2).bool(fcr)
                .str(resolutionCode).str(resolutionNotes).ts(expectedRestoration).str(restorationUnknown).ts(nextUpdate)
                .ts(lastStatusUpdate).ts(dueAt).uuid(createdBy).ts(c0).ts(updatedAt).ts(resolvedAt).ts(closedAt).num(ne - 1).end();
    }

    /** A plain secondary index (one that backs no constraint), to drop for the bulk load and make again after it. */
    record Index(String name, String ddl) {}

    List<Index> plainIndexes(Connection c, String... tables) throws SQLException {
        String in = "'" + String.join("', '", tables) + "'";
        List<Index> out = new ArrayList<>();
        try (Statement s = c.createStatement()) {
            if (pg) {
                try (ResultSet rs = s.executeQuery("select i.indexname, i.indexdef from pg_indexes i where i.schemaname = current_schema() "
                        + "and i.tablename in (" + in + ") and not exists (select 1 from pg_constraint k "
                        + "where k.conindid = format('%I.%I', i.schemaname, i.indexname)::regclass) order by 1")) {
                    while (rs.next()) out.add(new Index(rs.getString(1), rs.getString(2)));
                }
            } else {
                Map<String, StringBuilder> cols = new LinkedHashMap<>();
                Map<String, String> table = new HashMap<>();
                try (ResultSet rs = s.executeQuery("select c.index_name, c.table_name, c.column_name, c.ordering_specification "
                        + "from information_schema.indexes i join information_schema.index_columns c on c.index_schema = i.index_schema "
                        + "and c.index_name = i.index_name and c.table_name = i.table_name where i.table_schema = current_schema "
                        + "and i.table_name in (" + in + ") and i.index_type_name = 'INDEX' and not exists (select 1 from "
                        + "information_schema.table_constraints k where k.index_name = i.index_name and k.table_schema = i.table_schema) "
                        + "order by c.index_name, c.ordinal_position")) {
                    while (rs.next()) {
                        StringBuilder sb = cols.computeIfAbsent(rs.getString(1), x -> new StringBuilder());
                        table.put(rs.getString(1), rs.getString(2));
                        sb.append(sb.isEmpty() ? "" : ", ").append(rs.getString(3)).append("DESC".equals(rs.getString(4)) ? " desc" : "");
                    }
                }
                cols.forEach((name, sb) -> out.add(new Index(name, "create index " + name + " on " + table.get(name) + " (" + sb + ")")));
            }
        }
        return out;
    }

    /** The size of the H2 database file of {@link #url} (jdbc:h2:file:PATH;...), or 0. */
    long h2FileSize() {
        String path = url.substring("jdbc:h2:".length()).replaceFirst("^file:", "").split(";")[0];
        try {
            return Files.size(Path.of(path + ".mv.db"));
        } catch (IOException e) {
            return 0;
        }
    }

    void verifyForeignKeys(Connection c) throws SQLException {
        String[][] fks = {
            {"tickets", "organization_id", "organizations"}, {"tickets", "requester_id", "users"}, {"tickets", "owner_id", "users"},
            {"tickets", "working_group_id", "support_groups"}, {"tickets", "assignee_id", "users"}, {"tickets", "created_by", "users"},
            {"ticket_events", "ticket_id", "tickets"}, {"ticket_events", "actor_id", "users"},
        };
        try (Statement s = c.createStatement()) {
            for (String[] fk : fks) {
                String sql = "select count(*) from " + fk[0] + " x where x." + fk[1] + " is not null and not exists (select 1 from "
                        + fk[2] + " y where y.id = x." + fk[1] + ")";
                try (ResultSet rs = s.executeQuery(sql)) {
                    rs.next();
                    if (rs.getLong(1) != 0) {
                        throw new IllegalStateException(rs.getLong(1) + " rows of " + fk[0] + "." + fk[1] + " point to no " + fk[2]);
                    }
                }
            }
        }
    }

    static long resolvedAtOr(long resolvedAt, long other) {
        return resolvedAt != NULL_TS ? resolvedAt : other;
    }

    static Ev statusChanged(Staff actor, String from, String to, String reason, String pendingReason) {
        return new Ev("STATUS_CHANGED", "PUBLIC", actor.id(), actor.name(), reason,
                "{\"changes\":{\"status\":{\"before\":\"" + from + "\",\"after\":\"" + to + "\"}"
                        + (pendingReason != null ? ",\"pendingReason\":{\"before\":null,\"after\":\"" + pendingReason + "\"}" : "") + "}}");
    }

    static Ev notified(String template, String recipient, String text) {
        return new Ev("CUSTOMER_NOTIFIED", "PUBLIC", null, "Baton", text,
                "{\"template\":\"" + template + "\",\"recipient\":" + jstr(recipient) + ",\"sent\":" + (recipient != null) + "}");
    }

    /** A JSON string literal, or null. */
    static String jstr(String v) {
        if (v == null) return "null";
        StringBuilder sb = new StringBuilder(v.length() + 2).append('"');
        for (int i = 0; i < v.length(); i++) {
            char ch = v.charAt(i);
            if (ch == '"' || ch == '\\') sb.append('\\').append(ch);
            else if (ch < 0x20) sb.append(String.format("\\u%04x", (int) ch));
            else sb.append(ch);
        }
        return sb.append('"').toString();
    }

    static String needFor(String groupKind) {
        return switch (groupKind) {
            case "FIELD_SERVICES" -> "ON_SITE_VISIT";
            case "PROCUREMENT" -> "PROCUREMENT";
            case "HR" -> "APPROVAL";
            case "VENDOR_LIAISON" -> "VENDOR_WARRANTY";
            default -> "EXPERTISE";
        };
    }

    long handoffEtaOf(boolean isOpen, SplittableRandom r, long resolvedAt, long end) {
        if (isOpen) return now + (r.nextInt(100) < 15 ? -r.nextLong(DAY) : r.nextLong(5 * DAY));
        return resolvedAtOr(resolvedAt, end) - r.nextLong(HOUR);
    }

    Group groupFor(String category, int org, SplittableRandom r) {
        String kind = switch (category) {
            case "Network", "Problem" -> "NETWORK";
            case "Hardware", "Printing", "Facilities", "Telephony" -> "FIELD_SERVICES";
            case "Hardware request", "Procurement", "Software request" -> "PROCUREMENT";
            case "Onboarding" -> "HR";
            case "Maintenance" -> r.nextBoolean() ? "NETWORK" : "OTHER";
            default -> r.nextInt(5) == 0 ? "VENDOR_LIAISON" : "OTHER";
        };
        List<Group> fit = new ArrayList<>(4);
        for (Group g : groups) if (g.kind().equals(kind) && g.orgs()[org] && !g.members().isEmpty()) fit.add(g);
        return fit.isEmpty() ? null : fit.get(r.nextInt(fit.size()));
    }

    String fill(String s, SplittableRandom r, int org, long when) {
        if (s.indexOf('{') < 0) return s;
        return s.replace("{desk}", "D" + (100 + r.nextInt(400)))
                .replace("{room}", (char) ('A' + r.nextInt(4)) + "." + (1 + r.nextInt(5)) + "0" + (1 + r.nextInt(9)))
                .replace("{city}", orgCity[org])
                .replace("{floor}", pick(r, FLOORS))
                .replace("{share}", pick(r, SHARES))
                .replace("{app}", pick(r, APPS))
                .replace("{name}", pick(r, FIRST) + " " + pick(r, LAST))
                .replace("{date}", LocalDate.ofEpochDay(Math.floorDiv(when, DAY) + 7 + r.nextInt(21)).toString())
                .replace("{org}", orgName[org])
                .replace("{n}", Integer.toString(1000 + r.nextInt(9000)));
    }

    // ------------------------------------------------------------------ run
    /** Tickets and their events, a chunk per transaction: a producer thread makes chunks while this one writes them. */
    void loadTickets(Connection c, long tPlan) throws Exception {
        BlockingQueue<Object> queue = new ArrayBlockingQueue<>(2);
        Object done = new Object();
        Thread producer = Thread.ofPlatform().name("generate").daemon().start(() -> {
            try {
                for (int from = 0; from < nTickets; from += chunkTickets) {
                    Batch b = new Batch(TICKETS, EVENTS);
                    for (int k = from; k < Math.min(nTickets, from + chunkTickets); k++) ticket(k, b.of(TICKETS), b.of(EVENTS));
                    queue.put(b);
                }
                queue.put(done);
            } catch (Throwable ex) {
                try { queue.put(ex); } catch (InterruptedException ignored) { }
            }
        });
        long lastReport = System.nanoTime();
        for (;;) {
            Object item = queue.take();
            if (item == done) break;
            if (item instanceof Throwable ex) throw new RuntimeException("generator failed", ex);
            ((Batch) item).write(c);
            if (System.nanoTime() - lastReport > 15e9) {
                lastReport = System.nanoTime();
                System.out.printf("   ... %,d tickets, %,d events, %.0f s%n", counts.getOrDefault("tickets", 0L),
                        counts.getOrDefault("ticket_events", 0L), (lastReport - tPlan) / 1e9);
            }
        }
        producer.join();
    }

    void migrate() {
        List<String> locations = new ArrayList<>(List.of("filesystem:" + repo.resolve("src/main/resources/db/migration")));
        Path vendor = repo.resolve("src/main/resources/db/vendor/" + db);
        if (Files.isDirectory(vendor)) locations.add("filesystem:" + vendor);
        Flyway.configure().dataSource(url, user, password).locations(locations.toArray(String[]::new)).load().migrate();
    }

    void run(String[] args) throws Exception {
        parse(args);
        long t0 = System.nanoTime();
        System.out.printf("== generating a desk into %s (%s): %,d orgs, %,d customers, %,d staff, %,d tickets (%,d open), seed %d, now %s%n",
                url, db, nOrgs, nCustomers, nAgents, nTickets, nOpen, seed, Instant.ofEpochMilli(now));
        migrate();
        long tMigrated = System.nanoTime();
        System.out.printf("   migrations: %.1f s%n", (tMigrated - t0) / 1e9);

        String jdbcUrl = url;
        if (pg && !url.contains("reWriteBatchedInserts")) jdbcUrl = url + (url.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true";
        // H2: a page cache that holds the indexes while loading (the default 16 MB makes the load crawl); for this connection only
        if (!pg && !url.toUpperCase().contains("CACHE_SIZE")) jdbcUrl = url + ";CACHE_SIZE=" + Math.max(65536, Runtime.getRuntime().maxMemory() / 1024 / 3);
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, password)) {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select (select count(*) from tickets) + (select count(*) from users)")) {
                rs.next();
                if (rs.getLong(1) > 0) {
                    throw new IllegalStateException("the database already has users or tickets; start from an empty one (--fresh)");
                }
            }
            c.setAutoCommit(false);
            if (pg) {
                try (Statement s = c.createStatement()) {
                    s.execute("set synchronous_commit = off"); // this session only: a crash just means generating again
                }
            }

            Batch dir = new Batch(ORGS, DOMAINS, GROUPS, GROUP_ORGS, USERS, MEMBERS, TOKENS);
            buildDirectory(dir);
            benchAccounts(dir);
            dir.write(c);
            long tDir = System.nanoTime();
            System.out.printf("   directory: %.1f s%n", (tDir - tMigrated) / 1e9);

            // The ticket load skips the per-row foreign-key checks (PostgreSQL: session_replication_role = replica,
            // which needs a superuser; H2: referential_integrity false) and verifies them afterwards in bulk.
            boolean fkOff = false;
            if (!fkChecks) {
                try (Statement s = c.createStatement()) {
                    if (pg) {
                        try (ResultSet rs = s.executeQuery("select rolsuper from pg_roles where rolname = current_user")) {
                            fkOff = rs.next() && rs.getBoolean(1);
                        }
                        if (fkOff) s.execute("set session_replication_role = replica");
                    } else {
                        s.execute("set referential_integrity false");
                        fkOff = true;
                    }
                }
                c.commit();
            }

            // plain secondary indexes of the two big tables: dropped now, made again after the load (much faster)
            List<Index> indexes = keepIndexes ? List.of() : plainIndexes(c, "tickets", "ticket_events");
            try (Statement s = c.createStatement()) {
                for (Index ix : indexes) s.execute("drop index " + ix.name());
            }
            c.commit();

            planTickets();
            long tPlan = System.nanoTime();
            System.out.printf("   ticket plan: %.1f s%n", (tPlan - tDir) / 1e9);

            boolean loaded = false;
            try {
                loadTickets(c, tPlan);
                loaded = true;
            } finally {
                if (!indexes.isEmpty()) {
                    if (!loaded) {
                        c.rollback();
                        System.out.println("   the load failed: making the dropped indexes again; the database is incomplete (generate it again with --fresh)");
                    }
                    long ti = System.nanoTime();
                    try (Statement s = c.createStatement()) {
                        if (pg) s.execute("set maintenance_work_mem = '512MB'");
                        for (Index ix : indexes) s.execute(ix.ddl());
                    }
                    c.commit();
                    System.out.printf("   %d indexes of tickets and ticket_events made again: %.1f s%n", indexes.size(), (System.nanoTime() - ti) / 1e9);
                }
            }
            long tTickets = System.nanoTime();
            final long tLoaded = tTickets;
            System.out.printf("   tickets and events: %.1f s%n", (tTickets - tPlan) / 1e9);

            // number sequences past the highest number used
            try (Statement s = c.createStatement()) {
                String[] seq = {"ticket_number_inc", "ticket_number_req", "ticket_number_prb", "ticket_number_ops"};
                for (int i = 0; i < 4; i++) s.execute("alter sequence " + seq[i] + " restart with " + nextNumber[i]);
            }
            c.commit();
            if (fkOff) {
                try (Statement s = c.createStatement()) {
                    s.execute(pg ? "set session_replication_role = origin" : "set referential_integrity true");
                }
                c.commit();
                long tv = System.nanoTime();
                verifyForeignKeys(c);
                System.out.printf("   foreign keys of tickets and events verified: %.1f s%n", (System.nanoTime() - tv) / 1e9);
                tTickets += System.nanoTime() - tv; // not part of the "sequences, analyze" figure below
            }
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                s.execute(pg ? "vacuum analyze" : "analyze");
            }
            long tEnd = System.nanoTime();
            System.out.printf("   sequences, %s: %.1f s%n", pg ? "vacuum analyze" : "analyze", (tEnd - tTickets) / 1e9);

            long total = 0;
            System.out.println("== rows inserted");
            for (var en : counts.entrySet()) {
                System.out.printf("   %-28s %,12d%n", en.getKey(), en.getValue());
                total += en.getValue();
            }
            double secs = (tEnd - t0) / 1e9;
            System.out.printf("   %-28s %,12d%n", "total", total);
            System.out.printf("== elapsed %.1f s (tickets+events phase %.1f s), %,.0f rows/s overall, %,.0f rows/s in the tickets+events phase%n",
                    secs, (tLoaded - tPlan) / 1e9, total / secs,
                    (counts.get("tickets") + counts.get("ticket_events")) / ((tLoaded - tPlan) / 1e9));

            // bench accounts and a few tickets the load client can use
            StringBuilder tok = new StringBuilder("# Baton bench accounts (bench/generate-desk.sh, seed " + seed + ", " + url + ")\n");
            tokenLines.forEach((key, v) -> tok.append(key).append('=').append(v).append('\n'));
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select number from tickets where is_open and status in ('ASSIGNED', 'IN_PROGRESS', 'PENDING') "
                         + "order by updated_at desc limit 5")) {
                List<String> nums = new ArrayList<>();
                while (rs.next()) nums.add(rs.getString(1));
                tok.append("SAMPLE_OPEN_TICKETS=").append(String.join(",", nums)).append('\n');
            }
            Files.createDirectories(tokensFile.toAbsolutePath().getParent());
            Files.writeString(tokensFile, tok);
            System.out.println("== bench accounts (also in " + repo.relativize(tokensFile.toAbsolutePath()) + ")");
            tok.toString().lines().filter(l -> !l.startsWith("#") && !l.matches("BENCH_AGENT_[0-9]+_.*"))
                    .forEach(l -> System.out.println("   " + l));
            System.out.println("   (and BENCH_AGENT_2_TOKEN ... BENCH_AGENT_" + BENCH_AGENTS + "_TOKEN for bench-agent-2 ... bench-agent-" + BENCH_AGENTS + ")");

            if (!pg && compact) {
                long tc = System.nanoTime();
                long before = h2FileSize();
                try (Statement s = c.createStatement()) {
                    s.execute("shutdown compact");
                }
                System.out.printf("== H2 file compacted (shutdown compact): %,d MB -> %,d MB in %.1f s%n", before >> 20, h2FileSize() >> 20,
                        (System.nanoTime() - tc) / 1e9);
            }
        }
    }
}
