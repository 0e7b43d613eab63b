package com.shopassist.data.clerk;

import com.shopassist.data.db.SqlMapper;
import java.util.List;
import org.apache.ibatis.annotations.Param;

/** tbl_clerk_call; every change also NOTIFYs shopassist_clerk_call. */
public interface ClerkCallMapper extends SqlMapper {

    ClerkCallRow insert(@Param("kiosk") String kiosk);

    ClerkCallRow take(@Param("id") long id, @Param("clerkId") long clerkId, @Param("clerkName") String clerkName);

    List<ClerkCallRow> expire(@Param("seconds") double seconds);

    ClerkCallRow find(@Param("id") long id);

    List<ClerkCallRow> open();
}
