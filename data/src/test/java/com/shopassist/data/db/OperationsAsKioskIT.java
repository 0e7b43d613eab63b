package com.shopassist.data.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.shopassist.core.cart.CartOwner;
import com.shopassist.core.catalog.SearchMissLog;
import com.shopassist.core.clerk.ClerkCall;
import com.shopassist.core.clerk.ClerkCallService;
import com.shopassist.core.clerk.DefaultClerkCallService;
import com.shopassist.core.common.ShopException;
import com.shopassist.core.privacy.PrivacyService;
import com.shopassist.core.upkeep.UpkeepReport;
import com.shopassist.data.CommerceServices;
import com.shopassist.data.chat.MyBatisChatRepository;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The store's upkeep, the report's records, clerk calls and guest chats given to the customer who
 * signs in, as a kiosk login role does them (V150-V153 under decision 0080's rules).
 */
class OperationsAsKioskIT extends SeededKioskStore {

    static UUID guestChatOfThisKiosk(String guestKey, String text) {
        UUID id = UUID.randomUUID();
        new MyBatisChatRepository(kiosk).ensureSession(id, null, guestKey);
        new MyBatisChatRepository(kiosk).append(id, "user", text, null);
        return id;
    }

    static Long givenTo(UUID chat) {
        long n = fx.queryLong(
                "SELECT coalesce(signed_in_customer_id, 0) FROM aichatbot.chat_session WHERE chat_session_id = ?",
                chat);
        return n == 0 ? null : n;
    }

    @Test
    void aKioskRoleRunsTheUpkeep() {
        UUID oldGuest = UUID.randomUUID();
        Instant longAgo = Instant.now().minus(Duration.ofDays(120));
        fx.queryLong(
                "INSERT INTO aichatbot.chat_session (chat_session_id, guest_key, created_at, updated_at)"
                        + " VALUES (?, 'kiosk-long-ago', ?, ?) RETURNING 1",
                oldGuest,
                Timestamp.from(longAgo),
                Timestamp.from(longAgo));
        // ended sessions are kept 30 days (a replay may still leave its notice with one, V177)
        long ended = fx.queryLong(
                "INSERT INTO tbl_customer_session (customer_id, token, created_at, expires_at)"
                        + " VALUES (?, ?, now() - interval '32 days', now() - interval '31 days') RETURNING session_id",
                siti,
                UUID.randomUUID().toString());
        long product = fx.queryLong("SELECT min(product_id) FROM tbl_product WHERE is_active AND stock_quantity > 5");
        services.carts().add(CartOwner.guest("kiosk-upkeep"), product, 1);
        fx.exec("UPDATE tbl_stock_hold SET created_at = now() - interval '20 minutes',"
                + " expires_at = now() - interval '1 minute' WHERE product_id = " + product);
        kiosk.sessions().present(null);

        UpkeepReport r = services.upkeep().runOnce();

        assertThat(r.ran()).isTrue();
        assertThat(r.guestChatsDeleted()).isPositive();
        assertThat(r.sessionsDeleted()).isPositive();
        assertThat(r.holdsSwept()).isPositive();
        assertThat(fx.queryLong("SELECT count(*) FROM aichatbot.chat_session WHERE chat_session_id = ?", oldGuest))
                .isZero();
        assertThat(fx.queryLong("SELECT count(*) FROM tbl_customer_session WHERE session_id = " + ended))
                .isZero();
    }

    @Test
    void aKioskRoleRecordsTurnsAndMissedSearchesButReadsNoOtherKiosksSearches() {
        services.repositories().turnLog().record(UUID.randomUUID(), "offline", Duration.ofMillis(12), Instant.now());
        SearchMissLog misses = services.repositories().searchMisses();
        misses.record(SearchMissLog.fold("sepatu roda"), Instant.now().minus(Duration.ofDays(100)));

        assertThat(fx.queryLong("SELECT count(*) FROM aichatbot.chat_turn")).isPositive();
        assertDenied("SELECT query_text FROM tbl_search_miss");
        assertDenied("SELECT * FROM aichatbot.chat_turn");
        assertThat(misses.deleteBefore(Instant.now().minus(Duration.ofDays(90))))
                .isPositive();
    }

    @Test
    void aKioskRoleCallsTakesAndExpiresClerkCalls() {
        ClerkCallService calls =
                new DefaultClerkCallService(services.repositories().clerkCalls(), Duration.ofMinutes(5));
        long clerk = fx.queryLong("SELECT customer_id FROM tbl_customers WHERE role = 'CLERK' ORDER BY 1 LIMIT 1");

        ClerkCall call = calls.call("Kiosk Sepatu 2");
        assertThat(calls.open()).extracting(ClerkCall::id).contains(call.id());
        assertThat(calls.take(call.id(), clerk, "Kasir")).isTrue();
        assertThat(calls.take(call.id(), clerk, "Kasir")).isFalse();

        ClerkCall late = calls.call("Kiosk Dapur");
        fx.exec("UPDATE tbl_clerk_call SET called_at = now() - interval '6 minutes' WHERE clerk_call_id = "
                + late.id());
        assertThat(calls.expireOverdue()).isEqualTo(1);
        assertThat(calls.find(late.id()).orElseThrow().status()).isEqualTo(ClerkCall.Status.EXPIRED);
    }

    @Test
    void aKioskGivesItsGuestChatsOnlyToTheCustomerWhoseSessionItPresents() {
        String guestKey = "kiosk-" + UUID.randomUUID();
        UUID chat = guestChatOfThisKiosk(guestKey, "a guest asking for batik");

        // the column itself is no kiosk's to set, whatever the chat policy lets it update
        assertDenied("UPDATE aichatbot.chat_session SET signed_in_customer_id = " + siti + " WHERE chat_session_id = '"
                + chat + "'");
        // no session, or another customer's session, names no one
        assertThatThrownBy(() -> services.privacy().attributeGuestChats(guestKey, siti))
                .isInstanceOfSatisfying(
                        ShopException.class, e -> assertThat(e.code()).isEqualTo("NOT_ALLOWED"));
        roles.as(
                budi,
                () -> assertThatThrownBy(() -> services.privacy().attributeGuestChats(guestKey, siti))
                        .isInstanceOf(ShopException.class));
        assertThat(givenTo(chat)).isNull();

        roles.as(budi, () -> services.privacy().attributeGuestChats(guestKey, budi));
        assertThat(givenTo(chat)).isEqualTo(budi);

        // once given, another customer signing in on the same guest session does not take it
        roles.as(siti, () -> services.privacy().attributeGuestChats(guestKey, siti));
        assertThat(givenTo(chat)).isEqualTo(budi);
    }

    @Test
    void aKioskCannotGiveAnotherKiosksGuestChats() {
        String guestKey = "kiosk-" + UUID.randomUUID();
        UUID elsewhere = UUID.randomUUID();
        try (Database other = roles.otherKiosk(2)) {
            new MyBatisChatRepository(other).ensureSession(elsewhere, null, guestKey);
        }

        roles.as(budi, () -> services.privacy().attributeGuestChats(guestKey, budi));

        assertThat(givenTo(elsewhere)).isNull();
    }

    @Test
    void guestChatsGivenToACustomerAreInTheirExportAtAnotherKioskAndErasedWithTheirAccount() {
        long dewi = fx.customer("Dewi Tamu", "dewi.tamu@example.com");
        String guestKey = "kiosk-" + UUID.randomUUID();
        UUID chat = guestChatOfThisKiosk(guestKey, "a guest asking for songket");
        roles.as(dewi, () -> services.privacy().attributeGuestChats(guestKey, dewi));

        try (Database other = roles.otherKiosk(2)) {
            CommerceServices elsewhere = CommerceServices.create(other, Clock.systemUTC(), null);
            String export = other.sessions()
                    .as(roles.session(dewi), () -> elsewhere.privacy().exportJson(dewi, null));
            assertThat(export).contains("songket");
            // without her session the other kiosk sees nothing of it
            assertThat(KioskSql.count(
                            other,
                            "SELECT count(*) FROM aichatbot.chat_session WHERE chat_session_id = '" + chat + "'"))
                    .isZero();
        }

        roles.as(dewi, () -> services.privacy().deleteAccount(dewi, null));

        assertThat(fx.queryString("SELECT chat_content FROM aichatbot.chat_details WHERE chat_session_id = ?", chat))
                .isEqualTo(PrivacyService.REDACTED);
    }
}
