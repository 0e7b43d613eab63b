package com.shopassist.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.shopassist.app.config.ConfigException;
import com.shopassist.app.wiring.AppWiring;
import com.shopassist.core.cart.CartOwner;
import com.shopassist.core.outbox.CheckoutQueuedException;
import com.shopassist.core.replica.StoreStatus;
import com.shopassist.data.CommerceFixture;
import com.shopassist.data.db.Database;
import com.shopassist.data.outbox.KioskDatabases;
import com.shopassist.data.outbox.SwitchedStoreStatus;
import com.shopassist.data.testing.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code outbox status | replay | rejections}: what store IT and clerks see of a kiosk's outbox, on
 * real PostgreSQL (the store's database and the kiosk's local one).
 */
class OutboxCommandIT {

    static final ObjectMapper JSON = new ObjectMapper();
    Database shared;
    Database local;
    AppWiring app;
    final SwitchedStoreStatus status = new SwitchedStoreStatus();

    @BeforeEach
    void kiosk() {
        shared = TestDatabase.fresh(8);
        local = KioskDatabases.freshLocal();
        app = AppWiring.over(
                shared,
                Clock.systemUTC(),
                Map.of("SHOPASSIST_OFFLINE_CHECKOUT", "queue", "SHOPASSIST_KIOSK_ID", "kiosk-cli"));
        app.useLocalStore(local, status);
    }

    @AfterEach
    void close() {
        app.close();
        local.close();
        shared.close();
    }

    String run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = OutboxCommand.run(
                app,
                List.of(args),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        return code + "\n" + out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aQueuedCheckoutTheStoreCannotHonourIsListedForClerks() throws Exception {
        CommerceFixture fx = new CommerceFixture(shared);
        long category = fx.category("Kitchen", "Dapur");
        long kettle = fx.product(category, "Kettle", "Philips", 300_000, 5);
        long customer = fx.customer("Wati", "wati-cli@example.com");
        long address = fx.address(customer, "Rumah");
        KioskDatabases.copyCatalog(shared, local);
        var services = app.services();
        services.carts().add(CartOwner.customer(customer), kettle, 1); // online
        status.set(StoreStatus.Source.LOCAL);
        String reference;
        try {
            services.checkout().checkout(customer, address, services.checkout().newIdempotencyKey());
            throw new AssertionError("not queued");
        } catch (CheckoutQueuedException queued) {
            reference = queued.reference();
        }
        assertThat(run("status")).startsWith("0\n").contains("Waiting:  1");
        JsonNode waiting = JSON.readTree(run("--json").substring(2));
        assertThat(waiting.get("waiting").asInt()).isEqualTo(1);
        fx.exec("UPDATE tbl_product SET is_active = false WHERE product_id = " + kettle); // withdrawn meanwhile

        assertThat(run("replay")).startsWith("0\n").contains("1 refused").contains("0 waiting");

        assertThat(run("rejections"))
                .contains(reference)
                .contains("customer " + customer)
                .contains("NOT_FOUND")
                .contains("kiosk-cli");
        JsonNode listed =
                JSON.readTree(run("rejections", "--json", "--limit", "5").substring(2));
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("reference").asText()).isEqualTo(reference);
        assertThat(run("status", "--json")).contains("\"waiting\":0");
        assertThat(fx.queryLong("SELECT count(*) FROM tbl_order WHERE customer_id = ?", customer))
                .isZero();
    }

    @Test
    void badArgumentsAreRefusedInOneLine() {
        assertThatThrownBy(() -> run("rejections", "--limit", "lots"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("--limit needs a number from 1 to 10000");
        assertThatThrownBy(() -> run("purge"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("use status, replay or rejections");
        assertThat(run("rejections")).contains("No queued checkout was refused.");
    }
}
