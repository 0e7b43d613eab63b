package com.shopassist.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.shopassist.core.cart.CartOwner;
import com.shopassist.core.cart.CartService;
import com.shopassist.core.common.CommerceSettings;
import com.shopassist.core.common.NotFoundException;
import com.shopassist.core.common.ShopException;
import com.shopassist.core.common.Transactions;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What the privacy service decides, over a port that records what it is asked (the SQL behind
 * the port is tested against PostgreSQL in data's PrivacyServiceIT).
 */
class DefaultPrivacyServiceTest {

    static final Instant NOW = Instant.parse("2026-11-25T03:00:00Z");
    static final long KNOWN = 7;
    static final long REFUSED = 8;

    final List<String> asked = new ArrayList<>();
    final List<Boolean> inTransaction = new ArrayList<>();
    boolean open;

    final Transactions tx = new Transactions() {
        @Override
        public <T> T inTransaction(java.util.function.Supplier<T> work) {
            open = true;
            try {
                return work.get();
            } finally {
                open = false;
            }
        }
    };

    final PrivacyRepository repository = new PrivacyRepository() {
        @Override
        public void authorise(long customerId, Request request, char[] customerPassword) {
            ask("authorise " + request + " of " + customerId
                    + (customerPassword == null ? "" : " with " + new String(customerPassword)));
            if (customerId == REFUSED) throw new ShopException("NOT_ALLOWED", "not this one");
        }

        @Override
        public Optional<String> exportDocument(long customerId, Instant exportedAt) {
            ask("export " + customerId + " at " + exportedAt);
            return customerId == KNOWN ? Optional.of("{}") : Optional.empty();
        }

        @Override
        public boolean erase(long customerId, String redacted) {
            ask("erase " + customerId + " as " + redacted);
            return customerId == KNOWN;
        }

        @Override
        public ChatPurge purgeChatsBefore(Instant before, String redacted) {
            ask("purge chats before " + before + " as " + redacted);
            return new ChatPurge(3, 1);
        }

        @Override
        public void attributeGuestChats(String guestKey, long customerId) {
            ask("attribute " + guestKey + " to " + customerId);
        }
    };

    /** Only discard is expected of the carts. */
    final CartService carts = (CartService) Proxy.newProxyInstance(
            CartService.class.getClassLoader(), new Class<?>[] {CartService.class}, (proxy, method, args) -> {
                if (!method.getName().equals("discard")) throw new AssertionError("unexpected " + method);
                ask("discard cart of " + args[0]);
                return null;
            });

    void ask(String what) {
        asked.add(what);
        inTransaction.add(open);
    }

    DefaultPrivacyService service(CommerceSettings settings) {
        return new DefaultPrivacyService(repository, carts, tx, Clock.fixed(NOW, ZoneOffset.UTC), settings);
    }

    @Test
    void deletingAnAccountIsAuthorisedThenReleasesTheCartThenErasesInOneTransaction() {
        service(CommerceSettings.defaults()).deleteAccount(KNOWN, null);

        assertThat(asked)
                .containsExactly(
                        "authorise ERASE of 7",
                        "discard cart of " + CartOwner.customer(KNOWN),
                        "erase 7 as " + PrivacyService.REDACTED);
        assertThat(inTransaction).containsOnly(true);
    }

    @Test
    void aRefusedRequestGoesNoFurtherAndTheCustomersPasswordIsWipedAfterUse() {
        char[] password = "belanja123".toCharArray();
        assertThatThrownBy(() -> service(CommerceSettings.defaults()).deleteAccount(REFUSED, password))
                .isInstanceOf(ShopException.class);
        assertThat(asked).containsExactly("authorise ERASE of " + REFUSED + " with belanja123");
        assertThat(new String(password)).isEqualTo("\0".repeat(password.length));
    }

    @Test
    void deletingAnUnknownCustomerIsNotFound() {
        assertThatThrownBy(() -> service(CommerceSettings.defaults()).deleteAccount(99, null))
                .isInstanceOf(NotFoundException.class);
        assertThat(asked).last().isEqualTo("erase 99 as " + PrivacyService.REDACTED);
    }

    @Test
    void theExportIsAuthorisedAndStampedNowAndAnUnknownCustomerIsNotFound() {
        assertThat(service(CommerceSettings.defaults()).exportJson(KNOWN, null)).isEqualTo("{}");
        assertThat(asked).containsExactly("authorise EXPORT of 7", "export 7 at " + NOW);
        assertThatThrownBy(() -> service(CommerceSettings.defaults()).exportJson(99, null))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void chatContentOlderThanTheRetentionIsPurged() {
        ChatPurge purged =
                service(CommerceSettings.defaults().withChatRetentionDays(30)).purgeOldChats();

        assertThat(purged).isEqualTo(new ChatPurge(3, 1));
        assertThat(asked)
                .containsExactly(
                        "purge chats before " + NOW.minus(Duration.ofDays(30)) + " as " + PrivacyService.REDACTED);
        assertThat(inTransaction).containsOnly(true);
    }

    @Test
    void guestChatsAreAttributedOnlyForAGuestKey() {
        service(CommerceSettings.defaults()).attributeGuestChats("kiosk-1", KNOWN);
        service(CommerceSettings.defaults()).attributeGuestChats(" ", KNOWN);
        service(CommerceSettings.defaults()).attributeGuestChats(null, KNOWN);

        assertThat(asked).containsExactly("attribute kiosk-1 to 7");
        assertThat(inTransaction).containsOnly(true);
    }
}
