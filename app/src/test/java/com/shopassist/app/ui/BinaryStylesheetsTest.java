package com.shopassist.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import javafx.css.CssParser;
import javafx.css.Stylesheet;
import org.junit.jupiter.api.Test;

/** The build put a binary copy of each theme beside its CSS, and it holds the same rules. */
class BinaryStylesheetsTest {

    @Test
    void eachThemeHasABinaryStylesheetWithTheSameRulesAsItsCss() throws Exception {
        for (String css : BinaryStylesheets.THEMES) {
            URL text = BinaryStylesheets.class.getResource(css);
            URL binary = BinaryStylesheets.class.getResource(css.replace(".css", ".bss"));
            assertThat(binary).as("binary stylesheet beside " + css).isNotNull();
            Stylesheet parsed = new CssParser().parse(text);
            Stylesheet loaded = Stylesheet.loadBinary(binary);
            assertThat(loaded.getRules()).hasSameSizeAs(parsed.getRules());
            assertThat(loaded.getRules().get(0).getSelectors().toString())
                    .isEqualTo(parsed.getRules().get(0).getSelectors().toString());
        }
    }
}
