package com.shopassist.data.clerk;

import com.shopassist.core.clerk.ClerkCall;
import com.shopassist.core.clerk.ClerkCallRepository;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** {@link ClerkCallRepository} in SQL: each change is one statement with its NOTIFY. */
public final class MyBatisClerkCallRepository implements ClerkCallRepository {

    private final ClerkCallMapper mapper;

    public MyBatisClerkCallRepository(ClerkCallMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public ClerkCall insert(String kioskName) {
        return mapper.insert(kioskName).toCall();
    }

    @Override
    public Optional<ClerkCall> take(long callId, long clerkId, String clerkName) {
        return Optional.ofNullable(mapper.take(callId, clerkId, clerkName)).map(ClerkCallRow::toCall);
    }

    @Override
    public Optional<ClerkCall> find(long callId) {
        return Optional.ofNullable(mapper.find(callId)).map(ClerkCallRow::toCall);
    }

    @Override
    public List<ClerkCall> open() {
        return mapper.open().stream().map(ClerkCallRow::toCall).toList();
    }

    @Override
    public List<ClerkCall> expireOlderThan(Duration timeout) {
        return mapper.expire(timeout.toMillis() / 1000.0).stream()
                .map(ClerkCallRow::toCall)
                .toList();
    }
}
