package com.shopassist.ai.gemini;

import com.shopassist.ai.AssistantChain;
import com.shopassist.ai.tool.ToolBox;
import com.shopassist.core.cart.CartOwner;
import com.shopassist.core.chat.ChatContext;
import com.shopassist.core.chat.ShoppingAssistant;
import com.shopassist.core.customer.Customer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/** Shared setup of the ai tests: settings pointing at a fake Gemini, contexts for a guest and customers. */
final class Harness {

    static final String FLASH = "gemini-2.5-flash";
    static final String PRO = "gemini-2.5-pro";

    private Harness() {}

    /**
     * Settings against the fake. The timeout is long: a first call on a cold, loaded machine can
     * take seconds, and a test that is not about timeouts must not fail over by one. A test of a
     * timeout takes {@link #SHORT_TIMEOUT} and makes the fake wait far longer.
     */
    static AiSettings settings(FakeGemini fake) {
        return AiSettings.defaults("test-key").withBaseUrl(fake.baseUrl()).withTimeout(Duration.ofSeconds(10));
    }

    /** The timeout of a test about timeouts: the stalled reply waits {@link #STALL_MILLIS}. */
    static final Duration SHORT_TIMEOUT = Duration.ofSeconds(3);

    static final int STALL_MILLIS = 9_000;

    static AssistantChain chain(
            AiSettings settings,
            ToolBox tools,
            com.shopassist.core.chat.ChatRepository chats,
            ShoppingAssistant offline) {
        return AssistantChain.create(settings, tools, chats, offline, Clock.systemUTC());
    }

    static ChatContext guest() {
        return new ChatContext(
                UUID.randomUUID(), CartOwner.guest("kiosk-" + UUID.randomUUID()), null, null, Locale.ENGLISH);
    }

    static ChatContext customer(long id, Customer.Tier tier) {
        Customer c = new Customer(
                id,
                "Customer " + id,
                "c" + id + "@example.com",
                30,
                null,
                null,
                Customer.Role.CUSTOMER,
                tier,
                Instant.EPOCH);
        return new ChatContext(UUID.randomUUID(), CartOwner.customer(id), c, null, Locale.ENGLISH);
    }

    /** The same session again (a resumed chat). */
    static ChatContext again(ChatContext ctx) {
        return new ChatContext(ctx.chatSessionId(), ctx.owner(), ctx.customer(), ctx.clerkId(), ctx.uiLocale());
    }
}
