package com.shopassist.app.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Tasks that share a copy of the demo store must not be able to see each other's writes. */
class EvaluationGroupsTest {

    static EvalTask task(String id, String customer, String turn, Map<String, Integer> cart, int orders) {
        return new EvalTask(id, List.of(), customer, List.of(turn), cart, null, orders, null, List.of(), List.of());
    }

    static int groupOf(List<List<EvalTask>> groups, String id) {
        for (int g = 0; g < groups.size(); g++) {
            if (groups.get(g).stream().anyMatch(t -> t.id().equals(id))) return g;
        }
        throw new AssertionError(id);
    }

    @Test
    void aTaskThatAsksAboutAProductAnotherHoldsPlaysOnAnotherCopy() {
        List<List<EvalTask>> groups = Evaluation.groups(
                List.of(
                        task(
                                "adds",
                                null,
                                "add Medika Herbal First Aid Kit - Small",
                                Map.of("Medika Herbal First Aid Kit - Small", 1),
                                0),
                        task("asks", null, "is medika herbal first aid kit in stock?", Map.of(), 0),
                        task("other", null, "add Sonora Loop 8", Map.of("Sonora Loop 8", 1), 0)),
                25);
        assertThat(groupOf(groups, "asks")).isNotEqualTo(groupOf(groups, "adds"));
        assertThat(groupOf(groups, "other")).isEqualTo(groupOf(groups, "adds"));
    }

    @Test
    void oneCustomerPerCopyAndAnOrderOnACopyOfItsOwn() {
        List<List<EvalTask>> groups = Evaluation.groups(
                List.of(
                        task("budi-1", "budi@example.com", "my orders", Map.of(), 0),
                        task("budi-2", "budi@example.com", "my vouchers", Map.of(), 0),
                        task("orders", "andi@example.com", "checkout", Map.of(), 1),
                        task("guest", null, "hello", Map.of(), 0)),
                25);
        assertThat(groupOf(groups, "budi-2")).isNotEqualTo(groupOf(groups, "budi-1"));
        assertThat(groups.get(groupOf(groups, "orders"))).hasSize(1);
        assertThat(groupOf(groups, "guest")).isEqualTo(groupOf(groups, "budi-1"));
    }

    @Test
    void aGroupHoldsNoMoreThanItsSize() {
        List<EvalTask> many = new java.util.ArrayList<>();
        for (int i = 0; i < 7; i++) many.add(task("t" + i, null, "hello", Map.of(), 0));
        assertThat(Evaluation.groups(many, 3)).extracting(List::size).containsExactly(3, 3, 1);
    }
}
