package com.shopassist.data.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.shopassist.core.cart.CartOwner;
import com.shopassist.core.common.CommerceSettings;
import com.shopassist.core.common.ShopException;
import com.shopassist.core.customer.Session;
import com.shopassist.core.order.Order;
import com.shopassist.core.privacy.ChatPurge;
import com.shopassist.core.privacy.PrivacyService;
import com.shopassist.data.CommerceFixture;
import com.shopassist.data.CommerceServices;
import com.shopassist.data.MutableClock;
import com.shopassist.data.db.Database;
import com.shopassist.data.testing.TestDatabase;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PrivacyServiceIT {

    static Database db;
    static CommerceFixture fx;
    static MutableClock clock = MutableClock.at("2026-11-25T03:00:00Z");
    static CommerceServices s;
    static long category;

    @BeforeAll
    static void up() {
        db = TestDatabase.fresh(4);
        fx = new CommerceFixture(db);
        s = CommerceServices.create(db, clock, CommerceSettings.defaults());
        category = fx.category("Privacy", null);
    }

    @AfterAll
    static void down() {
        db.close();
    }

    static UUID chat(long customerId, String text, Instant at) {
        UUID id = UUID.randomUUID();
        fx.queryLong(
                "INSERT INTO aichatbot.chat_session (chat_session_id, customer_id, title, summary, created_at, updated_at)"
                        + " VALUES (?, ?, 'Shoes', 'wanted shoes', ?, ?)",
                id,
                customerId,
                Timestamp.from(at),
                Timestamp.from(at));
        fx.queryLong(
                "INSERT INTO aichatbot.chat_details (chat_session_id, role, chat_content, created_at) VALUES (?, 'user', ?, ?)",
                id,
                text,
                Timestamp.from(at));
        return id;
    }

    static Order orderFor(long customer, long address) {
        long p = fx.product(category, "Private Thing " + customer, "Brand", 120_000, 5);
        s.carts().add(CartOwner.customer(customer), p, 1);
        return s.checkout().checkout(customer, address, s.checkout().newIdempotencyKey());
    }

    @Test
    void exportHoldsProfileAddressesOrdersAndChatsAsJson() throws Exception {
        long c = fx.customer("Tari Export", "tari@example.com");
        long address = fx.address(c, "Rumah");
        Order order = orderFor(c, address);
        chat(c, "I need running shoes size 42", clock.instant());

        JsonNode doc = new ObjectMapper().readTree(s.privacy().exportJson(c, null));

        assertThat(doc.get("customer").get("email").asText()).isEqualTo("tari@example.com");
        assertThat(doc.get("customer").has("password")).isFalse();
        assertThat(doc.get("addresses").get(0).get("label").asText()).isEqualTo("Rumah");
        assertThat(doc.get("orders").get(0).get("order_number").asText()).isEqualTo(order.orderNumber());
        assertThat(doc.get("orders").get(0).get("total_amount").asText()).isEqualTo("120000");
        assertThat(doc.get("orders").get(0).get("items").get(0).get("quantity").asInt())
                .isEqualTo(1);
        assertThat(doc.get("chats")
                        .get(0)
                        .get("messages")
                        .get(0)
                        .get("chat_content")
                        .asText())
                .contains("running shoes");
        assertThat(doc.get("exported_at").asText()).isEqualTo(clock.instant().toString());
    }

    @Test
    void deletingAnonymisesRedactsChatsDeletesAddressesAndKeepsOrders() {
        long c = fx.customer("Umar Delete", "umar@example.com");
        long address = fx.address(c, "Rumah");
        Order order = orderFor(c, address);
        long p = fx.product(category, "In Cart", "Brand", 10_000, 3);
        s.carts().add(CartOwner.customer(c), p, 2);
        UUID chat = chat(c, "my address is Jl. Rahasia 7", clock.instant());
        long other = fx.customer("Vina Stays", "vina@example.com");
        UUID otherChat = chat(other, "keep me", clock.instant());
        fx.exec("UPDATE aichatbot.chat_session SET pending_action = '{\"summary\": \"ship to Jl. Rahasia 7\"}',"
                + " pending_until = now() + interval '2 minutes' WHERE chat_session_id = '" + chat + "'");

        s.privacy().deleteAccount(c, null);

        assertThat(fx.queryString("SELECT email FROM tbl_customers WHERE customer_id = ?", c))
                .isEqualTo("deleted-" + c + "@anonymised.invalid");
        assertThat(fx.queryString("SELECT full_name FROM tbl_customers WHERE customer_id = ?", c))
                .doesNotContain("Umar");
        assertThat(fx.queryString("SELECT password FROM tbl_customers WHERE customer_id = ?", c))
                .isNull();
        assertThat(fx.queryLong("SELECT count(*) FROM tbl_customer_address WHERE customer_id = ?", c))
                .isZero();
        assertThat(fx.queryString("SELECT chat_content FROM aichatbot.chat_details WHERE chat_session_id = ?", chat))
                .isEqualTo(PrivacyService.REDACTED);
        assertThat(fx.queryString("SELECT summary FROM aichatbot.chat_session WHERE chat_session_id = ?", chat))
                .isNull();
        assertThat(fx.queryString(
                        "SELECT pending_action::text FROM aichatbot.chat_session WHERE chat_session_id = ?", chat))
                .isNull();
        assertThat(fx.queryString(
                        "SELECT chat_content FROM aichatbot.chat_details WHERE chat_session_id = ?", otherChat))
                .isEqualTo("keep me");
        assertThat(fx.queryLong("SELECT count(*) FROM tbl_order WHERE order_id = ?", order.id()))
                .isEqualTo(1);
        assertThat(fx.queryString("SELECT shipping_address_text FROM tbl_order WHERE order_id = ?", order.id()))
                .isNull();
        assertThat(fx.reservedOf(p)).isZero();
        assertThat(s.customers().lookup("umar", 5)).isEmpty();
    }

    static UUID guestChat(String guestKey, String text, Instant at) {
        UUID id = UUID.randomUUID();
        fx.queryLong(
                "INSERT INTO aichatbot.chat_session (chat_session_id, guest_key, title, created_at, updated_at)"
                        + " VALUES (?, ?, 'Guest', ?, ?)",
                id,
                guestKey,
                Timestamp.from(at),
                Timestamp.from(at));
        fx.queryLong(
                "INSERT INTO aichatbot.chat_details (chat_session_id, role, chat_content, created_at) VALUES (?, 'user', ?, ?)",
                id,
                text,
                Timestamp.from(at));
        return id;
    }

    static String contentOf(UUID chat) {
        return fx.queryString("SELECT chat_content FROM aichatbot.chat_details WHERE chat_session_id = ?", chat);
    }

    @Test
    void aClerkServingACustomerNeedsTheCustomersPasswordOnTheOwnersRoleToo() {
        // the embedded database's app connects as the owner: a session it presents still holds it
        try (Database seeded = TestDatabase.freshSeeded(2)) {
            CommerceServices store = CommerceServices.create(seeded, clock, CommerceSettings.defaults());
            Session clerk = store.customers().login("kasir@example.com", "kasir123".toCharArray());
            long maria = store.customers().lookup("maria@example.com", 1).get(0).id();
            store.customers().serve(maria);

            assertThatThrownBy(() -> store.privacy().exportJson(maria, "bukan-sandinya".toCharArray()))
                    .isInstanceOfSatisfying(
                            ShopException.class,
                            e -> assertThat(e.code()).isEqualTo(PrivacyService.CUSTOMER_PASSWORD_WRONG));
            assertThatThrownBy(() -> store.privacy().deleteAccount(maria, null))
                    .isInstanceOfSatisfying(
                            ShopException.class,
                            e -> assertThat(e.code()).isEqualTo(PrivacyService.CUSTOMER_PASSWORD_WRONG));
            CommerceFixture owner = new CommerceFixture(seeded);
            assertThat(owner.queryString("SELECT email FROM tbl_customers WHERE customer_id = ?", maria))
                    .isEqualTo("maria@example.com");
            assertThat(store.privacy().exportJson(maria, "belanja123".toCharArray()))
                    .contains("maria@example.com");

            store.customers().logout(clerk.token());
            // with no session presented the owner is store IT, who may
            assertThat(store.privacy().exportJson(maria, null)).contains("maria@example.com");
        }
    }

    @Test
    void purgeRedactsCustomerChatsAndDeletesGuestChatsOlderThanTheRetentionOnly() {
        long c = fx.customer("Wira Purge", "wira@example.com");
        UUID old = chat(c, "old message", clock.instant().minus(Duration.ofDays(91)));
        UUID recent = chat(c, "recent message", clock.instant().minus(Duration.ofDays(89)));
        UUID oldGuest =
                guestChat("kiosk-old", "a guest long ago", clock.instant().minus(Duration.ofDays(91)));
        UUID recentGuest =
                guestChat("kiosk-new", "a guest lately", clock.instant().minus(Duration.ofDays(89)));

        ChatPurge purged = s.privacy().purgeOldChats();

        assertThat(purged.messagesRedacted()).isGreaterThanOrEqualTo(1);
        assertThat(purged.guestChatsDeleted()).isGreaterThanOrEqualTo(1);
        assertThat(contentOf(old)).isEqualTo(PrivacyService.REDACTED);
        assertThat(fx.queryString("SELECT title FROM aichatbot.chat_session WHERE chat_session_id = ?", old))
                .isNull();
        assertThat(contentOf(recent)).isEqualTo("recent message");
        assertThat(fx.queryLong("SELECT count(*) FROM aichatbot.chat_session WHERE chat_session_id = ?", oldGuest))
                .isZero();
        assertThat(contentOf(recentGuest)).isEqualTo("a guest lately");
        assertThat(s.privacy().purgeOldChats()).isEqualTo(new ChatPurge(0, 0));

        CommerceServices shortRetention =
                CommerceServices.create(db, clock, CommerceSettings.defaults().withChatRetentionDays(30));
        assertThat(shortRetention.privacy().purgeOldChats().messagesRedacted()).isGreaterThanOrEqualTo(1);
        assertThat(contentOf(recent)).isEqualTo(PrivacyService.REDACTED);
    }

    @Test
    void theDatabaseKeepsADayOfChatWhateverRetentionItIsAskedFor() {
        UUID lastHour = guestChat("kiosk-hour", "just now", Instant.now().minus(Duration.ofHours(1)));
        CommerceServices noRetention = CommerceServices.create(
                db,
                MutableClock.at(Instant.now().toString()),
                CommerceSettings.defaults().withChatRetentionDays(0));

        noRetention.privacy().purgeOldChats();

        assertThat(contentOf(lastHour)).isEqualTo("just now");
    }

    @Test
    void guestChatsOfAKioskSessionACustomerSignedIntoAreExportedAndErasedWithTheirs() throws Exception {
        long c = fx.customer("Xena Guest", "xena@example.com");
        UUID before = guestChat("kiosk-xena", "a guest asking for batik", clock.instant());
        UUID stranger = guestChat("kiosk-stranger", "someone else entirely", clock.instant());

        s.privacy().attributeGuestChats("kiosk-xena", c);

        JsonNode doc = new ObjectMapper().readTree(s.privacy().exportJson(c, null));
        assertThat(doc.get("chats").toString()).contains("batik").doesNotContain("someone else");

        s.privacy().deleteAccount(c, null);

        assertThat(contentOf(before)).isEqualTo(PrivacyService.REDACTED);
        assertThat(fx.queryString("SELECT title FROM aichatbot.chat_session WHERE chat_session_id = ?", before))
                .isNull();
        assertThat(contentOf(stranger)).isEqualTo("someone else entirely");
    }
}
