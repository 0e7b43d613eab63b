package com.shopassist.ai.customer;

import com.shopassist.ai.dialog.DialogTurn;
import com.shopassist.ai.dialog.Intent;
import com.shopassist.ai.dialog.IntentHandler;
import com.shopassist.ai.dialog.ParsedMessage;
import com.shopassist.ai.dialog.Replies;
import com.shopassist.ai.tool.Args;
import com.shopassist.ai.tool.ToolResult;
import com.shopassist.core.customer.Address;
import java.util.List;
import java.util.Set;

/** The offline assistant's address question: the signed-in customer's saved addresses. */
public final class AddressDialog implements IntentHandler {

    @Override
    public Set<Intent> intents() {
        return Set.of(Intent.ADDRESSES);
    }

    @Override
    public void handle(DialogTurn turn, ParsedMessage m) {
        ToolResult r = turn.call(GetAddressesTool.NAME, Args.none());
        if (!r.ok()) {
            if (Replies.signInNeeded(turn, r)) return;
            Replies.unavailable(turn, r);
            return;
        }
        List<Address> list = r.dataList(Address.class);
        if (list.isEmpty()) {
            turn.say(turn.t("You have no saved addresses yet.", "Belum ada alamat tersimpan."));
            return;
        }
        turn.say(turn.t("Your addresses:", "Alamat kamu:"));
        for (Address a : list) turn.say("• " + a.label() + ": " + a.oneLine());
        for (Address a : list) turn.chips(turn.t("Ship to " + a.label(), "Kirim ke " + a.label()));
    }
}
