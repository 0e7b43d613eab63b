package com.shopassist.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.shopassist.core.cart.CartOwner;
import com.shopassist.core.cart.CartService;
import com.shopassist.core.common.CommerceSettings;
import com.shopassist.core.common.NotFoundException;
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
        public boolean lockCustomer(long customerId) {
            ask("lock " + customerId);
            return customerId == KNOWN;
        }

        @Override
        public Optional<String> exportDocument(long customerId, Instant exportedAt) {
            ask("export " + customerId + " at " + exportedAt);
            return customerId == KNOWN ? Optional.of("{}") : Optional.empty();
        }

        @Override
        public void deleteAddresses(long customerId) {
            ask("delete addresses " + customerId);
        }

        @Override
        public void deleteSessions(long customerId) {
            ask("delete sessions " + customerId);
        }

        @Override
        public void redactChatsOf(long customerId, String redacted) {
            ask("redact chats of " + customerId + " as " + redacted);
        }

        @Override
        public void forgetOrderAddresses(long customerId) {
            ask("forget order addresses " + customerId);
        }

        @Override
        public void anonymise(long customerId, String email, String name, Instant now) {
            ask("anonymise " + customerId + " as " + name + " <" + email + "> at " + now);
        }

        @Override
        public int redactChatsBefore(Instant before, String redacted) {
            ask("redact chats before " + before + " as " + redacted);
            return 3;
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
    void deletingAnAccountReleasesTheCartFirstAndAnonymisesLastInOneTransaction() {
        service(CommerceSettings.defaults()).deleteAccount(KNOWN);

        assertThat(asked)
                .containsExactly(
                        "lock 7",
                        "discard cart of " + CartOwner.customer(KNOWN),
                        "delete addresses 7",
                        "delete sessions 7",
                        "redact chats of 7 as " + PrivacyService.REDACTED,
                        "forget order addresses 7",
                        "anonymise 7 as Deleted customer <deleted-7@anonymised.invalid> at " + NOW);
        assertThat(inTransaction).containsOnly(true);
    }

    @Test
    void deletingAnUnknownCustomerChangesNothing() {
        assertThatThrownBy(() -> service(CommerceSettings.defaults()).deleteAccount(99))
                .isInstanceOf(NotFoundException.class);
        assertThat(asked).containsExactly("lock 99");
    }

    @Test
    void theExportIsStampedNowAndAnUnknownCustomerIsNotFound() {
        assertThat(service(CommerceSettings.defaults()).exportJson(KNOWN)).isEqualTo("{}");
        assertThat(asked).containsExactly("export 7 at " + NOW);
        assertThatThrownBy(() -> service(CommerceSettings.defaults()).exportJson(99))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void chatContentOlderThanTheRetentionIsRedacted() {
        int redacted =
                service(CommerceSettings.defaults().withChatRetentionDays(30)).purgeOldChatContent();

        assertThat(redacted).isEqualTo(3);
        assertThat(asked)
                .containsExactly(
                        "redact chats before " + NOW.minus(Duration.ofDays(30)) + " as " + PrivacyService.REDACTED);
        assertThat(inTransaction).containsOnly(true);
    }
}
