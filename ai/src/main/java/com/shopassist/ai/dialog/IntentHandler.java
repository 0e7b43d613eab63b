package com.shopassist.ai.dialog;

import com.shopassist.ai.tool.ToolResult;
import com.shopassist.core.chat.ProposedAction;
import java.util.Set;

/**
 * What the offline assistant does for one feature's intents: a feature's dialog reads the
 * understood message, calls its tools through the turn and words the answer.
 */
public interface IntentHandler {

    /** The intents this handler answers. */
    Set<Intent> intents();

    void handle(DialogTurn turn, ParsedMessage m);

    /**
     * The message after this feature asked {@code question} ("which address?"): true when it was
     * the answer and has been handled.
     */
    default boolean answer(DialogTurn turn, ConversationState.Awaiting question, ParsedMessage m, String raw) {
        return false;
    }

    /** The kinds of proposal whose outcome this feature words. */
    default Set<ProposedAction.Kind> proposes() {
        return Set.of();
    }

    /**
     * Says how a confirmed proposal went ({@code r} from carrying it out); false for a failure it
     * has no words for.
     */
    default boolean settled(DialogTurn turn, ProposedAction a, ToolResult r) {
        return false;
    }
}
