package com.shopassist.data.privacy;

import com.shopassist.data.db.SqlMapper;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.ibatis.annotations.Param;

/**
 * Privacy requests over several tables, chat included: the chat repository belongs to the
 * assistant, but erasure and retention are decisions about the customer (core.privacy).
 */
public interface PrivacyMapper extends SqlMapper {

    List<Map<String, Object>> customer(@Param("customerId") long customerId);

    List<Map<String, Object>> addresses(@Param("customerId") long customerId);

    List<Map<String, Object>> sessions(@Param("customerId") long customerId);

    List<Map<String, Object>> cart(@Param("customerId") long customerId);

    List<Map<String, Object>> orders(@Param("customerId") long customerId);

    List<Map<String, Object>> orderItems(@Param("customerId") long customerId);

    List<Map<String, Object>> chatSessions(@Param("customerId") long customerId);

    List<Map<String, Object>> chatMessages(@Param("customerId") long customerId);

    /** privacy_authorise (V102): raises unless the caller may; records a clerk's request. */
    String authorise(
            @Param("customerId") long customerId, @Param("action") String action, @Param("password") String password);

    /** privacy_erase (V102): the whole erasure; false when there is no such customer. */
    boolean erase(@Param("customerId") long customerId, @Param("redacted") String redacted);

    /** One row: messages_redacted, guest_chats_deleted. */
    Map<String, Object> purgeChatsBefore(@Param("before") Instant before, @Param("redacted") String redacted);

    int attributeGuestChats(@Param("guestKey") String guestKey, @Param("customerId") long customerId);
}
