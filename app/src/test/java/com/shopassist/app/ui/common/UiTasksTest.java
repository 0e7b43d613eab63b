package com.shopassist.app.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class UiTasksTest {

    @Test
    void aFullQueueRefusesTheNextCallWithAnErrorInsteadOfAnotherThread() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        AtomicReference<Throwable> refused = new AtomicReference<>();
        try (UiTasks tasks = UiTasks.bounded(UiDispatcher.direct(), 1, 1)) {
            tasks.run(
                    () -> {
                        started.countDown();
                        await(release);
                        return 1;
                    },
                    r -> {},
                    e -> {});
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
            tasks.run(() -> 2, r -> {}, e -> {}); // waits in the queue
            tasks.run(() -> 3, r -> {}, refused::set);

            assertThat(refused.get()).isInstanceOf(RejectedExecutionException.class);
            release.countDown();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
