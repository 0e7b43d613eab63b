package com.shopassist.app.ui.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopassist.app.ui.UiContext;
import com.shopassist.app.ui.common.I18n;
import com.shopassist.app.ui.kiosk.KioskSettings;
import com.shopassist.app.wiring.AppWiring;
import com.shopassist.data.CommerceFixture;
import com.shopassist.data.db.Database;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The catalog pane says a bounded total as it is (decision 0109), in the shopper's language:
 * 1,200 kettles are "more than 1,000", and the first 1,000 can be browsed (84 pages of 12, the
 * last holding 4).
 */
class CatalogSummaryIT {

    static Database db;
    static AppWiring app;

    @BeforeAll
    static void store() {
        db = CommerceFixture.kettles(1200);
        app = AppWiring.over(db, Clock.systemUTC());
    }

    @AfterAll
    static void close() {
        db.close();
    }

    /** The pane after a search for "kettle". */
    static CatalogViewModel kettles(UiContext ui) {
        CatalogViewModel vm = new CatalogViewModel(ui);
        vm.textProperty().set("kettle");
        vm.search();
        return vm;
    }

    static UiContext english() {
        return UiContext.direct(app.uiServices(app.offlineAssistant(), false), I18n.ENGLISH, KioskSettings.kiosk());
    }

    @Test
    void moreHitsThanTheBoundReadMoreThanTheBoundInEnglishAndIndonesian() {
        UiContext ui = english();
        CatalogViewModel vm = kettles(ui);

        assertThat(vm.summaryProperty().get()).isEqualTo("Showing 1–12 of more than 1,000");
        assertThat(vm.totalPagesProperty().get()).isEqualTo(84);
        ui.i18n().setLocale(I18n.INDONESIAN);
        assertThat(vm.summaryProperty().get()).isEqualTo("Menampilkan 1–12 dari lebih dari 1.000");
    }

    @Test
    void theLastPageThatCanBeBrowsedEndsAtTheBound() {
        CatalogViewModel vm = kettles(english());
        for (int i = 1; i < 100; i++) vm.nextPage();

        assertThat(vm.pageProperty().get()).isEqualTo(84);
        assertThat(vm.results()).hasSize(4);
        assertThat(vm.summaryProperty().get()).isEqualTo("Showing 997–1,000 of more than 1,000");
    }
}
