package com.shopassist.data.outbox;

import com.shopassist.core.outbox.AppliedChangeRepository;
import com.shopassist.core.outbox.CartChange;
import com.shopassist.core.outbox.ChangeAlreadyAppliedException;
import com.shopassist.core.outbox.ChangeOutcome;
import com.shopassist.core.outbox.CheckoutRejection;
import com.shopassist.core.outbox.CheckoutRejectionRepository;
import com.shopassist.data.db.DbErrors;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.ibatis.exceptions.PersistenceException;

/** Applied change ids and refused queued checkouts in the store's shared database. */
public final class MyBatisReplayRepositories implements AppliedChangeRepository, CheckoutRejectionRepository {

    private static final String UNIQUE_VIOLATION = "23505";

    private final ReplayMapper mapper;

    public MyBatisReplayRepositories(ReplayMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public Optional<ChangeOutcome> find(UUID changeId) {
        return mapper.findApplied(changeId.toString())
                .map(r -> new ChangeOutcome(ChangeOutcome.Status.valueOf(r.outcome()), r.outcomeDetail()));
    }

    @Override
    public void record(UUID changeId, CartChange.Kind kind, ChangeOutcome outcome, String kioskId, Instant at) {
        try {
            mapper.insertApplied(
                    changeId.toString(), kind.name(), outcome.status().name(), outcome.detail(), kioskId, at);
        } catch (PersistenceException e) {
            if (DbErrors.hasSqlState(e, UNIQUE_VIOLATION)) throw new ChangeAlreadyAppliedException(changeId, e);
            throw e;
        }
    }

    @Override
    public boolean actsFor(long customerId) {
        return mapper.actsFor(customerId);
    }

    @Override
    public boolean noteChangesWaiting(long customerId, int waiting, String kioskId, Instant at) {
        return kioskId != null && mapper.noteChangesWaiting(customerId, waiting, kioskId, at);
    }

    @Override
    public void changesCaughtUp(long customerId, String kioskId) {
        if (kioskId != null) mapper.deleteChangesWaiting(customerId, kioskId);
    }

    @Override
    public void record(CheckoutRejection r) {
        mapper.insertRejection(
                r.changeId().toString(),
                r.reference(),
                r.idempotencyKey(),
                r.customerId(),
                r.reason(),
                r.message(),
                r.kioskId(),
                r.queuedAt(),
                r.rejectedAt());
    }

    @Override
    public List<CheckoutRejection> latest(int limit) {
        return mapper.latestRejections(limit).stream()
                .map(r -> new CheckoutRejection(
                        UUID.fromString(r.changeId()),
                        r.reference(),
                        r.idempotencyKey(),
                        r.customerId(),
                        r.reason(),
                        r.message(),
                        r.kioskId(),
                        r.queuedAt(),
                        r.rejectedAt()))
                .toList();
    }
}
