package com.shopassist.ai.tool;

import com.shopassist.core.chat.ChatContext;
import com.shopassist.core.chat.ProposedAction;

/**
 * A tool whose write spends money or cannot be undone (checkout, applying a voucher, clearing the
 * cart): a call only proposes it (see {@link ProposalStore}); {@link #carryOut} does it once the
 * shopper has said yes. The registry checks the proposal before handing it over.
 */
public interface ProposingTool extends Tool {

    /** The kind of proposal this tool makes and carries out. */
    ProposedAction.Kind kind();

    /** Carries out a proposal the shopper confirmed (already checked to be the session's own). */
    ToolResult carryOut(ShopServices services, ChatContext ctx, ProposedAction confirmed);
}
