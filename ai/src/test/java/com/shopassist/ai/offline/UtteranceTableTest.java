package com.shopassist.ai.offline;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopassist.ai.dialog.Intent;
import com.shopassist.ai.dialog.ParsedMessage;
import com.shopassist.ai.dialog.Ref;
import com.shopassist.ai.lang.Lang;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The offline assistant's language understanding against a table of English, Indonesian and
 * mixed utterances (utterances.tsv): each row names the intent and the slots it must carry.
 * Prints the accuracy; every row must pass.
 */
class UtteranceTableTest {

    static final Vocabulary VOCAB = TestVocabulary.vocabulary();

    record Row(int line, String text, Intent intent, Map<String, String> slots) {}

    static List<Row> rows(String resource) throws IOException {
        List<Row> rows = new ArrayList<>();
        try (var in = UtteranceTableTest.class.getResourceAsStream(resource);
                var r = new BufferedReader(new InputStreamReader(Objects.requireNonNull(in), StandardCharsets.UTF_8))) {
            String line;
            int no = 0;
            while ((line = r.readLine()) != null) {
                no++;
                if (line.startsWith("#") || line.isBlank() && !line.contains("\t")) continue;
                String[] cols = line.split("\t", -1);
                Map<String, String> slots = new LinkedHashMap<>();
                if (cols.length > 2 && !cols[2].isBlank()) {
                    for (String kv : cols[2].split(";")) {
                        int eq = kv.indexOf('=');
                        slots.put(
                                kv.substring(0, eq).trim(), kv.substring(eq + 1).trim());
                    }
                }
                rows.add(new Row(no, cols[0], Intent.valueOf(cols[1].trim()), slots));
            }
        }
        return rows;
    }

    static String slot(ParsedMessage m, String key) {
        return switch (key) {
            case "q" -> m.query();
            case "name" -> m.name();
            case "brand" -> m.brand();
            case "cat" -> m.category();
            case "min" -> m.minPrice() == null ? null : m.minPrice().toString();
            case "max" -> m.maxPrice() == null ? null : m.maxPrice().toString();
            case "sort" -> m.sort();
            case "qty" -> m.quantity() == null ? null : m.quantity().toString();
            case "ref" -> m.ref() == null ? null : m.ref().code();
            case "refs" -> m.refs().stream().map(Ref::code).collect(Collectors.joining(","));
            case "names" -> String.join("|", m.compareNames());
            case "code" -> m.voucherCode();
            case "label" -> m.addressLabel();
            case "order" -> m.orderRef();
            case "recipient" -> m.recipient();
            case "interests" -> m.interests();
            case "lang" -> m.lang().code();
            case "more" -> String.valueOf(m.more());
            default -> throw new IllegalArgumentException("unknown slot " + key);
        };
    }

    /** Null and "" are the same to the table: "q=" means "no product words". */
    static List<String> mismatches(Row row, ParsedMessage m) {
        List<String> out = new ArrayList<>();
        if (m.intent() != row.intent()) out.add("intent " + m.intent() + " (want " + row.intent() + ")");
        row.slots().forEach((k, want) -> {
            String got = slot(m, k);
            if (!Objects.equals(got == null ? "" : got, want)) out.add(k + "=" + got + " (want " + want + ")");
        });
        return out;
    }

    @Test
    void everyUtteranceInTheTableGetsItsIntentAndSlots() throws IOException {
        IntentParser parser = new IntentParser(VOCAB);
        List<Row> rows = rows("/offline/utterances.tsv");
        assertThat(rows).hasSizeGreaterThanOrEqualTo(300);
        int intentOk = 0;
        List<String> failures = new ArrayList<>();
        for (Row row : rows) {
            ParsedMessage m = parser.parse(row.text(), Lang.EN);
            if (m.intent() == row.intent()) intentOk++;
            List<String> bad = mismatches(row, m);
            if (!bad.isEmpty()) failures.add("line " + row.line() + " \"" + row.text() + "\": " + bad);
        }
        long en = rows.stream().filter(r -> "en".equals(r.slots().get("lang"))).count();
        long id = rows.stream().filter(r -> "id".equals(r.slots().get("lang"))).count();
        System.out.printf(
                "utterance table: %d rows, intent accuracy %.1f%% (%d/%d), rows fully right %d; lang-tagged en=%d id=%d%n",
                rows.size(),
                100.0 * intentOk / rows.size(),
                intentOk,
                rows.size(),
                rows.size() - failures.size(),
                en,
                id);
        failures.forEach(System.out::println);
        assertThat(failures).isEmpty();
    }
}
