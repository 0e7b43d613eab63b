package com.shopassist.ai.gemini;

import com.shopassist.core.chat.ChatMessage;
import com.shopassist.core.chat.ChatRepository;
import com.shopassist.core.chat.ChatSummary;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Folds what left the recent window into the session's summary after the reply has gone out, on
 * one background thread with a short queue, so a summary call never adds to a shopper's wait. A
 * session has at most one fold queued or running; turns that end meanwhile leave only their
 * latest state, which that fold picks up (each turn's state covers the ones before it). When the
 * queue is full the session's next turn schedules it. A fold whose turn read the history before
 * an earlier fold was written starts from that summary (one read, only when a fold is due). A
 * failure is logged and nothing else: the messages stay stored and are folded later.
 */
final class SummaryWriter {

    private static final Logger log = LoggerFactory.getLogger(SummaryWriter.class);
    static final int QUEUE = 16;

    private final Summarizer summarizer;
    private final ChatRepository chats;
    private final int windowSize;
    private final Set<UUID> running = ConcurrentHashMap.newKeySet();
    private final Map<UUID, Request> latest = new ConcurrentHashMap<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final java.util.function.Consumer<com.shopassist.core.chat.TokenUsage> spent;
    private final ThreadPoolExecutor executor;

    /** One turn's state: the history it read and the rows it stored. */
    private record Request(History before, List<ChatMessage> added, boolean useModel) {}

    SummaryWriter(
            Summarizer summarizer,
            ChatRepository chats,
            int windowSize,
            java.util.function.Consumer<com.shopassist.core.chat.TokenUsage> spent) {
        this.summarizer = summarizer;
        this.spent = spent;
        this.chats = chats;
        this.windowSize = windowSize;
        this.executor = new ThreadPoolExecutor(1, 1, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUE), r -> {
            Thread t = new Thread(r, "chat-summary");
            t.setDaemon(true);
            return t;
        });
        executor.allowCoreThreadTimeOut(true);
    }

    /**
     * Schedules folding for a session from the history read at the start of the turn plus the
     * rows the turn stored (no second read); rows other paths stored meanwhile (confirmations) are
     * folded on a later turn. {@code useModel} false writes the deterministic summary.
     */
    void fold(UUID session, History before, List<ChatMessage> added, boolean useModel) {
        if (added.isEmpty()) return;
        latest.put(session, new Request(before, added, useModel));
        if (!running.add(session)) return; // the fold queued or running for it takes this state too
        queued.incrementAndGet();
        try {
            executor.execute(() -> drain(session));
        } catch (RejectedExecutionException e) {
            running.remove(session);
            queued.decrementAndGet();
            log.info("summary queue full; the messages are folded after a later turn");
        }
    }

    private void drain(UUID session) {
        try {
            while (true) {
                Request r = latest.remove(session);
                if (r != null) {
                    write(session, r.before(), r.added(), r.useModel());
                    continue;
                }
                running.remove(session);
                // a turn that ended between the last look and here left its state without scheduling
                if (!latest.containsKey(session) || !running.add(session)) return;
            }
        } finally {
            queued.decrementAndGet();
        }
    }

    private void write(UUID session, History before, List<ChatMessage> added, boolean useModel) {
        try {
            List<ChatMessage> rows = new ArrayList<>(before.overflow());
            rows.addAll(before.window());
            rows.addAll(added);
            History h = History.of(before.summary(), before.summaryUpto(), rows, windowSize);
            List<ChatMessage> fold = h.toSummarise(windowSize / 2);
            if (fold.isEmpty()) return;
            // the turn read its history before an earlier fold was written (the shopper answered
            // quickly): start from that summary instead of summarising the same messages again
            ChatSummary stored = chats.summaryState(session).orElse(null);
            long storedUpto = stored == null ? 0 : stored.uptoSequence();
            if (storedUpto > h.summaryUpto()) {
                List<ChatMessage> newer =
                        rows.stream().filter(m -> m.sequence() > storedUpto).toList();
                h = History.of(stored.text(), storedUpto, newer, windowSize);
                fold = h.toSummarise(windowSize / 2);
                if (fold.isEmpty()) return;
            }
            Summarizer.Summary s = summarizer.summarize(h.summary(), fold, useModel);
            long upto = fold.get(fold.size() - 1).sequence();
            chats.saveSummary(session, s.text(), upto);
            if (s.usage() != null) {
                spent.accept(s.usage());
                chats.append(session, "system", "summary up to message " + upto, s.usage());
            }
        } catch (RuntimeException e) {
            log.warn("could not update the summary: {}", e.toString());
        }
    }

    /** Waits until the folds scheduled so far are written; false if {@code timeout} passed first. */
    boolean awaitIdle(Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        while (queued.get() > 0) {
            if (System.nanoTime() > end) return false;
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }
}
