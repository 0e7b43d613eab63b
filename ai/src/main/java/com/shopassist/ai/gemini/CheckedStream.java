package com.shopassist.ai.gemini;

import com.shopassist.ai.gemini.SentenceSplitter.Piece;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * A model's streamed answer shown a sentence at a time: tokens are gathered until a sentence is
 * complete, the sentence is checked, and only then handed to the shopper's listener. A sentence
 * still incomplete when the stream breaks is never shown. {@code shown} turns true when the first
 * checked text reaches the listener: until then a failed model can still give way to the next one.
 */
final class CheckedStream implements Consumer<String> {

    private final SentenceSplitter splitter = new SentenceSplitter();
    private final ReplyCheck check;
    private final Consumer<String> listener;
    private final AtomicBoolean shown;
    private boolean received;

    CheckedStream(ReplyCheck check, Consumer<String> listener, AtomicBoolean shown) {
        this.check = check;
        this.listener = listener;
        this.shown = shown;
    }

    /** More of the answer (a token or a chunk of them). */
    @Override
    public synchronized void accept(String token) {
        if (token == null || token.isEmpty()) return;
        received = true;
        show(splitter.offer(token));
    }

    /** Whether any text arrived. */
    synchronized boolean received() {
        return received;
    }

    /** The answer is complete: its last sentence is checked and shown; the result of the whole. */
    synchronized ReplyValidator.Checked finish() {
        show(splitter.finish());
        return result();
    }

    /** The stream broke: what was shown stands, the incomplete rest is dropped. */
    synchronized ReplyValidator.Checked cut() {
        return result();
    }

    /**
     * The model's turn is over with {@code text} as its answer: the result of the whole. An answer
     * that came whole at the end (nothing streamed) is checked and shown now, the same way.
     */
    synchronized ReplyValidator.Checked complete(String text, boolean interrupted) {
        if (interrupted) return cut();
        if (!received) accept(text);
        return finish();
    }

    private ReplyValidator.Checked result() {
        return new ReplyValidator.Checked(check.text(), check.cards(), check.corrections());
    }

    private void show(List<Piece> pieces) {
        for (Piece p : pieces) {
            String out = check.accept(p);
            if (out.isEmpty() || listener == null) continue;
            if (shown != null) shown.set(true);
            try {
                listener.accept(out);
            } catch (RuntimeException e) {
                // the UI's callback failing must not lose the answer
            }
        }
    }
}
