package com.shopassist.ai.tool;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import java.util.Objects;

/**
 * A tool as the model is told about it, declared once: the name (the seed's table), a short
 * description (every word is sent with every model call) and the parameters; {@code everyTurn}
 * tools are offered on every turn, the others when the turn's words route to them.
 */
public record ToolSpec(String name, String description, JsonObjectSchema parameters, boolean everyTurn) {

    public ToolSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
    }

    /** A tool offered when a turn's words point at it; {@code parameters} null for none. */
    public static ToolSpec of(String name, String description, JsonObjectSchema parameters) {
        return new ToolSpec(name, description, parameters, false);
    }

    /** Offered on every turn (search, details, cart, add). */
    public ToolSpec offeredEveryTurn() {
        return new ToolSpec(name, description, parameters, true);
    }

    /** The LangChain4j declaration sent to the model. */
    public ToolSpecification declaration() {
        ToolSpecification.Builder b = ToolSpecification.builder().name(name).description(description);
        if (parameters != null) b.parameters(parameters);
        return b.build();
    }

    /** A parameters builder. */
    public static JsonObjectSchema.Builder params() {
        return JsonObjectSchema.builder();
    }

    /** The one parameter {@code product_id}, required. */
    public static JsonObjectSchema productIdOnly() {
        return params().addIntegerProperty("product_id").required("product_id").build();
    }
}
