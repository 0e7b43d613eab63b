package com.shopassist.ai.offline;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopassist.core.chat.AssistantReply;
import com.shopassist.core.chat.ChatContext;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * 10,000 hostile or broken inputs (random Unicode, 10,000-character lines, SQL and template
 * metacharacters, empty lines, mangled real asks, absurd numbers) through the offline assistant,
 * the tool layer and the real database: every one gets a reply in en or id, none reaches the
 * assistant's last-resort catch (which would mean something threw), and the catalog is intact.
 */
class FuzzedInputsIT {

    static final String SORRY_EN = "Sorry, something went wrong on my side";
    static final String SORRY_ID = "Maaf, ada kendala di sistem kami";

    @Test
    void tenThousandFuzzedInputsAllGetAnAnswerAndNoneThrows() throws IOException {
        Random rnd = new Random(20261125L);
        List<String> seeds = new ArrayList<>();
        for (UtteranceTableTest.Row r : UtteranceTableTest.rows("/offline/utterances.tsv")) seeds.add(r.text());
        try (OfflineWorld w = new OfflineWorld()) {
            List<ChatContext> sessions = new ArrayList<>();
            for (int i = 0; i < 25; i++) sessions.add(w.guest());
            ChatContext customer = w.customer("made@example.com");
            long ordersBefore = w.count("SELECT count(*) FROM tbl_order");
            List<String> inputs = new ArrayList<>(10_000);
            for (int i = 0; i < 10_000; i++) inputs.add(input(rnd, seeds, i));
            java.util.concurrent.atomic.AtomicInteger internalErrors = new java.util.concurrent.atomic.AtomicInteger();
            java.util.concurrent.atomic.AtomicLong longest = new java.util.concurrent.atomic.AtomicLong();
            long t0 = System.nanoTime();
            // two shoppers' worth of threads, each with its own sessions: the assistant is shared
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
            List<java.util.concurrent.Future<?>> done = new ArrayList<>();
            for (int part = 0; part < 2; part++) {
                int from = part;
                done.add(pool.submit(() -> {
                    for (int i = from; i < inputs.size(); i += 2) {
                        String input = inputs.get(i);
                        ChatContext ctx =
                                i % 50 == 49 && from == 1 ? customer : sessions.get((i * 7 + from) % sessions.size());
                        long s = System.nanoTime();
                        AssistantReply r = w.say(ctx, input);
                        longest.accumulateAndGet(System.nanoTime() - s, Math::max);
                        assertThat(r).as("input #%d", i).isNotNull();
                        assertThat(r.text()).as("input #%d", i).isNotBlank();
                        assertThat(r.language()).isIn("en", "id");
                        assertThat(r.assistant()).isEqualTo("offline");
                        if (r.text().startsWith(SORRY_EN) || r.text().startsWith(SORRY_ID)) {
                            internalErrors.incrementAndGet();
                            System.out.println("internal error on input #" + i + ": " + abbreviate(input));
                        }
                        // the customer never confirms a checkout here: keep its orders unchanged
                        if (ctx == customer && r.action() != null)
                            w.assistant.confirm(ctx, r.action().id(), false);
                    }
                    return null;
                }));
            }
            for (var f : done) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new AssertionError(e.getCause());
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
            }
            pool.shutdown();
            double secs = (System.nanoTime() - t0) / 1e9;
            System.out.printf(
                    "fuzz: 10,000 inputs in %.1f s (%.2f ms per input, slowest %.1f ms), internal errors %d%n",
                    secs, secs * 1000 / 10_000, longest.get() / 1e6, internalErrors.get());
            assertThat(internalErrors.get()).isZero();
            assertThat(w.count("SELECT count(*) FROM tbl_product")).isEqualTo(1200);
            assertThat(w.count("SELECT count(*) FROM tbl_order")).isEqualTo(ordersBefore);
        }
    }

    private static final String[] NASTY = {
        "' OR '1'='1",
        "'; DROP TABLE tbl_product; --",
        "\" OR \"\"=\"",
        "%",
        "_",
        "%%%___",
        "\\",
        "\\\\'",
        "${jndi:ldap://x}",
        "#{id}",
        "${id}",
        ":param",
        "$$ SELECT 1 $$",
        "/* */",
        "<script>alert(1)</script>",
        "{{7*7}}",
        "\u0000",
        "\r\n",
        "NULL",
        "null",
        "undefined",
        "NaN",
        "-1",
        "0",
        "99999999999999999999999999k",
        "1e309 juta",
        "-5 juta",
        "rp -100",
        "SA-99999999-99999999999",
        "#999999999999999999999",
        "voucher ' OR 1=1",
        "pakai voucher %",
        "kirim ke '; --",
        "add -3 of the first one",
        "add 100000 of it",
        "tambah 0",
        "yang ke-999999",
        "nomor 0",
        "compare 1 and 1",
        "antara 5 juta dan 1 rb",
        "under 0k",
        "between and",
        "yes yes yes yes yes yes",
        "ya",
        "no",
        "ok",
        "batal",
        "\t\t",
        "   ",
        "",
        "😀",
        "🛒🛒🛒",
        "ﷺ",
        "Z̷̢͉a̴͇͝l̶̡͝g̷̣̈́o̴͖̐",
        "\u202Eevil",
        "\uFEFF",
        "ꦲꦤꦕꦫꦏ",
        "日本語の靴",
        "кроссовки",
        "حذاء رياضي",
        "👟 under 500k",
        "sepatu 👟 di bawah 1jt",
        "clear",
        "checkout",
        "hapus semua",
        "add it"
    };

    static String input(Random rnd, List<String> seeds, int i) {
        return switch (i % 10) {
            case 0 -> NASTY[rnd.nextInt(NASTY.length)];
            case 1 -> randomUnicode(rnd, 1 + rnd.nextInt(80));
            case 2 -> i % 100 == 2 ? longLine(rnd, 10_000) : randomUnicode(rnd, rnd.nextInt(400));
            case 3 -> "";
            case 4 -> mutate(rnd, seeds.get(rnd.nextInt(seeds.size())));
            case 5 -> seeds.get(rnd.nextInt(seeds.size())) + " " + NASTY[rnd.nextInt(NASTY.length)];
            case 6 -> randomAscii(rnd, 1 + rnd.nextInt(120));
            case 7 -> seeds.get(rnd.nextInt(seeds.size())).toUpperCase(java.util.Locale.ROOT);
            case 8 -> numbers(rnd);
            default -> seeds.get(rnd.nextInt(seeds.size()));
        };
    }

    static String randomUnicode(Random rnd, int len) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < len; k++) {
            int cp;
            int pick = rnd.nextInt(10);
            if (pick < 3) cp = rnd.nextInt(0x80);
            else if (pick < 5) cp = 0x80 + rnd.nextInt(0x800);
            else if (pick < 7) cp = 0x800 + rnd.nextInt(0xF800);
            else if (pick < 9) cp = 0x1F300 + rnd.nextInt(0x400);
            else cp = rnd.nextInt(0x110000);
            // lone surrogates too: Java strings can hold them and shoppers' devices send worse
            sb.appendCodePoint(cp);
        }
        return sb.toString();
    }

    static String randomAscii(Random rnd, int len) {
        String chars = "abcdefghijklmnopqrstuvwxyz0123456789 .,;:'\"%_-+*/\\()[]{}<>=!?@#$^&|~`";
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < len; k++) sb.append(chars.charAt(rnd.nextInt(chars.length())));
        return sb.toString();
    }

    static String longLine(Random rnd, int len) {
        String[] words = {
            "sepatu", "headphones", "murah", "500k", "add", "the", "second", "ya", "'", "%", "😀", "keranjang"
        };
        StringBuilder sb = new StringBuilder(len);
        while (sb.length() < len) sb.append(words[rnd.nextInt(words.length)]).append(' ');
        return sb.substring(0, len);
    }

    static String mutate(Random rnd, String s) {
        StringBuilder sb = new StringBuilder(s);
        int edits = 1 + rnd.nextInt(4);
        for (int k = 0; k < edits && sb.length() > 0; k++) {
            int at = rnd.nextInt(sb.length());
            switch (rnd.nextInt(4)) {
                case 0 -> sb.deleteCharAt(at);
                case 1 -> sb.insert(at, (char) ('a' + rnd.nextInt(26)));
                case 2 -> sb.setCharAt(at, (char) ('a' + rnd.nextInt(26)));
                default -> {
                    if (at + 1 < sb.length()) {
                        char c = sb.charAt(at);
                        sb.setCharAt(at, sb.charAt(at + 1));
                        sb.setCharAt(at + 1, c);
                    }
                }
            }
        }
        return sb.toString();
    }

    static String numbers(Random rnd) {
        String[] units = {"", "k", "rb", "ribu", "jt", "juta", " juta", " ribu", "m", "x", " pcs"};
        String[] lead = {
            "under ", "di bawah ", "add ", "tambah ", "antara ", "between ", "", "nomor ", "yang ke-", "rp "
        };
        long n = switch (rnd.nextInt(4)) {
            case 0 -> rnd.nextInt(10);
            case 1 -> rnd.nextInt(100_000);
            case 2 -> rnd.nextLong();
            default -> Long.MAX_VALUE - rnd.nextInt(10);
        };
        return lead[rnd.nextInt(lead.length)]
                + n
                + units[rnd.nextInt(units.length)]
                + (rnd.nextBoolean() ? " dan " + rnd.nextInt(1_000_000) + units[rnd.nextInt(units.length)] : "");
    }

    static String abbreviate(String s) {
        return s.length() > 120 ? s.substring(0, 120) + "... (" + s.length() + " chars)" : s;
    }
}
