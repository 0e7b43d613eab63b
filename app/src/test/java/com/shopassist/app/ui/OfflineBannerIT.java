package com.shopassist.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopassist.data.db.Database;
import com.shopassist.data.testing.TestDatabase;
import javafx.scene.control.Button;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * The store database goes away: a banner says so, what was loaded can still be browsed, writes are
 * refused with a clear message. The assistant's offline badge shows when only the offline
 * assistant answers.
 */
class OfflineBannerIT extends UiTestBase {

    private Database own;

    @Override
    protected UiServices services() {
        // a database of this test's own, so closing it does not disturb the other tests
        own = TestDatabase.freshSeeded(4);
        return offlineServices(own);
    }

    @AfterEach
    void closeOwn() {
        own.close();
    }

    @Test
    void anUnreachableDatabaseShowsTheBannerKeepsBrowsingAndRefusesWrites(FxRobot robot) {
        assertThat(showing(robot, "#assistant-offline-badge")).isTrue();
        assertThat(showing(robot, "#db-banner")).isFalse();
        robot.clickOn("#nav-browse");
        waitUntil("products in the grid", () -> exists(robot, ".product-grid .product-card"));
        int shown = shell.catalog().results().size();

        own.close();
        waitUntil("the banner", () -> showing(robot, "#db-banner"));
        assertThat(text(robot, "#db-banner .label")).startsWith("Can’t reach the store database");

        Button add = firstAddButton(robot, ".product-grid");
        robot.clickOn(add);
        waitUntil("a message", () -> ui.feedback().latest() != null);
        assertThat(ui.feedback().latest().text()).contains("can’t be saved right now");
        assertThat(shell.cart().lines()).isEmpty();

        // browsing from what was loaded: the same page again comes from the catalog cache
        robot.clickOn("#catalog-search-button");
        waitUntil("the search finished", () -> ui.tasks().running() == 0);
        assertThat(shell.catalog().results()).hasSize(shown);
        assertNoStackTraceShown(robot);
    }
}
