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

    List<Long> lockCustomer(@Param("customerId") long customerId);

    int deleteAddresses(@Param("customerId") long customerId);

    int deleteSessions(@Param("customerId") long customerId);

    int redactChatsOf(@Param("customerId") long customerId, @Param("redacted") String redacted);

    int clearChatSessionsOf(@Param("customerId") long customerId);

    int forgetOrderAddresses(@Param("customerId") long customerId);

    int anonymise(
            @Param("customerId") long customerId,
            @Param("email") String email,
            @Param("name") String name,
            @Param("now") Instant now);

    int redactChatsBefore(@Param("before") Instant before, @Param("redacted") String redacted);

    int clearChatSummariesBefore(@Param("before") Instant before);
}
