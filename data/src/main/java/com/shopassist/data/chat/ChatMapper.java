package com.shopassist.data.chat;

import com.shopassist.data.db.SqlMapper;
import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Param;

/** aichatbot.chat_session and chat_details. Session ids travel as text and are cast in SQL. */
public interface ChatMapper extends SqlMapper {

    int insertSessionIfAbsent(
            @Param("id") String id, @Param("customerId") Long customerId, @Param("guestKey") String guestKey);

    /** Fills {@code row.chatIdSequence} with the generated sequence. */
    int insertMessage(NewMessage row);

    /** One multi-row insert; fills each row's {@code chatIdSequence}. All rows share one session. */
    int insertMessages(@Param("rows") List<NewMessage> rows);

    List<ChatMessageRow> messagesAfter(@Param("id") String id, @Param("after") long afterSequence);

    ChatSessionRow session(@Param("id") String id);

    List<ChatSessionRow> sessionsOfCustomer(@Param("customerId") long customerId, @Param("limit") int limit);

    int saveSummary(@Param("id") String id, @Param("summary") String summary, @Param("upto") long upto);

    int setTitle(@Param("id") String id, @Param("title") String title);

    int savePending(@Param("id") String id, @Param("action") String actionJson, @Param("until") Instant until);

    PendingRow pending(@Param("id") String id);

    int deleteSession(@Param("id") String id);

    Long tokensUsedSince(
            @Param("customerId") Long customerId, @Param("guestKey") String guestKey, @Param("since") Instant since);

    int redactSummariesOlderThan(@Param("before") Instant before);

    int redactMessagesOlderThan(@Param("before") Instant before);

    int redactCustomerSessions(@Param("customerId") long customerId);

    int redactCustomerMessages(@Param("customerId") long customerId);
}
