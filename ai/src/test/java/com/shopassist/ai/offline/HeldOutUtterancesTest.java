package com.shopassist.ai.offline;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopassist.ai.dialog.ParsedMessage;
import com.shopassist.ai.lang.Lang;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Utterances written once and never used to tune the parser (heldout.tsv): the honest measure of
 * how well the offline assistant understands phrasings nobody planned for. Not every row must
 * pass; the intent accuracy must stay at or above the floor.
 */
class HeldOutUtterancesTest {

    @Test
    void heldOutIntentAccuracyStaysAboveTheFloor() throws IOException {
        IntentParser parser = new IntentParser(TestVocabulary.vocabulary());
        List<UtteranceTableTest.Row> rows = UtteranceTableTest.rows("/offline/heldout.tsv");
        int intentOk = 0;
        int fullyOk = 0;
        for (UtteranceTableTest.Row row : rows) {
            ParsedMessage m = parser.parse(row.text(), Lang.EN);
            List<String> bad = UtteranceTableTest.mismatches(row, m);
            if (m.intent() == row.intent()) intentOk++;
            if (bad.isEmpty()) fullyOk++;
            else System.out.println("held-out miss, line " + row.line() + " \"" + row.text() + "\": " + bad);
        }
        double accuracy = 100.0 * intentOk / rows.size();
        System.out.printf(
                "held-out: %d rows, intent accuracy %.1f%% (%d/%d), intent+slots %.1f%%%n",
                rows.size(), accuracy, intentOk, rows.size(), 100.0 * fullyOk / rows.size());
        assertThat(rows).hasSizeGreaterThanOrEqualTo(70);
        assertThat(accuracy).isGreaterThanOrEqualTo(80.0);
    }
}
