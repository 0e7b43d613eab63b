package com.shopassist.ai.gift;

import com.shopassist.ai.dialog.DialogTurn;
import com.shopassist.ai.dialog.Intent;
import com.shopassist.ai.dialog.IntentHandler;
import com.shopassist.ai.dialog.ParsedMessage;
import com.shopassist.ai.dialog.Replies;
import com.shopassist.ai.tool.Args;
import com.shopassist.ai.tool.ToolResult;
import com.shopassist.core.money.Money;
import java.util.Map;
import java.util.Set;

/** The offline assistant's gift ideas: for whom, under what budget, led by their interests. */
public final class GiftDialog implements IntentHandler {

    /** The English recipient word -> how an Indonesian reply names them ("dad" -> "ayah"). */
    private static final Map<String, String> NAMES_ID = GiftFeature.WORDS.map("recipient_names");

    @Override
    public Set<Intent> intents() {
        return Set.of(Intent.GIFT);
    }

    @Override
    public void handle(DialogTurn turn, ParsedMessage m) {
        ToolResult r = turn.call(
                GiftSuggestionsTool.NAME,
                Args.of("recipient", m.recipient(), "budget", m.maxPrice(), "interests", m.interests()));
        if (!r.ok()) {
            Replies.unavailable(turn, r);
            return;
        }
        if (r.products().isEmpty()) {
            turn.say(turn.t(
                    "I couldn't find gift ideas for that budget. Try a higher budget?",
                    "Belum ada ide hadiah untuk budget itu. Coba budget yang lebih tinggi?"));
            return;
        }
        String who = m.recipient() == null
                ? ""
                : " "
                        + turn.t(
                                "for your " + m.recipient(),
                                "untuk " + NAMES_ID.getOrDefault(m.recipient(), m.recipient()));
        String budget = m.maxPrice() == null
                ? ""
                : turn.t(" under ", " di bawah ") + Money.of(m.maxPrice()).format();
        turn.say(turn.t("Gift ideas" + who + budget + ":", "Ide hadiah" + who + budget + ":"));
        Replies.listProducts(turn, r.products());
        turn.state().showProducts(r.products());
        turn.show(r.products());
        turn.chips(
                turn.t("Add the first one", "Tambah yang pertama"),
                turn.t("Compare the first two", "Bandingkan yang 1 dan 2"));
    }
}
