package com.shopassist.ai.tool;

import com.shopassist.ai.lang.WordBook;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Which tools a turn's words point at, for the Gemini tool router: every declaration is sent with
 * every model call, so a turn offers the every-turn tools plus the routes its words start. The
 * words are the [route] section of the feature's words.en.txt and words.id.txt; each matches at
 * the start of a word ("categor" matches "categories").
 */
public record Route(Pattern words, List<String> tools) {

    public Route {
        tools = List.copyOf(tools);
    }

    public static Route of(WordBook book, String... tools) {
        String alternatives = book.list("route").stream().map(Pattern::quote).collect(Collectors.joining("|"));
        return new Route(Pattern.compile("\\b(" + alternatives + ")"), List.of(tools));
    }

    /** Whether the message (any case) has one of the route's words. */
    public boolean matches(String message) {
        return message != null
                && words.matcher(message.toLowerCase(Locale.ROOT)).find();
    }
}
