package com.shopassist.ai.gemini;

import com.shopassist.ai.lang.WordBook;
import com.shopassist.ai.tool.Route;
import com.shopassist.ai.tool.ToolSpec;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Picks the tools one turn offers the model. Every declaration is sent with every model call, and
 * all 22 cost about 880 input tokens a call, so a turn gets the every-turn tools plus the routes
 * its words (English or Indonesian) start, plus the routes the previous turn used (so "yes, the
 * second one" keeps its context). A call to a tool outside the set is still executed (see
 * {@code GeminiLayer}): the set is an economy, never a wall.
 */
final class ToolRouter {

    private static final WordBook WORDS = WordBook.load(ToolRouter.class, "words");
    private static final Pattern SEVERAL_STEPS = Pattern.compile("\\b("
            + WORDS.list("several_steps").stream().map(Pattern::quote).collect(Collectors.joining("|"))
            + ")\\b|,|;|\\+");

    private final List<String> core;
    private final List<Route> routes;

    /** The routes in a fixed order keep requests byte-stable between turns (Gemini's implicit prompt cache). */
    ToolRouter(List<ToolSpec> specs, List<Route> routes) {
        this.core =
                specs.stream().filter(ToolSpec::everyTurn).map(ToolSpec::name).toList();
        this.routes = List.copyOf(routes);
    }

    /** The tools every turn offers. */
    List<String> core() {
        return core;
    }

    /** Tool names for this turn, the every-turn ones first. */
    List<String> select(String message, Set<String> previousTurnTools) {
        Set<String> out = new LinkedHashSet<>(core);
        for (Route r : routes) if (r.matches(message)) out.addAll(r.tools());
        for (Route r : routes) {
            if (r.tools().stream().anyMatch(previousTurnTools::contains)) out.addAll(r.tools());
        }
        return List.copyOf(out);
    }

    /**
     * Whether cart writes may end the turn without a second model call (their reply is composed
     * from the tool result). Only for a single request: "add it and checkout" must reach the
     * second step.
     */
    static boolean singleStep(String message) {
        if (message == null) return true;
        return !SEVERAL_STEPS.matcher(message.toLowerCase(Locale.ROOT)).find();
    }
}
