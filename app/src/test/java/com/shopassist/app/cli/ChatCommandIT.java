package com.shopassist.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.shopassist.app.Main;
import com.shopassist.app.wiring.AppWiring;
import com.shopassist.core.replica.StoreStatus;
import com.shopassist.data.db.Database;
import com.shopassist.data.outbox.KioskDatabases;
import com.shopassist.data.outbox.SwitchedStoreStatus;
import com.shopassist.data.testing.TestDatabase;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code chat --json} end to end through {@link Main}: stdin lines in, one JSON object per reply
 * out with exactly the documented fields, on the seeded database with the real services; and
 * {@code db seed} computing product embeddings (wiring.Seeding).
 */
class ChatCommandIT {

    static Database db;
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    @BeforeAll
    static void up() {
        db = TestDatabase.freshSeeded();
    }

    @AfterAll
    static void down() {
        db.close();
    }

    record Result(int code, List<JsonNode> replies, String out, String err) {}

    Result chat(Map<String, String> env, String stdin, String... args) throws Exception {
        return chatOn(db.settings().jdbcUrl(), "postgres", env, stdin, args);
    }

    Result chatOn(String url, String user, Map<String, String> env, String stdin, String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("--db-url", url, "--db-user", user));
        all.add("--data-dir");
        all.add(dataDir.toString());
        all.addAll(List.of(args));
        Map<String, String> environment = new HashMap<>(env);
        environment.putIfAbsent("SHOPASSIST_SEMANTIC", "off");
        // no local replica (an embedded server and a copy of the catalog per test): ReplicaChatIT has one
        environment.putIfAbsent("SHOPASSIST_REPLICA", "off");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(
                all,
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                environment,
                Clock.systemUTC());
        String o = out.toString(StandardCharsets.UTF_8);
        List<JsonNode> replies = new ArrayList<>();
        if (args.length > 0 && List.of(args).contains("--json")) {
            for (String line : o.lines().toList()) replies.add(JSON.readTree(line));
        }
        return new Result(code, replies, o, err.toString(StandardCharsets.UTF_8));
    }

    static long count(String sql) throws Exception {
        try (Connection c = db.dataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static List<String> fields(JsonNode n) {
        List<String> names = new ArrayList<>();
        n.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void aGuestKioskSessionGetsOneJsonObjectPerLineWithTheDocumentedFields() throws Exception {
        Result r = chat(
                Map.of(), "headphones under 500k\n\nadd the second one\ncheckout\n", "chat", "--json", "--offline");
        assertThat(r.code()).isZero();
        assertThat(r.replies()).hasSize(4);
        for (JsonNode reply : r.replies()) {
            assertThat(fields(reply))
                    .containsExactly(
                            "text", "language", "products", "cart", "action", "tools", "assistant", "store", "outbox");
            assertThat(reply.get("text").asText()).isNotBlank();
            assertThat(reply.get("language").asText()).isIn("en", "id");
            assertThat(reply.get("assistant").asText()).isEqualTo("offline");
            assertThat(reply.get("store").asText()).isEqualTo("shared");
            assertThat(reply.get("outbox").asInt())
                    .as("a kiosk without an outbox")
                    .isZero();
        }
        JsonNode search = r.replies().get(0);
        assertThat(search.get("tools").get(0).asText()).isEqualTo("search_products");
        JsonNode card = search.get("products").get(1);
        assertThat(fields(card)).containsExactly("id", "name", "brand", "price", "available");
        assertThat(card.get("price").isIntegralNumber()).isTrue();
        assertThat(card.get("price").asLong()).isLessThanOrEqualTo(500_000);

        assertThat(r.replies().get(1).get("text").asText())
                .as("an empty line gets an answer")
                .isNotBlank();
        assertThat(r.replies().get(1).get("tools")).as("and writes nothing").isEmpty();

        JsonNode added = r.replies().get(2);
        JsonNode cart = added.get("cart");
        // the one cart shape, the same the model reads from the tools
        assertThat(fields(cart)).containsExactly("lines", "subtotal", "voucher", "discount", "total");
        JsonNode line = cart.get("lines").get(0);
        assertThat(fields(line)).containsExactly("product_id", "name", "quantity", "unit_price", "line_total");
        assertThat(line.get("product_id").asLong()).isEqualTo(card.get("id").asLong());
        assertThat(cart.get("total").asLong()).isEqualTo(card.get("price").asLong());

        JsonNode checkout = r.replies().get(3);
        assertThat(checkout.get("text").asText()).containsIgnoringCase("sign in");
        assertThat(checkout.get("action").isNull()).isTrue();
        assertThat(r.err()).isEmpty();
    }

    @Test
    void aClerkChecksOutForACustomerAndTheOrderIsInTheDatabase() throws Exception {
        long before = count("SELECT count(*) FROM tbl_order o JOIN tbl_customers c ON c.customer_id = o.customer_id"
                + " WHERE c.email = 'ayu@example.com'");
        Result r = chat(
                Map.of(),
                "cari botol minum\ntambah yang pertama\nkirim ke rumah\nya\n",
                "chat",
                "--json",
                "--offline",
                "--customer",
                "ayu@example.com");
        assertThat(r.code()).isZero();
        assertThat(r.replies()).hasSize(4);
        JsonNode proposal = r.replies().get(2);
        assertThat(proposal.get("language").asText()).isEqualTo("id");
        assertThat(fields(proposal.get("action"))).containsExactly("id", "kind", "summary");
        assertThat(proposal.get("action").get("kind").asText()).isEqualTo("checkout");
        assertThat(proposal.get("action").get("summary").asText()).contains("Rumah");
        JsonNode done = r.replies().get(3);
        assertThat(done.get("text").asText()).contains("SA-");
        assertThat(done.get("tools").get(0).asText()).isEqualTo("checkout");
        long after = count("SELECT count(*) FROM tbl_order o JOIN tbl_customers c ON c.customer_id = o.customer_id"
                + " WHERE c.email = 'ayu@example.com'");
        assertThat(after).isEqualTo(before + 1);
    }

    @Test
    void withAKioskRoleOnlyASignedInClerkActsForACustomerAndTheOrderCarriesTheClerksId() throws Exception {
        try (TestDatabase.Roles store = TestDatabase.freshSeededWithKiosk(4)) {
            String url = store.kiosk().settings().jdbcUrl();
            String kiosk = TestDatabase.KIOSK_ROLE;

            Result refused = chatOn(url, kiosk, Map.of(), "hi\n", "chat", "--json", "--customer", "ayu@example.com");
            assertThat(refused.code()).isEqualTo(2);
            assertThat(refused.err().lines()).hasSize(1);
            assertThat(refused.err()).contains("store owner's database role", "--clerk", "SHOPASSIST_CLERK_PASSWORD");

            Result wrong = chatOn(
                    url,
                    kiosk,
                    Map.of("SHOPASSIST_CLERK_PASSWORD", "not-the-password-1"),
                    "hi\n",
                    "chat",
                    "--json",
                    "--customer",
                    "ayu@example.com",
                    "--clerk",
                    "kasir@example.com");
            assertThat(wrong.code()).isEqualTo(2);
            assertThat(wrong.err()).contains("the clerk could not sign in");

            Result served = chatOn(
                    url,
                    kiosk,
                    Map.of("SHOPASSIST_CLERK_PASSWORD", "kasir123"),
                    "cari botol minum\ntambah yang pertama\nkirim ke rumah\nya\n",
                    "chat",
                    "--json",
                    "--offline",
                    "--customer",
                    "ayu@example.com",
                    "--clerk",
                    "kasir@example.com");
            assertThat(served.code()).as(served.err()).isZero();
            assertThat(served.replies().get(3).get("text").asText()).contains("SA-");
            try (Connection c = store.owner().dataSource().getConnection();
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT k.email, (SELECT count(*) FROM tbl_clerk_audit a"
                            + " WHERE a.clerk_id = k.customer_id AND a.action = 'SERVE')"
                            + " FROM tbl_order o JOIN tbl_customers k ON k.customer_id = o.clerk_id"
                            + " ORDER BY o.order_id DESC LIMIT 1")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("kasir@example.com");
                assertThat(rs.getLong(2)).isEqualTo(1);
            }
        }
    }

    @Test
    void anUnknownCustomerEmailIsOneLineOnStderrAndExitCodeTwo() throws Exception {
        Result r = chat(Map.of(), "hi\n", "chat", "--json", "--customer", "nobody@example.com");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().lines().toList()).containsExactly("chat: no customer with email nobody@example.com");
    }

    @Test
    void anUnknownOptionIsAUsageError() throws Exception {
        Result r = chat(Map.of(), "", "chat", "--jsn");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("unknown option '--jsn'");
    }

    @Test
    void endOfInputRightAwayEndsCleanly() throws Exception {
        Result r = chat(Map.of(), "", "chat", "--json", "--offline");
        assertThat(r.code()).isZero();
        assertThat(r.out()).isEmpty();
    }

    @Test
    void withoutJsonTheRepliesArePlainText() throws Exception {
        Result r = chat(Map.of(), "halo\n", "chat", "--offline");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("Guest session").contains("Halo!");
        assertThat(r.out()).doesNotContain("{\"text\"");
    }

    @Test
    void seedingComputesProductEmbeddingsUpToTheConfiguredLimit() throws Exception {
        try (Database fresh = TestDatabase.fresh()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = Main.run(
                    List.of(
                            "db",
                            "seed",
                            "--db-url",
                            fresh.settings().jdbcUrl(),
                            "--db-user",
                            "postgres",
                            "--data-dir",
                            dataDir.toString()),
                    new ByteArrayInputStream(new byte[0]),
                    new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8),
                    Map.of("SHOPASSIST_SEMANTIC_SEED_LIMIT", "24"),
                    Clock.systemUTC());
            assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("Semantic search: embedded 24 products");
            try (Connection c = fresh.dataSource().getConnection();
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery(
                            "SELECT count(*), min(dims), max(length(embedding)), min(model) FROM tbl_product_embedding")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(24);
                assertThat(rs.getInt(2)).isEqualTo(384);
                assertThat(rs.getInt(3)).isEqualTo(384 * 4);
                assertThat(rs.getString(4)).isEqualTo("all-minilm-l6-v2-q");
            }
        }
    }

    @Test
    void offlineEveryReplyCountsTheCartChangesWaitingToBeSent() throws Exception {
        Database local = KioskDatabases.freshLocal();
        KioskDatabases.copyCatalog(db, local);
        SwitchedStoreStatus status = new SwitchedStoreStatus();
        status.set(StoreStatus.Source.LOCAL); // the store's database is gone: cart changes wait
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (AppWiring app = AppWiring.over(db, Clock.systemUTC(), Map.of("SHOPASSIST_KIOSK_ID", "kiosk-chat"))) {
            app.useLocalStore(local, status);
            int code = ChatCommand.run(
                    app,
                    List.of("--json", "--offline"),
                    new ByteArrayInputStream(
                            "headphones under 500k\nadd the second one\n".getBytes(StandardCharsets.UTF_8)),
                    new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            assertThat(code).isZero();
        } finally {
            local.close();
        }
        List<JsonNode> replies = new ArrayList<>();
        for (String line : out.toString(StandardCharsets.UTF_8).lines().toList()) replies.add(JSON.readTree(line));
        assertThat(replies).hasSize(2);
        assertThat(replies.get(0).get("outbox").asInt()).isZero();
        JsonNode added = replies.get(1);
        assertThat(added.get("tools").get(0).asText()).isEqualTo("add_to_cart");
        assertThat(added.get("cart").get("lines")).hasSize(1); // shown at once
        assertThat(added.get("outbox").asInt()).isEqualTo(1); // and waiting to be sent
    }
}
