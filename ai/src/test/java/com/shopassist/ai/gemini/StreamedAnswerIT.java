package com.shopassist.ai.gemini;

import static com.shopassist.ai.gemini.FakeGemini.Call;
import static com.shopassist.ai.gemini.FakeGemini.Pacing;
import static com.shopassist.ai.gemini.FakeGemini.Reply;
import static com.shopassist.ai.gemini.Harness.FLASH;
import static com.shopassist.ai.gemini.Harness.PRO;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.shopassist.ai.AssistantChain;
import com.shopassist.core.catalog.Product;
import com.shopassist.core.chat.AssistantReply;
import com.shopassist.core.chat.ChatContext;
import com.shopassist.core.chat.Correction;
import com.shopassist.core.money.Money;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A streamed Gemini answer over the real client and the fake's SSE: the shopper's listener gets it
 * a sentence at a time, each sentence checked first, in English and Indonesian; what streamed is
 * the reply's text; each correction is in the reply with its kind.
 */
class StreamedAnswerIT extends ChainTestBase {

    private final List<String> shown = new CopyOnWriteArrayList<>();

    private AssistantChain withShortTimeout() {
        return Harness.chain(Harness.settings(fake).withTimeout(Harness.SHORT_TIMEOUT), tools, chats, null);
    }

    private static ChatContext indonesian() {
        ChatContext g = Harness.guest();
        return new ChatContext(g.chatSessionId(), g.owner(), null, null, Locale.forLanguageTag("id"));
    }

    private AssistantReply streamAfterSearch(ChatContext ctx, String message, String query, String... pieces) {
        fake.enqueue(
                FLASH,
                Reply.calls(Call.of("search_products", "query", query)),
                Reply.streamed(Pacing.of(0, List.of(pieces))));
        return chain.reply(ctx, message, shown::add);
    }

    private static List<Correction.Kind> kinds(AssistantReply r) {
        return r.corrections().stream().map(Correction::kind).toList();
    }

    @Test
    void aPriceOfAnotherProductIsCorrectedBeforeItIsShown() {
        AssistantReply r = streamAfterSearch(
                Harness.guest(),
                "which headphones do you have?",
                "headphones",
                "The Sony WH-1000XM5 Wireless Headphones is Rp 4.999.000. The JBL Tune 520BT Headph",
                "ones is Rp 4.999.",
                "000 too. Want one?");
        assertThat(shown)
                .containsExactly(
                        "The Sony WH-1000XM5 Wireless Headphones is Rp 4.999.000.",
                        " The JBL Tune 520BT Headphones is Rp 699.000 too.",
                        " Want one?");
        assertThat(String.join("", shown)).isEqualTo(r.text());
        assertThat(kinds(r)).containsExactly(Correction.Kind.PRICE);
        assertThat(r.assistant()).isEqualTo("gemini-flash");
    }

    @Test
    void aCountLeftOfASoldOutProductIsNeverShown() {
        AssistantReply r = streamAfterSearch(
                indonesian(),
                "masih ada xiaomi redmi buds 5?",
                "xiaomi",
                "Xiaomi Redmi Buds 5 ting",
                "gal 3, buruan! Mau lihat yang lain?");
        assertThat(shown).containsExactly("Xiaomi Redmi Buds 5 sedang habis.", " Mau lihat yang lain?");
        assertThat(r.text()).isEqualTo("Xiaomi Redmi Buds 5 sedang habis. Mau lihat yang lain?");
        assertThat(kinds(r)).containsExactly(Correction.Kind.STOCK);
    }

    @Test
    void soldOutForAProductWithTwelveUnitsIsCorrected() {
        tools.products.put(
                5L,
                new Product(
                        5,
                        10,
                        "Audio",
                        "SKU-5",
                        null,
                        "Anker Soundcore Life Q30 Headphones",
                        "Anker",
                        Money.of(1_099_000),
                        "Electronics",
                        "",
                        null,
                        12,
                        12,
                        5,
                        Instant.EPOCH));
        AssistantReply r = streamAfterSearch(
                Harness.guest(),
                "is the Soundcore Life Q30 in stock?",
                "q30",
                "Sorry, the Anker Soundcore Life Q30 Headphones is sold out. Shall I find another?");
        assertThat(shown.get(0)).isEqualTo("Sorry, the Anker Soundcore Life Q30 Headphones is in stock.");
        assertThat(String.join("", shown)).doesNotContain("sold out").isEqualTo(r.text());
        assertThat(kinds(r)).containsExactly(Correction.Kind.STOCK);
    }

    @Test
    void anAmountWithoutRpThatMatchesNoProductIsDropped() {
        AssistantReply r = streamAfterSearch(
                indonesian(),
                "headphone JBL ada?",
                "jbl",
                "Ada juga pilihan lain seharga 1,25 juta. ",
                "JBL Tune 520BT Headphones harganya Rp 699.000.");
        assertThat(shown).containsExactly("JBL Tune 520BT Headphones harganya Rp 699.000.");
        assertThat(r.text()).isEqualTo("JBL Tune 520BT Headphones harganya Rp 699.000.");
        assertThat(kinds(r)).containsExactly(Correction.Kind.AMOUNT);
    }

    @Test
    void theFirstCheckedSentenceReachesTheShopperWhileTheStreamIsStillOpen() {
        for (ChatContext ctx : List.of(Harness.guest(), indonesian())) {
            shown.clear();
            fake.reset();
            CountDownLatch gate = new CountDownLatch(1);
            List<Long> gateWhenFirstShown = new CopyOnWriteArrayList<>();
            boolean en = ctx.uiLocale().getLanguage().equals("en");
            String first = en
                    ? "The JBL Tune 520BT Headphones is Rp 699.000."
                    : "JBL Tune 520BT Headphones harganya Rp 699.000.";
            String rest = en ? "It has great bass." : "Bass-nya mantap.";
            // the fake holds the stream open after the first sentence until the listener has it
            Pacing held = Pacing.held(1, gate, 20_000, List.of(first + " ", rest));
            fake.enqueue(FLASH, Reply.calls(Call.of("search_products", "query", "jbl")), Reply.streamed(held));
            AssistantReply r = chain.reply(ctx, en ? "jbl headphones?" : "headphone jbl?", text -> {
                if (shown.isEmpty()) gateWhenFirstShown.add(gate.getCount());
                shown.add(text);
                gate.countDown();
            });
            assertThat(gateWhenFirstShown).as("the rest was still held back").containsExactly(1L);
            assertThat(held.opened())
                    .as("the listener, not the limit, let the stream go on")
                    .isTrue();
            assertThat(shown).containsExactly(first, " " + rest);
            assertThat(r.text()).isEqualTo(first + " " + rest);
        }
    }

    @Test
    void aStreamThatStallsBeforeAWholeSentenceGivesWayToTheNextModel() {
        // nothing was shown yet, so the next model may still answer instead
        fake.enqueue(
                FLASH, Reply.streamed(Pacing.stalled(Harness.STALL_MILLIS, List.of("The Sony WH-1000XM5 costs Rp 1"))));
        fake.enqueue(PRO, Reply.text("Pro answers. Cleanly."));
        AssistantReply r = withShortTimeout().reply(Harness.guest(), "hello", shown::add);
        assertThat(r.assistant()).isEqualTo("gemini-pro");
        assertThat(String.join("", shown)).isEqualTo("Pro answers. Cleanly.");
    }

    @Test
    void aStreamThatStallsAfterASentenceKeepsWhatWasShownAndDropsTheRest() {
        fake.enqueue(
                FLASH,
                Reply.streamed(Pacing.stalled(6_000, List.of("Hello there. ", "The Sony WH-1000XM5 costs Rp 1"))));
        AssistantReply r = chain.reply(Harness.guest(), "hello", shown::add);
        assertThat(r.assistant()).isEqualTo("gemini-flash");
        assertThat(shown).containsExactly("Hello there.");
        assertThat(r.text()).startsWith("Hello there.").doesNotContain("Rp 1");
        assertThat(fake.requests()).extracting(FakeGemini.Recorded::model).containsExactly(FLASH);
    }

    @Test
    void eachCorrectionIsCountedByKindAndNamedOnTheTurnLine() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        AssistantChain metered = AssistantChain.create(
                settings(), tools, chats, null, Clock.systemUTC(), new Oversight("kiosk-1", null, meters));
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        Logger turnLog = (Logger) LoggerFactory.getLogger(TurnLog.class);
        turnLog.addAppender(lines);
        try {
            fake.enqueue(
                    FLASH,
                    Reply.calls(Call.of("search_products", "query", "headphones")),
                    Reply.streamed(Pacing.of(
                            0,
                            List.of(
                                    "The JBL Tune 520BT Headphones is Rp 4.999.000. ",
                                    "Xiaomi Redmi Buds 5: only 2 left! Another for 1,25 juta."))));
            AssistantReply r = metered.reply(Harness.guest(), "headphones?", shown::add);
            assertThat(kinds(r))
                    .containsExactlyInAnyOrder(Correction.Kind.PRICE, Correction.Kind.STOCK, Correction.Kind.AMOUNT);
        } finally {
            turnLog.detachAppender(lines);
        }
        for (String kind : List.of("price", "stock", "amount")) {
            assertThat(meters.find("assistant.corrections")
                            .tag("kind", kind)
                            .counter()
                            .count())
                    .as(kind)
                    .isEqualTo(1.0);
        }
        assertThat(meters.find("assistant.corrections")
                        .tag("kind", "unknown_product")
                        .counter())
                .isNull();
        assertThat(lines.list)
                .filteredOn(e -> e.getFormattedMessage().equals("turn answered"))
                .singleElement()
                .satisfies(e -> assertThat(e.getMDCPropertyMap()).containsEntry("corrections", "price,stock,amount"));
    }

    @Test
    void anAnswerThatDidNotStreamIsCheckedTheSameWay() {
        fake.enqueue(
                FLASH,
                Reply.calls(Call.of("search_products", "query", "headphones")),
                Reply.text("The JBL Tune 520BT Headphones is Rp 4.999.000."));
        AssistantReply r = chain.reply(Harness.guest(), "headphones?");
        assertThat(r.text()).isEqualTo("The JBL Tune 520BT Headphones is Rp 699.000.");
        assertThat(kinds(r)).containsExactly(Correction.Kind.PRICE);
    }
}
