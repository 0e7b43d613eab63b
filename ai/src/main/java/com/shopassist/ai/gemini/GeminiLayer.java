package com.shopassist.ai.gemini;

import com.shopassist.ai.lang.Lang;
import com.shopassist.ai.tool.ToolBox;
import com.shopassist.ai.tool.ToolResult;
import com.shopassist.ai.tool.ToolSpec;
import com.shopassist.core.chat.TokenUsage;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.invocation.InvocationContext;
import dev.langchain4j.invocation.InvocationParameters;
import dev.langchain4j.memory.ChatMemory;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.service.AiServices;
import dev.langchain4j.service.MemoryId;
import dev.langchain4j.service.Result;
import dev.langchain4j.service.TokenStream;
import dev.langchain4j.service.UserMessage;
import dev.langchain4j.service.memory.ChatMemoryAccess;
import dev.langchain4j.service.tool.ToolExecutionResult;
import dev.langchain4j.service.tool.ToolExecutor;
import dev.langchain4j.service.tool.ToolProviderResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * One Gemini model as a layer of the chain, wired with LangChain4j AiServices: the turn's tools
 * (with the session's ChatContext passed out of band as an InvocationParameter), the stored
 * window as memory, the system prompt plus summary as system message. Throws {@link Failure} for
 * anything that is not a usable answer, so the chain can move to the next layer; that includes
 * the 1.19.0 client's own crashes (no usageMetadata, no candidates, a SAFETY stop with no text).
 */
final class GeminiLayer {

    /** This layer did not produce a usable answer (and, when streaming, showed nothing yet). */
    static final class Failure extends Exception {
        Failure(String message, Throwable cause) {
            super(message, cause, false, false);
        }
    }

    /** A successful attempt. {@code text} is null when cart writes ended the turn (immediate return). */
    record Outcome(
            String label,
            String text,
            boolean immediate,
            boolean interrupted,
            List<Turn.Executed> executed,
            List<StoredRound> rounds,
            TokenUsage finalUsage) {

        /** Every model call of the attempt added up (null when none reported usage). */
        TokenUsage totalUsage() {
            TokenUsage sum = null;
            for (StoredRound r : rounds) sum = plus(sum, r.usage());
            return plus(sum, finalUsage);
        }

        private static TokenUsage plus(TokenUsage a, TokenUsage b) {
            if (a == null) return b;
            if (b == null) return a;
            java.math.BigDecimal cost = a.costUsd() == null
                    ? b.costUsd()
                    : b.costUsd() == null ? a.costUsd() : a.costUsd().add(b.costUsd());
            return new TokenUsage(
                    a.model(), a.inputTokens() + b.inputTokens(), a.outputTokens() + b.outputTokens(), cost);
        }
    }

    /** A tool round with the usage of the model call that asked for it. */
    record StoredRound(ToolRound round, TokenUsage usage) {}

    interface Shopper extends ChatMemoryAccess {
        Result<String> chat(@MemoryId String attemptId, @UserMessage String text, InvocationParameters params);

        TokenStream stream(@MemoryId String attemptId, @UserMessage String text, InvocationParameters params);
    }

    static final String ATTEMPT = "shopassist.attempt";
    private static final Set<String> IMMEDIATE_WHEN_SINGLE_STEP =
            Set.of("add_to_cart", "remove_from_cart", "remove_voucher", "clear_cart", "apply_voucher", "checkout");

    final String label;
    final String modelName;
    private final AiSettings settings;
    private final ToolBox tools;
    private final Map<String, dev.langchain4j.agent.tool.ToolSpecification> declarations = new java.util.HashMap<>();
    private final String systemPrompt;
    private final Shopper shopper;
    private final Map<String, AttemptState> attempts = new ConcurrentHashMap<>();

    private record AttemptState(Turn.Attempt attempt, AttemptMemory memory, String system) {}

    GeminiLayer(
            String label,
            String modelName,
            ChatModel model,
            StreamingChatModel streaming,
            AiSettings settings,
            ToolBox tools,
            String systemPrompt) {
        this.label = label;
        this.modelName = modelName;
        this.settings = settings;
        this.tools = tools;
        for (ToolSpec s : tools.specs()) declarations.put(s.name(), s.declaration());
        this.systemPrompt = systemPrompt;
        ToolExecutor executor = new ToolExecutor() {
            @Override
            public String execute(ToolExecutionRequest request, Object memoryId) {
                AttemptState s = attempts.get(String.valueOf(memoryId));
                if (s == null) return "This conversation turn is over.";
                return s.attempt()
                        .run(tools, request.name(), request.arguments())
                        .forModel();
            }

            @Override
            public ToolExecutionResult executeWithContext(ToolExecutionRequest request, InvocationContext context) {
                Turn.Attempt a = context.invocationParameters().get(ATTEMPT);
                ToolResult r = a.run(tools, request.name(), request.arguments());
                return ToolExecutionResult.builder()
                        .resultText(r.forModel() == null ? "" : r.forModel())
                        .isError(!r.ok())
                        .build();
            }
        };
        this.shopper = AiServices.builder(Shopper.class)
                .chatModel(model)
                .streamingChatModel(streaming)
                .chatMemoryProvider(id -> {
                    AttemptState s = attempts.get(String.valueOf(id));
                    return s != null ? s.memory() : new AttemptMemory(id, List.of());
                })
                .systemMessageProvider(id -> {
                    AttemptState s = attempts.get(String.valueOf(id));
                    return s != null ? s.system() : systemPrompt;
                })
                .toolProvider(request -> {
                    Turn.Attempt a = request.invocationParameters().get(ATTEMPT);
                    ToolProviderResult.Builder b = ToolProviderResult.builder();
                    for (String name : a.turn().toolNames) {
                        var spec = declarations.get(name);
                        if (spec != null) b.add(spec, executor);
                    }
                    if (a.turn().singleStep) {
                        Set<String> immediate = new HashSet<>(IMMEDIATE_WHEN_SINGLE_STEP);
                        immediate.retainAll(a.turn().toolNames);
                        b.immediateReturnToolNames(immediate);
                    }
                    return b.build();
                })
                // a call to a real tool the turn did not offer is still answered (the offer is an economy)
                .hallucinatedToolNameStrategy(request -> {
                    String attemptId = currentAttempt(request);
                    AttemptState s = attemptId == null ? null : attempts.get(attemptId);
                    String text = s != null && tools.knows(request.name())
                            ? s.attempt()
                                    .run(tools, request.name(), request.arguments())
                                    .forModel()
                            : "Unknown tool " + request.name() + ". Use only the tools provided.";
                    return ToolExecutionResultMessage.from(request, text == null ? "" : text);
                })
                .maxSequentialToolsInvocations(settings.maxToolCalls() + 2) // one round more to read the limit notice
                .build();
    }

    // the hallucination strategy gets no context: this thread's attempt is the one running
    private final ThreadLocal<String> running = new ThreadLocal<>();

    private String currentAttempt(ToolExecutionRequest ignored) {
        // never guess: with several sessions at once a guess could run a tool for the wrong shopper
        return running.get();
    }

    /**
     * Answers the turn, or throws. {@code onToken} non-null streams the text; it sets {@code
     * tokenShown} when it has shown the shopper something, after which a failure returns what
     * streamed as an interrupted outcome instead of throwing.
     */
    Outcome run(Turn turn, Consumer<String> onToken, AtomicBoolean tokenShown) throws Failure {
        String id = UUID.randomUUID().toString();
        Turn.Attempt attempt = turn.attempt(label, modelName, settings.maxToolCalls());
        AttemptMemory memory = new AttemptMemory(id, turn.history.messages());
        attempts.put(id, new AttemptState(attempt, memory, system(turn)));
        running.set(id);
        InvocationParameters params = InvocationParameters.from(Map.of(ATTEMPT, attempt));
        try {
            return onToken == null
                    ? runSync(id, turn, attempt, memory, params)
                    : runStreaming(id, turn, attempt, memory, params, onToken, tokenShown);
        } catch (Failure f) {
            throw f;
        } catch (Throwable t) {
            throw new Failure(label + ": " + t, t);
        } finally {
            running.remove();
            attempts.remove(id);
            try {
                shopper.evictChatMemory(id);
            } catch (RuntimeException ignored) {
                // nothing was cached for this id
            }
        }
    }

    private String system(Turn turn) {
        StringBuilder sb = new StringBuilder(systemPrompt);
        if (turn.history.summary() != null && !turn.history.summary().isBlank()) {
            sb.append("\n\n# Earlier in this chat\n").append(turn.history.summary());
        }
        sb.append("\n\nReply in ")
                .append(turn.lang == Lang.ID ? "Bahasa Indonesia" : "English")
                .append('.');
        return sb.toString();
    }

    private Outcome runSync(
            String id, Turn turn, Turn.Attempt attempt, AttemptMemory memory, InvocationParameters params)
            throws Failure {
        Result<String> r = shopper.chat(id, turn.message, params);
        List<ChatResponse> responses = new ArrayList<>(r.intermediateResponses());
        if (r.finalResponse() != null) responses.add(r.finalResponse());
        boolean immediate = r.content() == null
                && r.finalResponse() != null
                && r.finalResponse().aiMessage() != null
                && r.finalResponse().aiMessage().hasToolExecutionRequests()
                && !attempt.executed.isEmpty();
        String text = r.content();
        if (!immediate && (text == null || text.isBlank())) {
            throw new Failure(label + ": no usable text (finish " + r.finishReason() + ")", null);
        }
        return outcome(attempt, memory, responses, immediate ? null : text, immediate, false);
    }

    private Outcome runStreaming(
            String id,
            Turn turn,
            Turn.Attempt attempt,
            AttemptMemory memory,
            InvocationParameters params,
            Consumer<String> onToken,
            AtomicBoolean tokenShown)
            throws Failure {
        CompletableFuture<ChatResponse> done = new CompletableFuture<>();
        List<ChatResponse> intermediate = new ArrayList<>();
        StringBuilder streamed = new StringBuilder();
        AtomicLong progress = new AtomicLong(System.nanoTime());
        shopper.stream(id, turn.message, params)
                .onPartialResponse(t -> {
                    progress.set(System.nanoTime());
                    if (t == null || t.isEmpty()) return;
                    synchronized (streamed) {
                        streamed.append(t);
                    }
                    // tokenShown is set by the listener once checked text reaches the shopper
                    try {
                        onToken.accept(t);
                    } catch (RuntimeException e) {
                        // the UI's callback failing must not lose the answer
                    }
                })
                .onIntermediateResponse(r -> {
                    progress.set(System.nanoTime());
                    synchronized (intermediate) {
                        intermediate.add(r);
                    }
                })
                .beforeToolExecution(b -> progress.set(System.nanoTime()))
                .onToolExecuted(e -> progress.set(System.nanoTime()))
                .onCompleteResponse(done::complete)
                .onError(done::completeExceptionally)
                .start();
        long idleLimit = settings.timeout().toNanos() + Duration.ofMillis(500).toNanos();
        ChatResponse finalResponse = null;
        Throwable error = null;
        while (finalResponse == null && error == null) {
            try {
                finalResponse = done.get(100, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                if (System.nanoTime() - progress.get() > idleLimit) error = new TimeoutException("stream stalled");
            } catch (ExecutionException e) {
                error = e.getCause();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                error = e;
            }
        }
        String text;
        synchronized (streamed) {
            text = streamed.toString();
        }
        if (error != null) {
            if (!tokenShown.get()) throw new Failure(label + ": " + error, error);
            List<ChatResponse> responses;
            synchronized (intermediate) {
                responses = new ArrayList<>(intermediate);
            }
            return outcome(attempt, memory, responses, text, false, true);
        }
        List<ChatResponse> responses;
        synchronized (intermediate) {
            responses = new ArrayList<>(intermediate);
        }
        responses.add(finalResponse);
        boolean immediate = finalResponse.aiMessage() != null
                && finalResponse.aiMessage().hasToolExecutionRequests()
                && !attempt.executed.isEmpty();
        String finalText = finalResponse.aiMessage() == null
                ? null
                : finalResponse.aiMessage().text();
        if (finalText == null || finalText.isBlank()) finalText = text;
        if (!immediate && (finalText == null || finalText.isBlank())) {
            throw new Failure(label + ": no usable text (finish " + finalResponse.finishReason() + ")", null);
        }
        return outcome(attempt, memory, responses, immediate ? null : finalText, immediate, false);
    }

    /** Pairs each tool round in memory with the usage of the model call that asked for it. */
    private Outcome outcome(
            Turn.Attempt attempt,
            AttemptMemory memory,
            List<ChatResponse> responses,
            String text,
            boolean immediate,
            boolean interrupted) {
        List<ChatMessage> added = memory.added();
        List<StoredRound> rounds = new ArrayList<>();
        int responseIndex = 0;
        int executedIndex = 0;
        for (int i = 0; i < added.size(); i++) {
            if (!(added.get(i) instanceof AiMessage ai) || !ai.hasToolExecutionRequests()) continue;
            List<ToolRound.Call> calls = new ArrayList<>();
            List<String> products = new ArrayList<>();
            int j = i + 1;
            for (ToolExecutionRequest req : ai.toolExecutionRequests()) {
                String result = "";
                if (j < added.size() && added.get(j) instanceof ToolExecutionResultMessage trm) {
                    result = trm.text();
                    j++;
                }
                calls.add(new ToolRound.Call(req.name(), req.arguments(), result));
            }
            // products this round's calls returned, in call order
            for (int k = 0; k < ai.toolExecutionRequests().size() && executedIndex < attempt.executed.size(); k++) {
                for (var p : attempt.executed.get(executedIndex++).result().products()) {
                    products.add(p.id() + " " + p.name() + " " + p.price().format());
                }
            }
            ChatResponse resp = responseIndex < responses.size() ? responses.get(responseIndex) : null;
            responseIndex++;
            rounds.add(new StoredRound(new ToolRound(calls, products), usage(resp, memory)));
        }
        TokenUsage finalUsage = null;
        if (!immediate) {
            ChatResponse last = responses.isEmpty() ? null : responses.get(responses.size() - 1);
            finalUsage = usage(last, memory);
        }
        return new Outcome(label, text, immediate, interrupted, List.copyOf(attempt.executed), rounds, finalUsage);
    }

    /** The call's usage as Gemini reported it; estimated (4 characters a token) when it did not. */
    private TokenUsage usage(ChatResponse r, AttemptMemory memory) {
        Integer in = r == null || r.tokenUsage() == null ? null : r.tokenUsage().inputTokenCount();
        Integer out =
                r == null || r.tokenUsage() == null ? null : r.tokenUsage().outputTokenCount();
        if (in == null) in = memory.estimatedTokens();
        if (out == null) {
            String t = r == null || r.aiMessage() == null ? null : r.aiMessage().text();
            out = t == null ? 0 : (t.length() + 3) / 4;
        }
        return new TokenUsage(modelName, in, out, settings.priceOf(modelName).cost(in, out));
    }

    /** The window plus this attempt's messages; the system message is kept apart and put first. */
    static final class AttemptMemory implements ChatMemory {
        private final Object id;
        private final List<ChatMessage> base;
        private final List<ChatMessage> added = new ArrayList<>();
        private SystemMessage system;

        AttemptMemory(Object id, List<ChatMessage> base) {
            this.id = id;
            this.base = List.copyOf(base);
        }

        @Override
        public Object id() {
            return id;
        }

        @Override
        public synchronized void add(ChatMessage message) {
            if (message instanceof SystemMessage s) system = s;
            else added.add(message);
        }

        @Override
        public synchronized List<ChatMessage> messages() {
            List<ChatMessage> out = new ArrayList<>(base.size() + added.size() + 1);
            if (system != null) out.add(system);
            out.addAll(base);
            out.addAll(added);
            return out;
        }

        @Override
        public synchronized void clear() {
            added.clear();
        }

        synchronized List<ChatMessage> added() {
            return List.copyOf(added);
        }

        synchronized int estimatedTokens() {
            int chars = 0;
            for (ChatMessage m : messages()) chars += m.toString().length();
            return (chars + 3) / 4;
        }
    }
}
