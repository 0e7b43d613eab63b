package com.shopassist.app.ui.catalog;

import com.shopassist.app.ui.UiContext;
import com.shopassist.app.ui.common.Formats;
import com.shopassist.core.catalog.Product;
import com.shopassist.core.catalog.ProductQuery;
import com.shopassist.core.catalog.ProductSort;
import com.shopassist.core.money.Money;
import java.util.List;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Gift ideas by recipient, budget and interests. Asks the same gift service as the assistants'
 * gift tool, so the browse screen and the chat suggest the same things.
 */
public final class GiftFinderViewModel {

    /** Recipient keys (i18n "gift.recipient.KEY"); the value handed to the gift service is the English word. */
    public static final List<String> RECIPIENTS =
            List.of("mom", "dad", "partner", "friend", "teenager", "child", "colleague");

    private final UiContext ui;
    private final StringProperty recipient = new SimpleStringProperty("friend");
    private final StringProperty budget = new SimpleStringProperty("");
    private final StringProperty interests = new SimpleStringProperty("");
    private final ObservableList<Product> ideas = FXCollections.observableArrayList();
    private final StringProperty status = new SimpleStringProperty("");

    public GiftFinderViewModel(UiContext ui) {
        this.ui = ui;
    }

    public void find() {
        String who = recipient.get() == null ? "friend" : recipient.get();
        Money max = Formats.parseRupiah(budget.get());
        String likes = interests.get() == null || interests.get().isBlank()
                ? null
                : interests.get().strip();
        var gifts = ui.services().gifts();
        ui.tasks()
                .run(
                        () -> {
                            if (gifts != null) return gifts.suggest(who, max, likes);
                            // without the gift service: in-stock products under the budget
                            ProductQuery q = new ProductQuery(
                                    likes, null, null, null, null, max, true, ProductSort.RELEVANCE, 1, 8);
                            return ui.services().catalog().search(q).items();
                        },
                        (List<Product> found) -> {
                            ideas.setAll(found);
                            status.set(
                                    found.isEmpty()
                                            ? ui.i18n().t("gift.none")
                                            : ui.i18n().t("gift.found", found.size()));
                        },
                        ui.feedback()::error);
    }

    public StringProperty recipientProperty() {
        return recipient;
    }

    public StringProperty budgetProperty() {
        return budget;
    }

    public StringProperty interestsProperty() {
        return interests;
    }

    public ObservableList<Product> ideas() {
        return ideas;
    }

    public StringProperty statusProperty() {
        return status;
    }
}
