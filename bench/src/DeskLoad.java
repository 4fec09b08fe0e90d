import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The desk's everyday workload against a running Baton, one operation at a time: create, public reply,
 * status change, first page of a filtered open queue, get by number. Run by bench/tickets.sh.
 *
 *   prepare  --url JDBC --user U --password P --clients N [--agents N] --out FILE
 *            reads (before Baton starts: an embedded H2 file is single-process) the tickets, customers and
 *            organizations the workload uses, and writes them to FILE
 *   run      --base http://127.0.0.1:PORT --tokens bench/.tokens --workset FILE --clients 16 [--agents 16] --seconds 20
 *            --warmup 5 [--jvm-warmup 10] [--jit-quiet 2] [--jit-rounds 8] [--pid BATON_PID]
 *            [--ops create,reply,transition,list,get] [--virtual] [--client socket|jdk]
 *
 * Each client thread issues requests back to back. First, in rounds, every operation runs for --jvm-warmup seconds,
 * not recorded, until Baton's JIT compiler threads used less than --jit-quiet % of a core over a round (at most
 * --jit-rounds rounds): the figures are Baton's steady state, not its JIT compiling the request paths (the first
 * operation measured in a fresh JVM was otherwise up to a third slower than the same operation measured later). Per operation: a warm-up (not
 * recorded), then the measured window: requests that start and end inside it are recorded. A non-2xx answer or an I/O error
 * is an error; the first few are printed with their body. CPU per request is read from /proc: the Baton
 * JVM (--pid), PostgreSQL's processes, this client, and the rest of the machine.
 *
 * <p>The client shares the machine's cores with Baton and PostgreSQL, so what it spends per request is taken from them.
 * By default (--client socket) each client thread keeps one HTTP/1.1 connection of its own and writes its request and
 * reads the whole answer on it with blocking I/O, as wrk or ab do: no thread but the client's own touches a request.
 * --client jdk sends through one shared java.net.http.HttpClient instead (the client before 2026-12-04: its selector
 * thread reads every answer and hands it to another thread, which costs CPU and a thread wake-up per request).
 */
public class DeskLoad {

    public static void main(String[] args) throws Exception {
        if (args.length == 0) throw new IllegalArgumentException("prepare or run");
        Map<String, String> o = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            if (!args[i].startsWith("--")) throw new IllegalArgumentException("unexpected " + args[i]);
            boolean flag = i + 1 >= args.length || args[i + 1].startsWith("--");
            o.put(args[i].substring(2), flag ? "true" : args[++i]);
        }
        switch (args[0]) {
            case "prepare" -> prepare(o);
            case "run" -> new DeskLoad(o).run();
            default -> throw new IllegalArgumentException("prepare or run");
        }
    }

    // ------------------------------------------------------------------ prepare
    static void prepare(Map<String, String> o) throws Exception {
        int clients = Integer.parseInt(o.getOrDefault("clients", "16"));
        Path out = Path.of(o.get("out"));
        Map<String, String> tokens = readTokens(Path.of(o.getOrDefault("tokens", "bench/.tokens")));
        StringBuilder sb = new StringBuilder();
        try (Connection c = DriverManager.getConnection(o.get("url"), o.getOrDefault("user", ""), o.getOrDefault("password", ""));
             Statement s = c.createStatement()) {
            long tickets = single(s, "select count(*) from tickets");
            List<String> agents = agentTokens(tokens, o, clients);
            for (String token : agents) {
                String hash = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                        .digest(token.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
                if (single(s, "select count(*) from api_tokens where token_hash = '" + hash + "' and revoked_at is null") == 0) {
                    throw new IllegalStateException("an agent token of bench/.tokens is not a token of this database: "
                            + "make the desk again (bench/generate-desk.sh --fresh)");
                }
            }
            // status changes: open incidents and requests with an owner that can go IN_PROGRESS <-> PENDING(CUSTOMER);
            // replies: other open tickets with an owner; reads: any ticket
            int perClient = 200;
            List<String[]> work = rows(s, "select number, status from tickets where is_open and type in ('INCIDENT', 'SERVICE_REQUEST') "
                    + "and status in ('ASSIGNED', 'IN_PROGRESS', 'PENDING') and (pending_reason is null or pending_reason = 'CUSTOMER') "
                    + "order by id fetch first " + (clients * perClient + 5000) + " rows only");
            if (work.size() < clients * 2) throw new IllegalStateException("too few open tickets with an owner: " + work.size());
            int transitions = Math.min(clients * perClient, work.size() / 2);
            for (int i = 0; i < work.size(); i++) {
                sb.append(i < transitions ? "TRANSITION " + work.get(i)[0] + " " + work.get(i)[1] : "REPLY " + work.get(i)[0]).append('\n');
            }
            for (String[] r : rows(s, "select number from tickets order by id desc fetch first 20000 rows only")) sb.append("GET ").append(r[0]).append('\n');
            for (String[] r : rows(s, "select id from users where role = 'CUSTOMER' and active order by id fetch first 5000 rows only")) {
                sb.append("CUSTOMER ").append(r[0]).append('\n');
            }
            for (String[] r : rows(s, "select id from organizations where active order by name")) sb.append("ORG ").append(r[0]).append('\n');
            Files.writeString(out, sb);
            System.out.printf("   workset: %,d tickets in the database; %d for status changes (%d per client), %d for replies, %d to read%n",
                    tickets, transitions, transitions / clients, work.size() - transitions, Math.min(20000, tickets));
        }
    }

    static long single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static List<String[]> rows(Statement s, String sql) throws SQLException {
        List<String[]> out = new ArrayList<>();
        try (ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                String[] r = new String[n];
                for (int i = 0; i < n; i++) r[i] = rs.getString(i + 1);
                out.add(r);
            }
        }
        return out;
    }

    /**
     * The API tokens of the first {@code n} bench agents (bench-agent, bench-agent-2, ...): BENCH_AGENT_TOKEN,
     * BENCH_AGENT_2_TOKEN, ... of the tokens file.
     */
    static List<String> agentTokens(Map<String, String> tokens, Map<String, String> options, int clients) {
        return agentTokens(tokens, Math.min(clients, Integer.parseInt(options.getOrDefault("agents", "1"))));
    }

    static List<String> agentTokens(Map<String, String> tokens, int n) {
        List<String> out = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            String key = i == 1 ? "BENCH_AGENT_TOKEN" : "BENCH_AGENT_" + i + "_TOKEN";
            String token = tokens.get(key);
            if (token == null) {
                throw new IllegalStateException("no " + key + " in the tokens file"
                        + " (--agents " + n + "); a desk generated before bench-agent-2 ... existed: make it again (bench/generate-desk.sh --fresh)");
            }
            out.add(token);
        }
        return out;
    }

    static Map<String, String> readTokens(Path file) throws IOException {
        Map<String, String> m = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file)) {
            int eq = line.indexOf('=');
            if (!line.startsWith("#") && eq > 0) m.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
        }
        return m;
    }

    // ------------------------------------------------------------------ run
    final String base;
    /** Client thread c acts as the agent of agentTokens[c % size]. */
    final List<String> agentTokens;
    final int clients, seconds, warmup, jvmWarmup, jitRounds;
    final double jitQuietPct;
    final long pid;
    final boolean virtual;
    final String clientKind;
    final List<String> ops;
    final HttpClient http;
    final String host;
    final int port;
    final List<String[]> transitionTickets = new ArrayList<>();
    final List<String> replyTickets = new ArrayList<>(), getTickets = new ArrayList<>(), customers = new ArrayList<>(), orgs = new ArrayList<>();
    final AtomicInteger printedErrors = new AtomicInteger();

    DeskLoad(Map<String, String> o) throws IOException {
        base = o.getOrDefault("base", "http://127.0.0.1:8080");
        clients = Integer.parseInt(o.getOrDefault("clients", "16"));
        agentTokens = agentTokens(readTokens(Path.of(o.getOrDefault("tokens", "bench/.tokens"))), o, clients);
        seconds = Integer.parseInt(o.getOrDefault("seconds", "20"));
        warmup = Integer.parseInt(o.getOrDefault("warmup", "5"));
        jvmWarmup = Integer.parseInt(o.getOrDefault("jvm-warmup", "10"));
        jitQuietPct = Double.parseDouble(o.getOrDefault("jit-quiet", "2"));
        jitRounds = Integer.parseInt(o.getOrDefault("jit-rounds", "8"));
        pid = Long.parseLong(o.getOrDefault("pid", "0"));
        virtual = Boolean.parseBoolean(o.getOrDefault("virtual", "false"));
        clientKind = o.getOrDefault("client", "socket");
        if (!clientKind.equals("socket") && !clientKind.equals("jdk")) throw new IllegalArgumentException("--client socket or jdk");
        ops = List.of(o.getOrDefault("ops", "create,reply,transition,list,get").split(","));
        for (String line : Files.readAllLines(Path.of(o.get("workset")))) {
            String[] p = line.split(" ");
            switch (p[0]) {
                case "TRANSITION" -> transitionTickets.add(new String[] {p[1], p[2]});
                case "REPLY" -> replyTickets.add(p[1]);
                case "GET" -> getTickets.add(p[1]);
                case "CUSTOMER" -> customers.add(p[1]);
                case "ORG" -> orgs.add(p[1]);
                default -> { }
            }
        }
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        URI uri = URI.create(base);
        host = uri.getHost();
        port = uri.getPort() > 0 ? uri.getPort() : 80;
    }

    /** A request: method, path (with the query), headers and an optional JSON body. */
    static final class Req {
        final String method, path;
        final List<String[]> headers = new ArrayList<>();
        String body;

        Req(String method, String path) {
            this.method = method;
            this.path = path;
        }

        Req header(String name, String value) {
            headers.add(new String[] {name, value});
            return this;
        }

        Req body(String json) {
            this.body = json;
            return header("Content-Type", "application/json");
        }
    }

    /** An answer: the status code and the whole body. */
    record Res(int status, byte[] bytes) {
        String body() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    /** How a client thread sends its requests; one per thread. */
    interface Transport extends AutoCloseable {
        Res send(Req request) throws IOException, InterruptedException;

        @Override
        default void close() { }
    }

    Transport transport() {
        return clientKind.equals("jdk") ? new JdkTransport(http, base) : new SocketTransport(host, port);
    }

    /** Through the shared java.net.http.HttpClient. */
    record JdkTransport(HttpClient http, String base) implements Transport {
        public Res send(Req r) throws IOException, InterruptedException {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + r.path)).timeout(Duration.ofSeconds(30));
            for (String[] h : r.headers) b.header(h[0], h[1]);
            b.method(r.method, r.body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(r.body));
            HttpResponse<byte[]> response = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Res(response.statusCode(), response.body());
        }
    }

    /**
     * HTTP/1.1 on one kept-alive connection of this thread, blocking: writes the request, reads the status line, the
     * headers and the body (Content-Length, chunked, or up to the end of the connection). Connects again when the server
     * closed the connection (Tomcat does after 100 requests, with "Connection: close").
     */
    static final class SocketTransport implements Transport {
        final String host;
        final int port;
        final byte[] line = new byte[8192];
        Socket socket;
        InputStream in;
        OutputStream out;
        boolean reused;

        SocketTransport(String host, int port) {
            this.host = host;
            this.port = port;
        }

        public Res send(Req r) throws IOException {
            byte[] request = encode(r);
            while (true) {
                if (socket == null) {
                    socket = new Socket();
                    socket.setTcpNoDelay(true);
                    socket.setSoTimeout(30_000);
                    socket.connect(new InetSocketAddress(host, port), 5_000);
                    in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
                    out = new BufferedOutputStream(socket.getOutputStream(), 1 << 14);
                    reused = false;
                }
                boolean answered = false;
                try {
                    out.write(request);
                    out.flush();
                    int n = readLine();
                    if (n < 0) throw new EOFException("the connection closed before an answer");
                    answered = true;
                    return read(n);
                } catch (IOException e) {
                    boolean retry = reused && !answered; // the server had closed the kept connection meanwhile: once on a new one
                    close();
                    if (!retry) throw e;
                }
            }
        }

        byte[] encode(Req r) {
            byte[] body = r.body == null ? null : r.body.getBytes(StandardCharsets.UTF_8);
            StringBuilder sb = new StringBuilder(256).append(r.method).append(' ').append(r.path).append(" HTTP/1.1\r\nHost: ")
                    .append(host).append(':').append(port).append("\r\n");
            for (String[] h : r.headers) sb.append(h[0]).append(": ").append(h[1]).append("\r\n");
            if (body != null || !r.method.equals("GET")) sb.append("Content-Length: ").append(body == null ? 0 : body.length).append("\r\n");
            sb.append("\r\n");
            byte[] head = sb.toString().getBytes(StandardCharsets.UTF_8);
            if (body == null) return head;
            byte[] all = Arrays.copyOf(head, head.length + body.length);
            System.arraycopy(body, 0, all, head.length, body.length);
            return all;
        }

        /** The rest of an answer whose status line (n bytes) is in {@code line}. */
        Res read(int n) throws IOException {
            if (n < 12 || line[0] != 'H') throw new IOException("not an HTTP status line: " + new String(line, 0, Math.max(0, n), StandardCharsets.ISO_8859_1));
            int status = (line[9] - '0') * 100 + (line[10] - '0') * 10 + (line[11] - '0');
            long length = -1;
            boolean chunked = false, close = false;
            while ((n = readLine()) > 0) {
                String h = new String(line, 0, n, StandardCharsets.ISO_8859_1);
                int colon = h.indexOf(':');
                if (colon < 0) continue;
                String name = h.substring(0, colon).trim(), value = h.substring(colon + 1).trim();
                if (name.equalsIgnoreCase("Content-Length")) length = Long.parseLong(value);
                else if (name.equalsIgnoreCase("Transfer-Encoding")) chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                else if (name.equalsIgnoreCase("Connection")) close = value.equalsIgnoreCase("close");
            }
            if (n < 0) throw new EOFException("the connection closed in the headers");
            byte[] body;
            if (chunked) {
                java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream(1 << 14);
                while (true) {
                    int m = readLine();
                    if (m < 0) throw new EOFException("the connection closed in a chunked body");
                    String size = new String(line, 0, m, StandardCharsets.ISO_8859_1);
                    int semi = size.indexOf(';');
                    int chunk = Integer.parseInt((semi < 0 ? size : size.substring(0, semi)).trim(), 16);
                    if (chunk == 0) {
                        while ((m = readLine()) > 0) { /* trailers */ }
                        break;
                    }
                    buf.write(in.readNBytes(chunk));
                    if (readLine() != 0) throw new IOException("a chunk does not end with CRLF");
                }
                body = buf.toByteArray();
            } else if (length >= 0) {
                body = in.readNBytes((int) length);
                if (body.length < length) throw new EOFException("the connection closed in the body");
            } else if (status == 204 || status == 304) {
                body = new byte[0];
            } else {
                body = in.readAllBytes();
                close = true;
            }
            if (close) close();
            else reused = true;
            return new Res(status, body);
        }

        /** One line without its CRLF into {@code line}: its length, or -1 at the end of the stream. */
        int readLine() throws IOException {
            int n = 0, b;
            while ((b = in.read()) >= 0) {
                if (b == '\n') return n > 0 && line[n - 1] == '\r' ? n - 1 : n;
                if (n == line.length) throw new IOException("a header line longer than " + line.length + " bytes");
                line[n++] = (byte) b;
            }
            return n == 0 ? -1 : n;
        }

        @Override
        public void close() {
            if (socket != null) {
                try {
                    socket.close();
                } catch (IOException ignored) { /* closing */ }
            }
            socket = null;
        }
    }

    /** One operation's request for client {@code c}, issue number {@code i}. */
    interface Op {
        Req request(int client, long i, SplittableRandom r);
        default void answered(int client, long i, Res response) { }
    }

    Req req(int client, String method, String path) {
        return new Req(method, path).header("Authorization", "Bearer " + agentTokens.get(client % agentTokens.size()))
                .header("Accept", "application/json");
    }

    Req get(int client, String path) {
        return req(client, "GET", path);
    }

    Req post(int client, String path, String json) {
        return req(client, "POST", path).body(json);
    }

    static final String[] SUBJECTS = {"VPN drops every few minutes", "Printer on 3rd floor offline", "Outlook keeps asking for my password",
        "New laptop for starter", "Cannot open the finance share", "Teams audio cuts out in calls", "Docking station not detecting monitors",
        "Account locked out", "Access to the CRM for a new colleague", "Wi-Fi very slow in meeting room B.204"};
    static final String[] CATEGORIES = {"Network", "Printing", "Email", "Hardware request", "Access", "Software", "Hardware", "Access",
        "Access request", "Network"};
    static final String[] LEVELS = {"HIGH", "MEDIUM", "MEDIUM", "LOW", "LOW"};
    static final String[] REPLIES = {"Hi, thanks for the details. Could you restart the laptop and try again?",
        "Hi, we have applied a fix on our side. Please try again and let us know.",
        "Hi, an engineer will connect remotely at 2 pm; please leave the laptop on.",
        "Hi, could you send a screenshot of the error message?"};
    static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([A-Z_]+)\"");

    Op op(String name) {
        return switch (name) {
            case "create" -> (c, i, r) -> {
                int s = r.nextInt(SUBJECTS.length);
                String type = CATEGORIES[s].endsWith("request") || s == 3 ? "SERVICE_REQUEST" : "INCIDENT";
                String body = "{\"type\":\"" + type + "\",\"subject\":\"" + SUBJECTS[s] + "\",\"description\":\"Reported by phone; bench request "
                        + c + "-" + i + ".\",\"requesterId\":\"" + customers.get(r.nextInt(customers.size())) + "\",\"channel\":\"PHONE\","
                        + "\"category\":\"" + CATEGORIES[s] + "\",\"impact\":\"" + LEVELS[r.nextInt(LEVELS.length)] + "\",\"urgency\":\""
                        + LEVELS[r.nextInt(LEVELS.length)] + "\"}";
                return post(c, "/api/v1/tickets", body).header("Idempotency-Key", UUID.randomUUID().toString());
            };
            case "reply" -> (c, i, r) -> {
                // each client replies on its own slice of the reply tickets
                int per = Math.max(1, replyTickets.size() / clients);
                String number = replyTickets.get((c * per + r.nextInt(per)) % replyTickets.size());
                return post(c, "/api/v1/tickets/" + number + "/comments",
                        "{\"body\":\"" + REPLIES[r.nextInt(REPLIES.length)] + "\",\"visibility\":\"PUBLIC\"}");
            };
            case "transition" -> new Op() {
                // one disjoint set of tickets per client; each ticket alternates IN_PROGRESS <-> PENDING (CUSTOMER)
                final String[][] status = new String[clients][];
                final int per = transitionTickets.size() / clients;
                {
                    for (int c = 0; c < clients; c++) {
                        status[c] = new String[per];
                        for (int j = 0; j < per; j++) status[c][j] = transitionTickets.get(c * per + j)[1];
                    }
                }
                public Req request(int c, long i, SplittableRandom r) {
                    int j = (int) (i % per);
                    String number = transitionTickets.get(c * per + j)[0];
                    return post(c, "/api/v1/tickets/" + number + "/transitions", status[c][j].equals("IN_PROGRESS")
                            ? "{\"to\":\"PENDING\",\"pendingReason\":\"CUSTOMER\"}" : "{\"to\":\"IN_PROGRESS\"}");
                }
                public void answered(int c, long i, Res response) {
                    int j = (int) (i % per);
                    if (response.status() / 100 == 2) {
                        Matcher m = STATUS.matcher(response.body());
                        status[c][j] = m.find() ? m.group(1) : status[c][j].equals("IN_PROGRESS") ? "PENDING" : "IN_PROGRESS";
                    } else {
                        status[c][j] = status[c][j].equals("IN_PROGRESS") ? "PENDING" : "IN_PROGRESS"; // our view was wrong: flip it
                    }
                }
            };
            case "list" -> (c, i, r) -> (i + c) % 2 == 0
                    ? get(c, "/api/v1/tickets?open=true&priority=P2&limit=50")
                    : get(c, "/api/v1/tickets?open=true&organizationId=" + orgs.get((int) ((i / 2 + c) % orgs.size())) + "&limit=50");
            case "get" -> (c, i, r) -> get(c, "/api/v1/tickets/" + getTickets.get(r.nextInt(getTickets.size())));
            default -> throw new IllegalArgumentException("unknown operation " + name);
        };
    }

    record Result(String op, long requests, double perSecond, double p50, double p95, double p99, double max, long errors,
            double batonCpu, double jitCpu, double pgCpu, double pgBackgroundCpu, double clientCpu, double otherCpu, double stealPct,
            double slaFiringsPerSecond, double checkpointMb) {}

    void run() throws Exception {
        System.out.printf("   load: %d %s threads per operation as %d agent%s, %d s warm-up + %d s measured each, against %s (%s)%n", clients,
                virtual ? "virtual" : "platform", agentTokens.size(), agentTokens.size() == 1 ? "" : "s", warmup, seconds, base,
                clientKind.equals("jdk") ? "one shared java.net.http.HttpClient" : "a kept-alive HTTP/1.1 connection per thread");
        // one Op per operation for the whole run: a status change remembers where each of its tickets is
        Map<String, Op> byName = new java.util.LinkedHashMap<>();
        for (String name : ops) byName.put(name, op(name));
        if (jvmWarmup > 0) {
            // rounds of every operation until Baton's JIT compiler threads are nearly idle (it otherwise still compiles the
            // request paths during the first operations measured: up to a fifth of the machine's CPU, seen with perf)
            System.out.printf("   JVM warm-up: rounds of each operation for %d s, not recorded, until Baton's JIT compiler threads use"
                    + " less than %.0f %% of a core (at most %d rounds)%n", jvmWarmup, jitQuietPct, jitRounds);
            for (int round = 1; round <= jitRounds; round++) {
                long t0 = System.nanoTime();
                Cpu before = Cpu.read(pid);
                for (String name : ops) {
                    measure(name, byName.get(name), jvmWarmup, 0);
                }
                double jitPct = 100 * (Cpu.read(pid).jit() - before.jit()) / ((System.nanoTime() - t0) / 1e6);
                System.out.printf(Locale.ROOT, "   warm-up round %d: Baton's JIT used %.1f %% of a core%n", round, jitPct);
                if (pid <= 0 || jitPct < jitQuietPct) break;
            }
        }
        List<Result> results = new ArrayList<>();
        for (String name : ops) {
            Result res = measure(name, byName.get(name), warmup, seconds);
            results.add(res);
            System.out.printf("   %-10s done: %,d requests, %.1f/s, p50 %.1f ms, %d errors%n", name, res.requests(), res.perSecond(), res.p50(), res.errors());
        }
        System.out.println();
        String head = String.format("%-11s %7s %9s %8s %8s %8s %8s %8s %7s | %9s %7s %9s %7s %9s %9s | %6s | %6s | %7s", "operation", "clients",
                "requests", "req/s", "p50 ms", "p95 ms", "p99 ms", "max ms", "errors", "Baton CPU", "of: JIT", "PG CPU", "of: bg", "client", "other",
                "steal", "SLA/s", "ckpt MB");
        System.out.println(head);
        System.out.println(" ".repeat(head.indexOf('|')) + "|" + String.format("%48s", "CPU ms per request"));
        for (Result x : results) {
            System.out.printf(Locale.ROOT, "%-11s %7d %,9d %8.1f %8.1f %8.1f %8.1f %8.1f %7d | %9.2f %7.2f %9.2f %7.2f %9.2f %9.2f | %5.0f%% | %6.1f | %7.0f%n",
                    x.op(), clients, x.requests(), x.perSecond(), x.p50(), x.p95(), x.p99(), x.max(), x.errors(), x.batonCpu(), x.jitCpu(), x.pgCpu(),
                    x.pgBackgroundCpu(), x.clientCpu(), x.otherCpu(), x.stealPct(), x.slaFiringsPerSecond(), x.checkpointMb());
        }
        System.out.println("   (of: JIT: the part of Baton's CPU its JIT compiler threads spent: still compiling, Baton is not yet in its steady state)");
        System.out.println("   (SLA/s: warnings and breaches the SLA sweep fired per second during the window, from Baton's baton_sla_firings_total)");
        System.out.println("   (of: bg: the part of PostgreSQL's CPU its own processes spent, not the connections' backends: autovacuum,"
                + " checkpointer, background writer, WAL writer; the writes of earlier operations keep them busy during later ones)");
        System.out.println("   (ckpt MB: what PostgreSQL's checkpointer wrote during the window, write_bytes of its /proc/PID/io: a checkpoint"
                + " spreads its writes over the next one's WAL, and the queries then share the disk with them; 0 on H2)");
    }

    Result measure(String name, Op op, int warmup, int seconds) throws Exception {
        long t0 = System.nanoTime();
        long measureStart = t0 + warmup * 1_000_000_000L;
        long measureEnd = measureStart + seconds * 1_000_000_000L;
        long[][] lat = new long[clients][];
        int[] counts = new int[clients];
        AtomicLong errors = new AtomicLong();
        CountDownLatch done = new CountDownLatch(clients);
        for (int c = 0; c < clients; c++) {
            final int client = c;
            Runnable body = () -> {
                SplittableRandom r = new SplittableRandom(name.hashCode() * 31L + client);
                long[] mine = new long[1 << 14];
                int n = 0;
                try (Transport transport = transport()) {
                    for (long i = 0; ; i++) {
                        long start = System.nanoTime();
                        if (start >= measureEnd) break;
                        Req request = op.request(client, i, r);
                        boolean ok;
                        try {
                            Res response = transport.send(request);
                            ok = response.status() / 100 == 2;
                            op.answered(client, i, response);
                            if (!ok) error(name, request, response.status() + " " + response.body());
                        } catch (IOException e) {
                            ok = false;
                            error(name, request, e.toString());
                        }
                        long end = System.nanoTime();
                        if (start >= measureStart && end <= measureEnd) {
                            if (ok) {
                                if (n == mine.length) mine = Arrays.copyOf(mine, n * 2);
                                mine[n++] = end - start;
                            } else {
                                errors.incrementAndGet();
                            }
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    lat[client] = mine;
                    counts[client] = n;
                    done.countDown();
                }
            };
            (virtual ? Thread.ofVirtual() : Thread.ofPlatform().daemon()).name(name + "-" + c).start(body);
        }
        sleepUntil(measureStart);
        Cpu before = Cpu.read(pid);
        double firingsBefore = seconds > 0 ? slaFirings() : 0;
        sleepUntil(measureEnd);
        Cpu after = Cpu.read(pid);
        double firingsAfter = seconds > 0 ? slaFirings() : 0;
        done.await();

        int total = 0;
        for (int n : counts) total += n;
        long[] all = new long[total];
        int k = 0;
        for (int c = 0; c < clients; c++) {
            System.arraycopy(lat[c], 0, all, k, counts[c]);
            k += counts[c];
        }
        Arrays.sort(all);
        long reqs = total + errors.get();
        double per = Math.max(1, reqs);
        return new Result(name, total, total / (double) Math.max(1, seconds), pct(all, 50), pct(all, 95), pct(all, 99),
                all.length == 0 ? 0 : all[all.length - 1] / 1e6, errors.get(),
                (after.baton() - before.baton()) / per, (after.jit() - before.jit()) / per, (after.pg() - before.pg()) / per,
                (after.pgBackground() - before.pgBackground()) / per, (after.self() - before.self()) / per,
                Math.max(0, (after.machine() - before.machine()) - (after.baton() - before.baton()) - (after.pg() - before.pg())
                        - (after.self() - before.self())) / per,
                after.all() > before.all() ? 100 * (after.steal() - before.steal()) / (after.all() - before.all()) : 0,
                (firingsAfter - firingsBefore) / Math.max(1, seconds),
                (after.checkpointerWrites() - before.checkpointerWrites()) / 1048576.0);
    }

    static final Pattern SLA_FIRINGS = Pattern.compile("(?m)^baton_sla_firings_total\\{[^}]*} ([0-9.eE+-]+)$");

    /** The SLA sweep's warnings and breaches so far (all kinds), from Baton's Prometheus scrape; NaN when it cannot be read. */
    double slaFirings() {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/prometheus")).timeout(Duration.ofSeconds(5))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            double sum = 0;
            Matcher m = SLA_FIRINGS.matcher(r.body());
            while (m.find()) sum += Double.parseDouble(m.group(1));
            return sum;
        } catch (IOException e) {
            return Double.NaN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Double.NaN;
        }
    }

    void error(String op, Req request, String what) {
        if (printedErrors.incrementAndGet() <= 8) {
            String text = what.length() > 400 ? what.substring(0, 400) + "…" : what;
            System.out.printf("   ! %s %s %s -> %s%n", op, request.method, request.path, text.replace('\n', ' '));
        }
    }

    static double pct(long[] sorted, double p) {
        if (sorted.length == 0) return 0;
        int i = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    static void sleepUntil(long nanoTime) throws InterruptedException {
        long left;
        while ((left = nanoTime - System.nanoTime()) > 0) Thread.sleep(Math.max(1, left / 1_000_000));
    }

    /** CPU milliseconds so far (user + system): the Baton JVM, PostgreSQL's processes, this JVM, and the whole machine. */
    record Cpu(double baton, double jit, double pg, double pgBackground, double self, double machine, double steal, double all,
            long checkpointerWrites) {
        /** PostgreSQL's own processes, as their titles name them: all but the backends that serve connections. */
        static final List<String> BACKGROUND = List.of("checkpointer", "background writer", "walwriter", "autovacuum", "launcher",
                "archiver", "stats");

        static final double MS_PER_TICK = 1000.0 / Long.getLong("clk.tck", 100);

        static Cpu read(long batonPid) {
            double baton = batonPid > 0 ? procTicks(batonPid) * MS_PER_TICK : 0;
            double jit = batonPid > 0 ? compilerTicks(batonPid) * MS_PER_TICK : 0;
            double self = procTicks(ProcessHandle.current().pid()) * MS_PER_TICK;
            double pg = 0, pgBackground = 0;
            long checkpointer = 0;
            try (var dirs = Files.list(Path.of("/proc"))) {
                for (Path d : (Iterable<Path>) dirs::iterator) {
                    String f = d.getFileName().toString();
                    if (!f.chars().allMatch(Character::isDigit)) continue;
                    try {
                        if (Files.readString(d.resolve("comm")).strip().equals("postgres")) {
                            double ms = procTicks(Long.parseLong(f)) * MS_PER_TICK;
                            pg += ms;
                            String title = new String(Files.readAllBytes(d.resolve("cmdline")));
                            if (BACKGROUND.stream().anyMatch(title::contains)) pgBackground += ms;
                            if (title.contains("checkpointer")) checkpointer += writeBytes(d.resolve("io"));
                        }
                    } catch (IOException | RuntimeException gone) { /* the process ended meanwhile, or its io is not ours to read */ }
                }
            } catch (IOException e) {
                pg = 0;
            }
            double machine = 0, steal = 0, all = 0;
            try {
                String[] cpu = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
                // user nice system idle iowait irq softirq steal: busy = all but idle, iowait and steal
                for (int i : new int[] {1, 2, 3, 6, 7}) machine += Long.parseLong(cpu[i]);
                steal = Long.parseLong(cpu[8]);
                for (int i = 1; i <= 8; i++) all += Long.parseLong(cpu[i]);
            } catch (IOException e) {
                machine = 0;
            }
            return new Cpu(baton, jit, pg, pgBackground, self, machine * MS_PER_TICK, steal * MS_PER_TICK, all * MS_PER_TICK, checkpointer);
        }

        /** The bytes a process has caused to be written to storage ({@code write_bytes} of /proc/PID/io). */
        static long writeBytes(Path io) throws IOException {
            for (String line : Files.readAllLines(io)) {
                if (line.startsWith("write_bytes:")) return Long.parseLong(line.substring(12).strip());
            }
            return 0;
        }

        /** utime + stime of the JIT compiler threads of a JVM (threads named "C1 CompilerThre…", "C2 CompilerThre…"), in clock ticks. */
        static long compilerTicks(long pid) {
            long ticks = 0;
            try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
                for (Path t : (Iterable<Path>) tasks::iterator) {
                    try {
                        if (Files.readString(t.resolve("comm")).contains("CompilerThre")) {
                            ticks += taskTicks(t.resolve("stat"));
                        }
                    } catch (IOException | RuntimeException gone) { /* the thread ended meanwhile */ }
                }
            } catch (IOException e) {
                return 0;
            }
            return ticks;
        }

        /** utime + stime of a process, in clock ticks (fields 14 and 15 of /proc/PID/stat). */
        static long procTicks(long pid) {
            return taskTicks(Path.of("/proc/" + pid + "/stat"));
        }

        static long taskTicks(Path statFile) {
            try {
                String stat = Files.readString(statFile);
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                return Long.parseLong(f[11]) + Long.parseLong(f[12]);
            } catch (IOException | RuntimeException e) {
                return 0;
            }
        }
    }
}
